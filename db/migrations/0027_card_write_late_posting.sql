ALTER TABLE `check_slips` ADD `late_card_write_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `check_slips_late_card_write_id_unique` ON `check_slips` (`late_card_write_id`);--> statement-breakpoint
ALTER TABLE `payments` ADD `late_card_write_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `payments_late_card_write_id_unique` ON `payments` (`late_card_write_id`);--> statement-breakpoint
-- R-IC-07 (issue 10 #1): a closed day still takes no new rows, except the settlement of a card write
-- that was begun before the close and is still unsettled (the card carries the gas; the payment is
-- posted onto that day, flagged for the manager). Nothing else gets in.
DROP TRIGGER payments_day_open;
--> statement-breakpoint
CREATE TRIGGER payments_day_open BEFORE INSERT ON payments
WHEN EXISTS (
  SELECT 1 FROM business_days d
  WHERE d.hall_id = NEW.hall_id AND d.business_date = NEW.business_date AND d.closed_at IS NOT NULL
    AND NOT (NEW.late_card_write_id IS NOT NULL AND EXISTS (
      SELECT 1 FROM card_writes w
      WHERE w.id = NEW.late_card_write_id AND w.account_id = NEW.account_id AND w.created_at < d.closed_at
        AND NOT EXISTS (SELECT 1 FROM card_write_outcomes o WHERE o.write_id = w.id))))
BEGIN
  SELECT RAISE(ABORT, 'business day closed');
END;
--> statement-breakpoint
DROP TRIGGER check_slips_day_open;
--> statement-breakpoint
CREATE TRIGGER check_slips_day_open BEFORE INSERT ON check_slips
WHEN EXISTS (
  SELECT 1 FROM business_days d
  WHERE d.hall_id = NEW.hall_id AND d.business_date = NEW.business_date AND d.closed_at IS NOT NULL
    AND NOT (NEW.late_card_write_id IS NOT NULL AND EXISTS (
      SELECT 1 FROM card_writes w
      WHERE w.id = NEW.late_card_write_id AND w.created_at < d.closed_at
        AND NOT EXISTS (SELECT 1 FROM card_write_outcomes o WHERE o.write_id = w.id))))
BEGIN
  SELECT RAISE(ABORT, 'business day closed');
END;

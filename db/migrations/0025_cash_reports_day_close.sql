CREATE TABLE `cash_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`clerk_id` text NOT NULL,
	`hall_id` text NOT NULL,
	`business_date` text NOT NULL,
	`previous_balance_fen` integer NOT NULL,
	`income_fen` integer NOT NULL,
	`deposited_fen` integer NOT NULL,
	`balance_fen` integer NOT NULL,
	`counted_fen` integer NOT NULL,
	`denominations` text NOT NULL,
	`difference_fen` integer NOT NULL,
	`difference_reason` text DEFAULT '' NOT NULL,
	`lines` text NOT NULL,
	`reviewer_id` text,
	`reviewed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`clerk_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cash_reports_clerk_day` ON `cash_reports` (`clerk_id`,`business_date`);--> statement-breakpoint
ALTER TABLE `business_days` ADD `close_no` text;--> statement-breakpoint
ALTER TABLE `business_days` ADD `summary` text;--> statement-breakpoint
-- R-CASH-05: the reviewer is never the preparer; a report is reviewed once and otherwise never changes.
CREATE TRIGGER cash_reports_review_once BEFORE UPDATE ON cash_reports
WHEN OLD.reviewer_id IS NOT NULL OR NEW.reviewer_id IS NULL OR NEW.reviewer_id = OLD.clerk_id
  OR NEW.clerk_id IS NOT OLD.clerk_id OR NEW.business_date IS NOT OLD.business_date OR NEW.income_fen IS NOT OLD.income_fen
  OR NEW.balance_fen IS NOT OLD.balance_fen OR NEW.counted_fen IS NOT OLD.counted_fen OR NEW.difference_fen IS NOT OLD.difference_fen
  OR NEW.deposited_fen IS NOT OLD.deposited_fen OR NEW.previous_balance_fen IS NOT OLD.previous_balance_fen OR NEW.lines IS NOT OLD.lines
  OR NEW.denominations IS NOT OLD.denominations OR NEW.difference_reason IS NOT OLD.difference_reason
BEGIN
  SELECT RAISE(ABORT, 'a cash report is reviewed once, by someone other than its preparer');
END;
--> statement-breakpoint
CREATE TRIGGER cash_reports_no_delete BEFORE DELETE ON cash_reports
BEGIN
  SELECT RAISE(ABORT, 'cash reports cannot be deleted');
END;
--> statement-breakpoint
-- A closed business day takes no new rows anywhere (issue 6): slips, invoices, bank runs, cash reports.
CREATE TRIGGER check_slips_day_open BEFORE INSERT ON check_slips
WHEN EXISTS (SELECT 1 FROM business_days d WHERE d.hall_id = NEW.hall_id AND d.business_date = NEW.business_date AND d.closed_at IS NOT NULL)
BEGIN
  SELECT RAISE(ABORT, 'business day closed');
END;
--> statement-breakpoint
CREATE TRIGGER cash_reports_day_open BEFORE INSERT ON cash_reports
WHEN EXISTS (SELECT 1 FROM business_days d WHERE d.hall_id = NEW.hall_id AND d.business_date = NEW.business_date AND d.closed_at IS NOT NULL)
BEGIN
  SELECT RAISE(ABORT, 'business day closed');
END;
--> statement-breakpoint
CREATE TRIGGER invoices_day_open BEFORE INSERT ON invoices
WHEN EXISTS (SELECT 1 FROM business_days d JOIN staff s ON s.id = NEW.clerk_id WHERE d.hall_id = s.hall_id AND d.business_date = NEW.business_date AND d.closed_at IS NOT NULL)
BEGIN
  SELECT RAISE(ABORT, 'business day closed');
END;
--> statement-breakpoint
-- A closed day stays closed: its close cannot be undone or rewritten.
CREATE TRIGGER business_days_closed_final BEFORE UPDATE ON business_days
WHEN OLD.closed_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'a closed business day cannot change');
END;
--> statement-breakpoint
CREATE TRIGGER business_days_no_delete BEFORE DELETE ON business_days
WHEN OLD.closed_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'a closed business day cannot change');
END;

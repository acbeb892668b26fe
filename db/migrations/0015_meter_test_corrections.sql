CREATE TABLE `meter_test_corrections` (
	`id` text PRIMARY KEY NOT NULL,
	`business_id` text NOT NULL,
	`bill_id` text NOT NULL,
	`consumption_centi` integer NOT NULL,
	`price_fen_per_m3` integer NOT NULL,
	`error_basis_points` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`payment_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TRIGGER meter_test_corrections_no_update BEFORE UPDATE ON meter_test_corrections
BEGIN
  SELECT RAISE(ABORT, 'append-only: meter_test_corrections rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER meter_test_corrections_no_delete BEFORE DELETE ON meter_test_corrections
BEGIN
  SELECT RAISE(ABORT, 'append-only: meter_test_corrections rows cannot be deleted');
END;
--> statement-breakpoint
DROP TRIGGER payments_total_balances;
--> statement-breakpoint
-- Negative fees: a meter-test deposit handed back, or a gas-fee credit after a failed meter test (A-19);
-- nothing is tendered and the cash handed out is the change.
CREATE TRIGGER payments_total_balances BEFORE INSERT ON payments
WHEN NEW.total_fen <> NEW.gas_fen + NEW.late_fee_fen + NEW.fee_fen OR NEW.change_fen <> NEW.tendered_fen - NEW.total_fen
  OR NEW.change_fen < 0
  OR (NEW.fee_fen < 0 AND NOT (NEW.charge_type IN ('检测押金', '气费退补') AND NEW.tendered_fen = 0))
BEGIN
  SELECT RAISE(ABORT, 'payment does not balance');
END;

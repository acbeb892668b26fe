CREATE TABLE `meter_test_records` (
	`id` text PRIMARY KEY NOT NULL,
	`business_id` text NOT NULL,
	`reading_before_test_centi` integer NOT NULL,
	`settled_reading_centi` integer NOT NULL,
	`signed_on` text NOT NULL,
	`sent_on` text NOT NULL,
	`installer` text NOT NULL,
	`temp_meter_model` text NOT NULL,
	`temp_meter_no` text NOT NULL,
	`result` text NOT NULL,
	`error_percent` text NOT NULL,
	`handling` text NOT NULL,
	`charge_payment_id` text,
	`refund_payment_id` text NOT NULL,
	`confirmed_by` text,
	`entered_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`charge_payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`refund_payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meter_test_records_business_id_unique` ON `meter_test_records` (`business_id`);--> statement-breakpoint
CREATE TRIGGER meter_test_records_no_update BEFORE UPDATE ON meter_test_records
BEGIN
  SELECT RAISE(ABORT, 'append-only: meter_test_records rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER meter_test_records_no_delete BEFORE DELETE ON meter_test_records
BEGIN
  SELECT RAISE(ABORT, 'append-only: meter_test_records rows cannot be deleted');
END;
--> statement-breakpoint
DROP TRIGGER payments_total_balances;
--> statement-breakpoint
-- A negative fee is allowed only for handing a meter-test deposit back (R-TEST-03/04): nothing tendered,
-- the cash handed out is the change.
CREATE TRIGGER payments_total_balances BEFORE INSERT ON payments
WHEN NEW.total_fen <> NEW.gas_fen + NEW.late_fee_fen + NEW.fee_fen OR NEW.change_fen <> NEW.tendered_fen - NEW.total_fen
  OR NEW.change_fen < 0
  OR (NEW.fee_fen < 0 AND NOT (NEW.charge_type = '检测押金' AND NEW.tendered_fen = 0))
BEGIN
  SELECT RAISE(ABORT, 'payment does not balance');
END;

CREATE TABLE `ownership_transfers` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`previous_name` text NOT NULL,
	`new_name` text NOT NULL,
	`transfer_date` text NOT NULL,
	`settled_reading_centi` integer NOT NULL,
	`fee_fen` integer NOT NULL,
	`waiver_proof` text,
	`invoice_lost` integer NOT NULL,
	`payment_id` text,
	`entered_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TRIGGER ownership_transfers_no_update BEFORE UPDATE ON ownership_transfers
BEGIN
  SELECT RAISE(ABORT, 'append-only: ownership_transfers rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER ownership_transfers_no_delete BEFORE DELETE ON ownership_transfers
BEGIN
  SELECT RAISE(ABORT, 'append-only: ownership_transfers rows cannot be deleted');
END;

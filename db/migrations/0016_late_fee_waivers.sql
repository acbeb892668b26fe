CREATE TABLE `late_fee_waivers` (
	`id` text PRIMARY KEY NOT NULL,
	`payment_id` text NOT NULL,
	`bill_id` text NOT NULL,
	`late_fee_fen` integer NOT NULL,
	`waived_fen` integer NOT NULL,
	`reason` text NOT NULL,
	`clerk_id` text NOT NULL,
	`approver_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clerk_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approver_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TRIGGER late_fee_waivers_no_update BEFORE UPDATE ON late_fee_waivers
BEGIN
  SELECT RAISE(ABORT, 'append-only: late_fee_waivers rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER late_fee_waivers_no_delete BEFORE DELETE ON late_fee_waivers
BEGIN
  SELECT RAISE(ABORT, 'append-only: late_fee_waivers rows cannot be deleted');
END;

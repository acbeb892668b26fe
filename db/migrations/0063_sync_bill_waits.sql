CREATE TABLE `sync_bill_waits` (
	`bill_id` text PRIMARY KEY NOT NULL,
	`payment_id` text NOT NULL,
	`source` text NOT NULL,
	`position` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_bill_waits_payment` ON `sync_bill_waits` (`payment_id`);
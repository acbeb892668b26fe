CREATE TABLE `correction_decisions` (
	`request_id` text PRIMARY KEY NOT NULL,
	`decision` text NOT NULL,
	`decider_id` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`new_bill_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `correction_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decider_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`new_bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `correction_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`account_id` text NOT NULL,
	`bill_id` text,
	`reading_centi` integer,
	`estimated` integer DEFAULT false NOT NULL,
	`payment_id` text,
	`from_method` text,
	`to_method` text,
	`reason` text NOT NULL,
	`requester_id` text NOT NULL,
	`hall_id` text NOT NULL,
	`counter_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requester_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counter_id`) REFERENCES `counters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `correction_requests_hall` ON `correction_requests` (`hall_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `payment_method_corrections` (
	`request_id` text PRIMARY KEY NOT NULL,
	`original_payment_id` text NOT NULL,
	`reversal_payment_id` text NOT NULL,
	`new_payment_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `correction_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`original_payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reversal_payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`new_payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_method_corrections_original_payment_id_unique` ON `payment_method_corrections` (`original_payment_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `payment_method_corrections_reversal_payment_id_unique` ON `payment_method_corrections` (`reversal_payment_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `payment_method_corrections_new_payment_id_unique` ON `payment_method_corrections` (`new_payment_id`);--> statement-breakpoint
CREATE TABLE `complaint_answers` (
	`complaint_id` text PRIMARY KEY NOT NULL,
	`answer` text NOT NULL,
	`satisfaction` text NOT NULL,
	`answered_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`channel` text NOT NULL,
	`category` text NOT NULL,
	`account_id` text,
	`customer_name` text NOT NULL,
	`phone` text NOT NULL,
	`content` text NOT NULL,
	`handler_id` text NOT NULL,
	`hall_id` text NOT NULL,
	`counter_id` text NOT NULL,
	`slip_no` text,
	`promised_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handler_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counter_id`) REFERENCES `counters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`slip_no`) REFERENCES `check_slips`(`slip_no`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complaints_hall` ON `complaints` (`hall_id`,`promised_by`);--> statement-breakpoint
ALTER TABLE `bill_corrections` ADD `request_id` text;
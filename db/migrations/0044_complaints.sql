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
CREATE INDEX `complaints_hall` ON `complaints` (`hall_id`,`promised_by`);
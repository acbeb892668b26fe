CREATE TABLE `counter_pauses` (
	`id` text PRIMARY KEY NOT NULL,
	`hall_id` text NOT NULL,
	`counter_id` text NOT NULL,
	`business_date` text NOT NULL,
	`reason` text NOT NULL,
	`requested_by` text NOT NULL,
	`approved_by` text NOT NULL,
	`started_at` text NOT NULL,
	`resumed_at` text,
	`resumed_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counter_id`) REFERENCES `counters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resumed_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `counter_pauses_counter` ON `counter_pauses` (`counter_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `counter_picks` (
	`counter_id` text NOT NULL,
	`account_id` text NOT NULL,
	`pick_id` text NOT NULL,
	`hall_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`picked_at` text NOT NULL,
	`released_at` text,
	PRIMARY KEY(`counter_id`, `account_id`),
	FOREIGN KEY (`counter_id`) REFERENCES `counters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `counter_picks_one_active` ON `counter_picks` (`counter_id`) WHERE released_at IS NULL;--> statement-breakpoint
CREATE TABLE `service_timings` (
	`id` text PRIMARY KEY NOT NULL,
	`hall_id` text NOT NULL,
	`counter_id` text NOT NULL,
	`clerk_id` text NOT NULL,
	`account_id` text NOT NULL,
	`business_date` text NOT NULL,
	`kind` text NOT NULL,
	`slip_ref` text NOT NULL,
	`started_at` text NOT NULL,
	`ended_at` text NOT NULL,
	`duration_ms` integer NOT NULL,
	`limit_seconds` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counter_id`) REFERENCES `counters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clerk_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `service_timings_day` ON `service_timings` (`hall_id`,`business_date`);--> statement-breakpoint
CREATE TABLE `timing_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`enabled` integer NOT NULL,
	`fee_limit_seconds` integer NOT NULL,
	`other_limit_seconds` integer NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);

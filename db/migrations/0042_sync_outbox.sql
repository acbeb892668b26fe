CREATE TABLE `counter_day_markers` (
	`id` text PRIMARY KEY NOT NULL,
	`hall_id` text NOT NULL,
	`business_date` text NOT NULL,
	`device_id` text,
	`counter_id` text NOT NULL,
	`payment_count` integer NOT NULL,
	`total_fen` integer NOT NULL,
	`through_seq` integer NOT NULL,
	`head_seq` integer NOT NULL,
	`head_hash` text NOT NULL,
	`reason` text NOT NULL,
	`ref` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `counter_day_markers_day` ON `counter_day_markers` (`hall_id`,`business_date`);--> statement-breakpoint
CREATE TABLE `device_keys` (
	`device_id` text PRIMARY KEY NOT NULL,
	`hall_id` text NOT NULL,
	`counter_id` text NOT NULL,
	`algorithm` text NOT NULL,
	`public_key_pem` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_apply_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`applying` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_marker_deliveries` (
	`marker_id` text PRIMARY KEY NOT NULL,
	`delivered_at` text NOT NULL,
	`mismatch` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tbl` text NOT NULL,
	`op` text NOT NULL,
	`row_id` text NOT NULL,
	`row` text NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`hall_id` text,
	`business_date` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_outbox_day` ON `sync_outbox` (`business_date`,`tbl`);--> statement-breakpoint
CREATE TABLE `sync_push_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`acked_seq` integer DEFAULT 0 NOT NULL,
	`last_push_at` text,
	`last_error` text,
	`last_error_at` text
);

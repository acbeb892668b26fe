CREATE TABLE `hall_day_markers` (
	`hall_id` text NOT NULL,
	`counter_id` text NOT NULL,
	`business_date` text NOT NULL,
	`device_id` text NOT NULL,
	`payment_count` integer NOT NULL,
	`total_fen` integer NOT NULL,
	`through_seq` integer NOT NULL,
	`head_seq` integer,
	`head_hash` text,
	`source` text NOT NULL,
	`received_at` text NOT NULL,
	PRIMARY KEY(`hall_id`, `counter_id`, `business_date`)
);
--> statement-breakpoint
CREATE TABLE `sync_anomalies` (
	`id` text PRIMARY KEY NOT NULL,
	`server_id` text,
	`kind` text NOT NULL,
	`hall_id` text,
	`counter_id` text,
	`device_id` text,
	`table_name` text,
	`row_id` text,
	`other_row_id` text,
	`account_id` text,
	`bill_id` text,
	`payment_id` text,
	`other_payment_id` text,
	`amount_fen` integer,
	`business_date` text,
	`detail` text NOT NULL,
	`created_at` text NOT NULL,
	`reported_by` text NOT NULL,
	`resolution` text,
	`resolved_by` text,
	`resolved_at` text,
	`note` text,
	`sent_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_anomalies_server_id_unique` ON `sync_anomalies` (`server_id`);--> statement-breakpoint
CREATE INDEX `sync_anomalies_open` ON `sync_anomalies` (`resolution`,`created_at`);--> statement-breakpoint
CREATE INDEX `sync_anomalies_bill` ON `sync_anomalies` (`bill_id`);--> statement-breakpoint
CREATE TABLE `sync_cursors` (
	`feed` text PRIMARY KEY NOT NULL,
	`cursor` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_problems` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`position` text NOT NULL,
	`table_name` text NOT NULL,
	`op` text NOT NULL,
	`row_id` text NOT NULL,
	`origin_device_id` text,
	`reason` text NOT NULL,
	`row` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_problems_created` ON `sync_problems` (`created_at`);
CREATE TABLE `businesses` (
	`id` text PRIMARY KEY NOT NULL,
	`business_no` text NOT NULL,
	`type` text NOT NULL,
	`account_id` text NOT NULL,
	`requirement` text DEFAULT '' NOT NULL,
	`contact_phone` text NOT NULL,
	`priority` text NOT NULL,
	`accepted_on` text NOT NULL,
	`promised_on` text NOT NULL,
	`deferred_to` text,
	`deferral_remark` text,
	`state` text NOT NULL,
	`channel` text NOT NULL,
	`accepted_by` text NOT NULL,
	`hall_id` text NOT NULL,
	`counter_id` text NOT NULL,
	`void_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`accepted_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counter_id`) REFERENCES `counters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `businesses_business_no_unique` ON `businesses` (`business_no`);--> statement-breakpoint
CREATE INDEX `businesses_account` ON `businesses` (`account_id`);--> statement-breakpoint
CREATE INDEX `businesses_hall_state` ON `businesses` (`hall_id`,`state`);--> statement-breakpoint
CREATE TABLE `calendar_days` (
	`date` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`note` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ignition_records` (
	`id` text PRIMARY KEY NOT NULL,
	`business_id` text NOT NULL,
	`latest_reading_centi` integer NOT NULL,
	`cooker_brand` text DEFAULT '' NOT NULL,
	`flame_failure_device` integer NOT NULL,
	`cooker_year` text DEFAULT '' NOT NULL,
	`heater_brand` text DEFAULT '' NOT NULL,
	`heater_output` text DEFAULT '' NOT NULL,
	`heater_year` text DEFAULT '' NOT NULL,
	`heating_brand` text DEFAULT '' NOT NULL,
	`heating_power` text DEFAULT '' NOT NULL,
	`heating_year` text DEFAULT '' NOT NULL,
	`entered_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ignition_records_business_id_unique` ON `ignition_records` (`business_id`);--> statement-breakpoint
CREATE TABLE `seal_records` (
	`id` text PRIMARY KEY NOT NULL,
	`business_id` text NOT NULL,
	`settled_reading_centi` integer NOT NULL,
	`resulting_status` text NOT NULL,
	`reason` text NOT NULL,
	`entered_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `seal_records_business_id_unique` ON `seal_records` (`business_id`);--> statement-breakpoint
CREATE TABLE `work_order_receipts` (
	`id` text PRIMARY KEY NOT NULL,
	`work_order_id` text NOT NULL,
	`arrived_at` text,
	`implemented_at` text,
	`left_at` text,
	`result` text NOT NULL,
	`business_valid` integer NOT NULL,
	`site_remark` text NOT NULL,
	`entered_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `work_order_receipts_work_order_id_unique` ON `work_order_receipts` (`work_order_id`);--> statement-breakpoint
CREATE TABLE `work_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`work_order_no` text NOT NULL,
	`business_id` text NOT NULL,
	`kind` text NOT NULL,
	`technician` text NOT NULL,
	`remark` text DEFAULT '' NOT NULL,
	`dispatched_by` text NOT NULL,
	`dispatched_on` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dispatched_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `work_orders_work_order_no_unique` ON `work_orders` (`work_order_no`);--> statement-breakpoint
CREATE INDEX `work_orders_business` ON `work_orders` (`business_id`);--> statement-breakpoint
ALTER TABLE `staff` ADD `can_dispatch` integer DEFAULT false NOT NULL;
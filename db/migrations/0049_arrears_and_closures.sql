CREATE TABLE `account_closures` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`state` text NOT NULL,
	`site_business_id` text NOT NULL,
	`removal_business_id` text,
	`deposit_fen` integer DEFAULT 0 NOT NULL,
	`final_bill_id` text,
	`removed_on` text,
	`approved_by` text,
	`closed_on` text,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`removal_business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`final_bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `account_closures_account` ON `account_closures` (`account_id`);--> statement-breakpoint
CREATE TABLE `arrears_notices` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`notice_date` text NOT NULL,
	`months` integer NOT NULL,
	`total_fen` integer NOT NULL,
	`output` text NOT NULL,
	`printed_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`printed_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `arrears_notices_account` ON `arrears_notices` (`account_id`,`notice_date`);--> statement-breakpoint
CREATE TABLE `arrears_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`enabled` integer NOT NULL,
	`individual_months` integer NOT NULL,
	`organisation_months` integer NOT NULL,
	`notice_days` integer NOT NULL,
	`restore_hours` integer NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `repayment_agreements` (
	`id` text PRIMARY KEY NOT NULL,
	`stop_id` text NOT NULL,
	`owed_fen` integer NOT NULL,
	`terms` text NOT NULL,
	`pay_by` text NOT NULL,
	`clerk_id` text NOT NULL,
	`approved_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`stop_id`) REFERENCES `supply_stops`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clerk_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `repayment_agreements_stop_id_unique` ON `repayment_agreements` (`stop_id`);--> statement-breakpoint
CREATE TABLE `stop_rechecks` (
	`id` text PRIMARY KEY NOT NULL,
	`stop_id` text NOT NULL,
	`checked_on` text NOT NULL,
	`result` text NOT NULL,
	`note` text NOT NULL,
	`entered_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`stop_id`) REFERENCES `supply_stops`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `supply_stops` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`notice_id` text NOT NULL,
	`months` integer NOT NULL,
	`owed_fen` integer NOT NULL,
	`requested_by` text NOT NULL,
	`approved_by` text NOT NULL,
	`seal_business_id` text NOT NULL,
	`restore_business_id` text,
	`restore_issued_at` text,
	`restore_due_at` text,
	`restore_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`notice_id`) REFERENCES `arrears_notices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`seal_business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`restore_business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `supply_stops_seal_business_id_unique` ON `supply_stops` (`seal_business_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `supply_stops_restore_business_id_unique` ON `supply_stops` (`restore_business_id`);--> statement-breakpoint
CREATE INDEX `supply_stops_account` ON `supply_stops` (`account_id`);
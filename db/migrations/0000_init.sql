CREATE TABLE `account_phones` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`phone` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `account_phones_unique` ON `account_phones` (`account_id`,`phone`);--> statement-breakpoint
CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`account_no` text NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`community` text NOT NULL,
	`customer_type` text NOT NULL,
	`payment_method` text NOT NULL,
	`bank_card_no` text,
	`bank_name` text,
	`card_holder` text,
	`sms_number` text,
	`sms_company` text,
	`application_nature` text NOT NULL,
	`application_date` text NOT NULL,
	`invoice_date` text NOT NULL,
	`install_requirements` text DEFAULT '' NOT NULL,
	`seq_book` text NOT NULL,
	`seq_building` text NOT NULL,
	`seq_unit` text NOT NULL,
	`seq_room` text NOT NULL,
	`seq_no` text NOT NULL,
	`area_type` text NOT NULL,
	`building_type` text NOT NULL,
	`connection_fee_fen` integer NOT NULL,
	`area` text NOT NULL,
	`meter_reader` text NOT NULL,
	`home_hall_id` text NOT NULL,
	`category` text DEFAULT '普通用户' NOT NULL,
	`hose_info` text DEFAULT '' NOT NULL,
	`settled_reading_centi` integer DEFAULT 0 NOT NULL,
	`prepaid_volume_centi` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`home_hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_account_no_unique` ON `accounts` (`account_no`);--> statement-breakpoint
CREATE INDEX `accounts_seq_no` ON `accounts` (`seq_no`);--> statement-breakpoint
CREATE INDEX `accounts_reader` ON `accounts` (`meter_reader`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`detail` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `bills` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`meter_id` text NOT NULL,
	`reading_date` text NOT NULL,
	`previous_reading_centi` integer NOT NULL,
	`this_reading_centi` integer NOT NULL,
	`consumption_centi` integer NOT NULL,
	`price_fen_per_m3` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`due_date` text NOT NULL,
	`source` text NOT NULL,
	`estimated` integer DEFAULT false NOT NULL,
	`reader` text NOT NULL,
	`status` text DEFAULT '未缴' NOT NULL,
	`paid_payment_id` text,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meter_id`) REFERENCES `meters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bills_account_status` ON `bills` (`account_id`,`status`,`reading_date`);--> statement-breakpoint
CREATE TABLE `business_days` (
	`hall_id` text NOT NULL,
	`business_date` text NOT NULL,
	`closed_at` text,
	`closed_by` text,
	PRIMARY KEY(`hall_id`, `business_date`),
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `check_slips` (
	`slip_no` text PRIMARY KEY NOT NULL,
	`counter_id` text NOT NULL,
	`seq` integer NOT NULL,
	`hall_id` text NOT NULL,
	`business_date` text NOT NULL,
	`handwritten` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`counter_id`) REFERENCES `counters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `check_slips_counter_seq` ON `check_slips` (`counter_id`,`seq`);--> statement-breakpoint
CREATE TABLE `counter_sequences` (
	`counter_id` text NOT NULL,
	`kind` text NOT NULL,
	`last_value` integer NOT NULL,
	PRIMARY KEY(`counter_id`, `kind`),
	FOREIGN KEY (`counter_id`) REFERENCES `counters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `counters` (
	`id` text PRIMARY KEY NOT NULL,
	`hall_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `counters_code_unique` ON `counters` (`code`);--> statement-breakpoint
CREATE TABLE `halls` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `halls_code_unique` ON `halls` (`code`);--> statement-breakpoint
CREATE TABLE `meters` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`kind` text NOT NULL,
	`model` text NOT NULL,
	`meter_no` text NOT NULL,
	`direction` text NOT NULL,
	`base_reading_centi` integer NOT NULL,
	`latest_reading_centi` integer NOT NULL,
	`installed_on` text NOT NULL,
	`status` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meters_account` ON `meters` (`account_id`);--> statement-breakpoint
CREATE TABLE `payment_items` (
	`id` text PRIMARY KEY NOT NULL,
	`payment_id` text NOT NULL,
	`bill_id` text NOT NULL,
	`gas_fen` integer NOT NULL,
	`late_fee_fen` integer NOT NULL,
	`overdue_days` integer NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payment_items_payment` ON `payment_items` (`payment_id`);--> statement-breakpoint
CREATE INDEX `payment_items_bill` ON `payment_items` (`bill_id`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`slip_no` text NOT NULL,
	`account_id` text NOT NULL,
	`hall_id` text NOT NULL,
	`counter_id` text NOT NULL,
	`clerk_id` text NOT NULL,
	`business_date` text NOT NULL,
	`method` text NOT NULL,
	`gas_fen` integer NOT NULL,
	`late_fee_fen` integer NOT NULL,
	`total_fen` integer NOT NULL,
	`tendered_fen` integer NOT NULL,
	`change_fen` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`slip_no`) REFERENCES `check_slips`(`slip_no`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counter_id`) REFERENCES `counters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clerk_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_slip_no_unique` ON `payments` (`slip_no`);--> statement-breakpoint
CREATE INDEX `payments_day` ON `payments` (`hall_id`,`business_date`);--> statement-breakpoint
CREATE INDEX `payments_account` ON `payments` (`account_id`);--> statement-breakpoint
CREATE TABLE `slip_prints` (
	`id` text PRIMARY KEY NOT NULL,
	`slip_no` text NOT NULL,
	`copy` integer NOT NULL,
	`clerk_id` text NOT NULL,
	`outcome` text NOT NULL,
	`error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`slip_no`) REFERENCES `check_slips`(`slip_no`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clerk_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `slip_prints_slip` ON `slip_prints` (`slip_no`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` text PRIMARY KEY NOT NULL,
	`login` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`hall_id` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_login_unique` ON `staff` (`login`);--> statement-breakpoint
CREATE TABLE `tariffs` (
	`id` text PRIMARY KEY NOT NULL,
	`category` text NOT NULL,
	`price_fen_per_m3` integer NOT NULL,
	`effective_from` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tariffs_category_from` ON `tariffs` (`category`,`effective_from`);
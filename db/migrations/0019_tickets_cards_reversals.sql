CREATE TABLE `card_write_outcomes` (
	`write_id` text PRIMARY KEY NOT NULL,
	`outcome` text NOT NULL,
	`payment_id` text,
	`note` text NOT NULL,
	`clerk_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`write_id`) REFERENCES `card_writes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clerk_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `card_writes` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`card_no` text NOT NULL,
	`account_id` text NOT NULL,
	`counter_before` integer NOT NULL,
	`counter_after` integer NOT NULL,
	`volume_centi` integer NOT NULL,
	`price_fen_per_m3` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`tendered_fen` integer NOT NULL,
	`reverses_payment_id` text,
	`reason` text DEFAULT '' NOT NULL,
	`approver_id` text,
	`clerk_id` text NOT NULL,
	`counter_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`card_no`) REFERENCES `ic_cards`(`card_no`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reverses_payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approver_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clerk_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counter_id`) REFERENCES `counters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `card_writes_card` ON `card_writes` (`card_no`);--> statement-breakpoint
CREATE TABLE `ic_cards` (
	`card_no` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`issue_type` text NOT NULL,
	`fee_payment_id` text,
	`remark` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`clerk_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`fee_payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clerk_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ic_cards_account` ON `ic_cards` (`account_id`);--> statement-breakpoint
CREATE TABLE `reversals` (
	`payment_id` text PRIMARY KEY NOT NULL,
	`original_payment_id` text NOT NULL,
	`reason` text NOT NULL,
	`clerk_id` text NOT NULL,
	`approver_id` text NOT NULL,
	`card_write_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`original_payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clerk_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approver_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`card_write_id`) REFERENCES `card_writes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reversals_original_payment_id_unique` ON `reversals` (`original_payment_id`);--> statement-breakpoint
CREATE TABLE `rule_overrides` (
	`id` text PRIMARY KEY NOT NULL,
	`payment_id` text,
	`rule` text NOT NULL,
	`reason` text NOT NULL,
	`clerk_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clerk_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `ticket_bill_items` (
	`id` text PRIMARY KEY NOT NULL,
	`payment_id` text NOT NULL,
	`bill_id` text NOT NULL,
	`ticket_count` integer NOT NULL,
	`volume_centi` integer NOT NULL,
	`ticket_fen` integer NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `ticket_tenders` (
	`id` text PRIMARY KEY NOT NULL,
	`payment_id` text NOT NULL,
	`kind` text NOT NULL,
	`year` integer NOT NULL,
	`quarter` integer,
	`count` integer NOT NULL,
	`face_value_fen` integer NOT NULL,
	`volume_centi` integer NOT NULL,
	`value_fen` integer NOT NULL,
	`back_name` text NOT NULL,
	`back_address` text NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ticket_tenders_payment` ON `ticket_tenders` (`payment_id`);--> statement-breakpoint
ALTER TABLE `accounts` ADD `prepaid_centi` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `bills` ADD `split_from` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `ticket_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `ticket_cash_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `reverses_payment_id` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `prepaid_delta_centi` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `payments_reverses_payment_id_unique` ON `payments` (`reverses_payment_id`);
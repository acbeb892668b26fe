CREATE TABLE `complaint_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`phone` text NOT NULL,
	`answer_days` integer NOT NULL,
	`category_days` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `install_photos` (
	`id` text PRIMARY KEY NOT NULL,
	`import_id` text NOT NULL,
	`account_id` text NOT NULL,
	`install_business_id` text,
	`original_name` text NOT NULL,
	`path` text NOT NULL,
	`address` text NOT NULL,
	`sha256` text NOT NULL,
	`bytes` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `photo_imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`install_business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `install_photos_account` ON `install_photos` (`account_id`);--> statement-breakpoint
CREATE TABLE `photo_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`hall_id` text NOT NULL,
	`batch` text NOT NULL,
	`year_month` text NOT NULL,
	`source_dir` text NOT NULL,
	`technician` text DEFAULT '' NOT NULL,
	`photo_count` integer NOT NULL,
	`household_count` integer NOT NULL,
	`archive_dir` text NOT NULL,
	`local_dir` text,
	`manifest_path` text NOT NULL,
	`manifest_sha256` text NOT NULL,
	`handover` text NOT NULL,
	`imported_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`imported_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `photo_imports_batch_unique` ON `photo_imports` (`batch`);--> statement-breakpoint
CREATE INDEX `photo_imports_month` ON `photo_imports` (`year_month`);--> statement-breakpoint
CREATE TABLE `photo_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`dir` text,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);

CREATE TABLE `backup_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`dir` text,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);

CREATE TABLE `device_settings` (
	`device` text PRIMARY KEY NOT NULL,
	`address` text NOT NULL,
	`paper_mm` integer NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);

CREATE TABLE `complaint_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`phone` text NOT NULL,
	`answer_days` integer NOT NULL,
	`category_days` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);

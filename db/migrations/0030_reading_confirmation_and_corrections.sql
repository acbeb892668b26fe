CREATE TABLE `bill_corrections` (
	`old_bill_id` text PRIMARY KEY NOT NULL,
	`new_bill_id` text NOT NULL,
	`reason` text NOT NULL,
	`clerk_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`old_bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`new_bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clerk_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bill_corrections_new_bill_id_unique` ON `bill_corrections` (`new_bill_id`);--> statement-breakpoint
ALTER TABLE `bills` ADD `confirmation` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `confirmation` text;
CREATE TABLE `unregistered_premises` (
	`id` text PRIMARY KEY NOT NULL,
	`address` text NOT NULL,
	`householder` text NOT NULL,
	`phone` text NOT NULL,
	`request` text NOT NULL,
	`recorded_on` text NOT NULL,
	`contact_by` text NOT NULL,
	`hall_id` text NOT NULL,
	`entered_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);

CREATE TABLE `audit_heads` (
	`seq` integer PRIMARY KEY NOT NULL,
	`hash` text NOT NULL,
	`hall_id` text NOT NULL,
	`business_date` text NOT NULL,
	`kind` text NOT NULL,
	`ref` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_heads_day` ON `audit_heads` (`hall_id`,`business_date`);
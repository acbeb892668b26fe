CREATE TABLE `shift_handovers` (
	`id` text PRIMARY KEY NOT NULL,
	`hall_id` text NOT NULL,
	`counter_id` text NOT NULL,
	`business_date` text NOT NULL,
	`outgoing_id` text NOT NULL,
	`incoming_id` text NOT NULL,
	`system_fen` integer NOT NULL,
	`held_fen` integer NOT NULL,
	`difference_fen` integer NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counter_id`) REFERENCES `counters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`outgoing_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`incoming_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `shift_handovers_day` ON `shift_handovers` (`hall_id`,`business_date`);
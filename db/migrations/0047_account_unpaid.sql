CREATE TABLE `account_unpaid` (
	`account_id` text PRIMARY KEY NOT NULL,
	`unpaid_count` integer NOT NULL,
	`unpaid_fen` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bills_meter_date` ON `bills` (`meter_id`,`reading_date`);
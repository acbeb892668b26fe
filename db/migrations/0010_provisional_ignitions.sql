CREATE TABLE `provisional_ignitions` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`business_id` text NOT NULL,
	`latest_reading_centi` integer NOT NULL,
	`entered_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `provisional_ignitions_business_id_unique` ON `provisional_ignitions` (`business_id`);--> statement-breakpoint
CREATE TRIGGER provisional_ignitions_no_update BEFORE UPDATE ON provisional_ignitions
BEGIN
  SELECT RAISE(ABORT, 'append-only: provisional_ignitions rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER provisional_ignitions_no_delete BEFORE DELETE ON provisional_ignitions
BEGIN
  SELECT RAISE(ABORT, 'append-only: provisional_ignitions rows cannot be deleted');
END;

CREATE TABLE `install_records` (
	`id` text PRIMARY KEY NOT NULL,
	`business_id` text NOT NULL,
	`model` text NOT NULL,
	`meter_no` text NOT NULL,
	`direction` text NOT NULL,
	`base_reading_centi` integer NOT NULL,
	`consumables` text NOT NULL,
	`entered_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `install_records_business_id_unique` ON `install_records` (`business_id`);--> statement-breakpoint
CREATE TRIGGER install_records_no_update BEFORE UPDATE ON install_records
BEGIN
  SELECT RAISE(ABORT, 'append-only: install_records rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER install_records_no_delete BEFORE DELETE ON install_records
BEGIN
  SELECT RAISE(ABORT, 'append-only: install_records rows cannot be deleted');
END;

CREATE TABLE `meter_change_records` (
	`id` text PRIMARY KEY NOT NULL,
	`business_id` text NOT NULL,
	`old_meter_id` text NOT NULL,
	`new_meter_id` text NOT NULL,
	`old_actual_reading_centi` integer NOT NULL,
	`system_reading_centi` integer NOT NULL,
	`difference_bill_id` text,
	`consumables` text NOT NULL,
	`entered_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`old_meter_id`) REFERENCES `meters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`new_meter_id`) REFERENCES `meters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`difference_bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meter_change_records_business_id_unique` ON `meter_change_records` (`business_id`);--> statement-breakpoint
CREATE TABLE `modification_records` (
	`id` text PRIMARY KEY NOT NULL,
	`business_id` text NOT NULL,
	`fee_fen` integer NOT NULL,
	`payment_id` text,
	`invoice_no` text,
	`consumables` text NOT NULL,
	`entered_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `modification_records_business_id_unique` ON `modification_records` (`business_id`);--> statement-breakpoint
CREATE TRIGGER meter_change_records_no_update BEFORE UPDATE ON meter_change_records
BEGIN
  SELECT RAISE(ABORT, 'append-only: meter_change_records rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER meter_change_records_no_delete BEFORE DELETE ON meter_change_records
BEGIN
  SELECT RAISE(ABORT, 'append-only: meter_change_records rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER modification_records_no_update BEFORE UPDATE ON modification_records
BEGIN
  SELECT RAISE(ABORT, 'append-only: modification_records rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER modification_records_no_delete BEFORE DELETE ON modification_records
BEGIN
  SELECT RAISE(ABORT, 'append-only: modification_records rows cannot be deleted');
END;

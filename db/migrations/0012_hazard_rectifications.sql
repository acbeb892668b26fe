CREATE TABLE `hazard_rectifications` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`inspection_year` text NOT NULL,
	`arrival_date` text NOT NULL,
	`rectification_type` text NOT NULL,
	`rectification_date` text NOT NULL,
	`result` text NOT NULL,
	`conclusion` text NOT NULL,
	`rectifier` text NOT NULL,
	`consumables` text NOT NULL,
	`entered_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TRIGGER hazard_rectifications_no_update BEFORE UPDATE ON hazard_rectifications
BEGIN
  SELECT RAISE(ABORT, 'append-only: hazard_rectifications rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER hazard_rectifications_no_delete BEFORE DELETE ON hazard_rectifications
BEGIN
  SELECT RAISE(ABORT, 'append-only: hazard_rectifications rows cannot be deleted');
END;

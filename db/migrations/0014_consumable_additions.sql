CREATE TABLE `consumable_additions` (
	`id` text PRIMARY KEY NOT NULL,
	`business_id` text NOT NULL,
	`related_business_id` text NOT NULL,
	`consumables` text NOT NULL,
	`entered_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`related_business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TRIGGER consumable_additions_no_update BEFORE UPDATE ON consumable_additions
BEGIN
  SELECT RAISE(ABORT, 'append-only: consumable_additions rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER consumable_additions_no_delete BEFORE DELETE ON consumable_additions
BEGIN
  SELECT RAISE(ABORT, 'append-only: consumable_additions rows cannot be deleted');
END;

CREATE TABLE `business_visits` (
	`id` text PRIMARY KEY NOT NULL,
	`business_id` text NOT NULL,
	`note` text NOT NULL,
	`visited_on` text NOT NULL,
	`entered_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TRIGGER business_visits_no_update BEFORE UPDATE ON business_visits
BEGIN
  SELECT RAISE(ABORT, 'append-only: business_visits rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER business_visits_no_delete BEFORE DELETE ON business_visits
BEGIN
  SELECT RAISE(ABORT, 'append-only: business_visits rows cannot be deleted');
END;

CREATE TABLE `satisfaction_ratings` (
	`id` text PRIMARY KEY NOT NULL,
	`slip_no` text,
	`counter_id` text NOT NULL,
	`clerk_id` text NOT NULL,
	`score` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`slip_no`) REFERENCES `check_slips`(`slip_no`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counter_id`) REFERENCES `counters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clerk_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TRIGGER satisfaction_ratings_no_update BEFORE UPDATE ON satisfaction_ratings
BEGIN
  SELECT RAISE(ABORT, 'append-only: satisfaction_ratings rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER satisfaction_ratings_no_delete BEFORE DELETE ON satisfaction_ratings
BEGIN
  SELECT RAISE(ABORT, 'append-only: satisfaction_ratings rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER satisfaction_ratings_score BEFORE INSERT ON satisfaction_ratings
WHEN NEW.score NOT BETWEEN 1 AND 4
BEGIN
  SELECT RAISE(ABORT, 'score must be 1..4');
END;

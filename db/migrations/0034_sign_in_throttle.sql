CREATE TABLE `sign_in_failures` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`failures` integer NOT NULL,
	`last_failure_at` text NOT NULL,
	`locked_until` text,
	PRIMARY KEY(`scope`, `key`)
);
--> statement-breakpoint
ALTER TABLE `staff` ADD `must_change_password` integer DEFAULT false NOT NULL;
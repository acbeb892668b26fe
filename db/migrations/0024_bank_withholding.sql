CREATE TABLE `bank_run_items` (
	`id` text PRIMARY KEY NOT NULL,
	`run_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`account_id` text NOT NULL,
	`bill_id` text NOT NULL,
	`card_no` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`result` text,
	`reason` text,
	`payment_id` text,
	FOREIGN KEY (`run_id`) REFERENCES `bank_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bank_run_items_run` ON `bank_run_items` (`run_id`);--> statement-breakpoint
CREATE INDEX `bank_run_items_bill` ON `bank_run_items` (`bill_id`);--> statement-breakpoint
CREATE TABLE `bank_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`bank_name` text NOT NULL,
	`business_date` text NOT NULL,
	`status` text NOT NULL,
	`item_count` integer NOT NULL,
	`total_fen` integer NOT NULL,
	`file_name` text NOT NULL,
	`return_sha256` text,
	`ok_count` integer,
	`ok_fen` integer,
	`clerk_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`returned_at` text,
	FOREIGN KEY (`clerk_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `manual_slips` (
	`id` text PRIMARY KEY NOT NULL,
	`manual_slip_no` text NOT NULL,
	`account_id` text NOT NULL,
	`bill_id` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`clerk_id` text NOT NULL,
	`payment_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clerk_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `manual_slips_manual_slip_no_unique` ON `manual_slips` (`manual_slip_no`);--> statement-breakpoint
-- A bill is in at most one bank file awaiting its return (R-BANK-11, A-50).
CREATE UNIQUE INDEX bank_run_items_open_bill ON bank_run_items (bill_id) WHERE result IS NULL;
--> statement-breakpoint
CREATE TRIGGER bank_run_items_no_delete BEFORE DELETE ON bank_run_items
BEGIN
  SELECT RAISE(ABORT, 'bank run items cannot be deleted');
END;
--> statement-breakpoint
-- Only the bank's answer is ever written to a line, once.
CREATE TRIGGER bank_run_items_answer_once BEFORE UPDATE ON bank_run_items
WHEN OLD.result IS NOT NULL OR NEW.run_id IS NOT OLD.run_id OR NEW.bill_id IS NOT OLD.bill_id OR NEW.amount_fen IS NOT OLD.amount_fen
  OR NEW.account_id IS NOT OLD.account_id OR NEW.line_no IS NOT OLD.line_no OR NEW.card_no IS NOT OLD.card_no
BEGIN
  SELECT RAISE(ABORT, 'a bank run line is answered once');
END;
--> statement-breakpoint
CREATE TRIGGER manual_slips_no_delete BEFORE DELETE ON manual_slips
BEGIN
  SELECT RAISE(ABORT, 'manual slips cannot be deleted');
END;

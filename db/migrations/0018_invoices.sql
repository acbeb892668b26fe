CREATE TABLE `invoice_books` (
	`id` text PRIMARY KEY NOT NULL,
	`clerk_id` text NOT NULL,
	`category` text NOT NULL,
	`prefix` text NOT NULL,
	`first_no` integer NOT NULL,
	`last_no` integer NOT NULL,
	`next_no` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`clerk_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` text PRIMARY KEY NOT NULL,
	`invoice_no` text NOT NULL,
	`slip_no` text NOT NULL,
	`book_id` text NOT NULL,
	`category` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`clerk_id` text NOT NULL,
	`business_date` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`slip_no`) REFERENCES `check_slips`(`slip_no`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`book_id`) REFERENCES `invoice_books`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clerk_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_invoice_no_unique` ON `invoices` (`invoice_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_slip_no_unique` ON `invoices` (`slip_no`);--> statement-breakpoint
CREATE TRIGGER invoices_no_update BEFORE UPDATE ON invoices
BEGIN
  SELECT RAISE(ABORT, 'append-only: invoices rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER invoices_no_delete BEFORE DELETE ON invoices
BEGIN
  SELECT RAISE(ABORT, 'append-only: invoices rows cannot be deleted');
END;

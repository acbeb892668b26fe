CREATE TABLE `day_invoice_totals` (
	`clerk_id` text NOT NULL,
	`business_date` text NOT NULL,
	`category` text NOT NULL,
	`count` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`last_invoice_id` text,
	PRIMARY KEY(`clerk_id`, `business_date`, `category`)
);
--> statement-breakpoint
CREATE TABLE `day_ticket_totals` (
	`hall_id` text NOT NULL,
	`business_date` text NOT NULL,
	`clerk_id` text NOT NULL,
	`kind` text NOT NULL,
	`count` integer NOT NULL,
	`volume_centi` integer NOT NULL,
	`value_fen` integer NOT NULL,
	`last_ref` text,
	PRIMARY KEY(`clerk_id`, `business_date`, `kind`, `hall_id`)
);
--> statement-breakpoint
CREATE TABLE `day_totals` (
	`hall_id` text NOT NULL,
	`business_date` text NOT NULL,
	`clerk_id` text NOT NULL,
	`counter_id` text NOT NULL,
	`method` text NOT NULL,
	`charge_type` text NOT NULL,
	`invoice_category` text NOT NULL,
	`count` integer NOT NULL,
	`gas_fen` integer NOT NULL,
	`late_fee_fen` integer NOT NULL,
	`fee_fen` integer NOT NULL,
	`total_fen` integer NOT NULL,
	`tendered_fen` integer NOT NULL,
	`change_fen` integer NOT NULL,
	`ticket_fen` integer NOT NULL,
	`ticket_cash_fen` integer NOT NULL,
	`last_payment_id` text,
	PRIMARY KEY(`hall_id`, `business_date`, `clerk_id`, `counter_id`, `method`, `charge_type`, `invoice_category`)
);
--> statement-breakpoint
CREATE INDEX `day_totals_clerk_day` ON `day_totals` (`clerk_id`,`business_date`);--> statement-breakpoint
CREATE INDEX `payments_clerk_day` ON `payments` (`clerk_id`,`business_date`);
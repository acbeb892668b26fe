CREATE TABLE `handheld_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`meter_reader` text NOT NULL,
	`months` integer NOT NULL,
	`account_count` integer NOT NULL,
	`status` text NOT NULL,
	`readings_crc` integer,
	`device_committed` integer DEFAULT false NOT NULL,
	`clerk_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`committed_at` text,
	FOREIGN KEY (`clerk_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `handheld_readings` (
	`id` text PRIMARY KEY NOT NULL,
	`batch_id` text NOT NULL,
	`account_id` text NOT NULL,
	`reading_centi` integer NOT NULL,
	`read_at` text NOT NULL,
	`status` integer NOT NULL,
	`meter_no` text NOT NULL,
	`consumption_centi` integer NOT NULL,
	`anomalies` text NOT NULL,
	`state` text NOT NULL,
	`bill_id` text,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `handheld_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `handheld_readings_batch_account` ON `handheld_readings` (`batch_id`,`account_id`);--> statement-breakpoint
CREATE TABLE `handheld_route_items` (
	`batch_id` text NOT NULL,
	`account_id` text NOT NULL,
	`meter_id` text NOT NULL,
	`last_reading_centi` integer NOT NULL,
	`monthly_average_centi` integer NOT NULL,
	PRIMARY KEY(`batch_id`, `account_id`),
	FOREIGN KEY (`batch_id`) REFERENCES `handheld_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meter_id`) REFERENCES `meters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `tariff_tiers` (
	`tariff_id` text NOT NULL,
	`from_centi` integer NOT NULL,
	`price_fen_per_m3` integer NOT NULL,
	PRIMARY KEY(`tariff_id`, `from_centi`),
	FOREIGN KEY (`tariff_id`) REFERENCES `tariffs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `bills` ADD `pricing` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE TRIGGER bills_pricing_frozen BEFORE UPDATE OF pricing ON bills
WHEN NEW.pricing IS NOT OLD.pricing
BEGIN
  SELECT RAISE(ABORT, 'bill figures are frozen (R-VOL-07)');
END;
--> statement-breakpoint
-- A reading taken into bills (入库) stays as it was committed.
CREATE TRIGGER handheld_readings_committed_frozen BEFORE UPDATE ON handheld_readings
WHEN OLD.state = 'committed'
BEGIN
  SELECT RAISE(ABORT, 'a committed handheld reading cannot change');
END;
--> statement-breakpoint
CREATE TRIGGER handheld_readings_no_delete BEFORE DELETE ON handheld_readings
BEGIN
  SELECT RAISE(ABORT, 'handheld readings cannot be deleted');
END;

ALTER TABLE `accounts` ADD `reading_cycle` text DEFAULT '每月' NOT NULL;--> statement-breakpoint
ALTER TABLE `handheld_route_items` ADD `months` integer DEFAULT 1 NOT NULL;
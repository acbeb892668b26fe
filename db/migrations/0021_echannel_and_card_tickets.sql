ALTER TABLE `card_writes` ADD `method` text DEFAULT '现金' NOT NULL;--> statement-breakpoint
ALTER TABLE `card_writes` ADD `ticket_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `card_writes` ADD `ticket_cash_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `card_writes` ADD `tickets_json` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `channel_ref` text;--> statement-breakpoint
CREATE UNIQUE INDEX `payments_channel_ref_unique` ON `payments` (`channel_ref`);
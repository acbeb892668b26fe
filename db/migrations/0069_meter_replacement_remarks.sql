ALTER TABLE `meter_change_records` ADD `replacement_kind` text DEFAULT '换表' NOT NULL;--> statement-breakpoint
ALTER TABLE `meter_change_records` ADD `ic_actual_centi` integer;--> statement-breakpoint
ALTER TABLE `meter_change_records` ADD `ic_recharged_centi` integer;--> statement-breakpoint
ALTER TABLE `meter_change_records` ADD `ic_compensate_centi` integer;--> statement-breakpoint
ALTER TABLE `meter_change_records` ADD `remark` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `meter_change_records` ADD `credited_centi` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `meter_change_records` ADD `credit_approval_no` text;--> statement-breakpoint
ALTER TABLE `meter_change_records` ADD `credit_approved_by` text REFERENCES staff(id);
CREATE TABLE `device_ports` (
	`device` text PRIMARY KEY NOT NULL,
	`mode` text NOT NULL,
	`port` text,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);

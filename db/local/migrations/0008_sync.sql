CREATE TABLE `central_credentials` (
	`staff_id` text PRIMARY KEY NOT NULL,
	`login_role` text NOT NULL,
	`password` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sync_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_id` text,
	`started_at` text NOT NULL,
	`finished_at` text,
	`outcome` text,
	`pushed` integer DEFAULT 0 NOT NULL,
	`pulled` integer DEFAULT 0 NOT NULL,
	`error` text,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sync_runs_started` ON `sync_runs` (`started_at`);--> statement-breakpoint
ALTER TABLE `staff` ADD `central_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `staff_central_id_unique` ON `staff` (`central_id`);
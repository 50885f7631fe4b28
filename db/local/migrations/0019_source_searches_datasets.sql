CREATE TABLE `datasets` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`file_id` text NOT NULL,
	`name` text NOT NULL,
	`format` text NOT NULL,
	`activity_id` text,
	`system` text NOT NULL,
	`columns` integer NOT NULL,
	`rows` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `datasets_case` ON `datasets` (`case_id`);--> statement-breakpoint
CREATE TABLE `source_searches` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`activity_id` text NOT NULL,
	`system` text NOT NULL,
	`found` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`searched_by` text NOT NULL,
	`searched_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`searched_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `source_searches_case` ON `source_searches` (`case_id`);
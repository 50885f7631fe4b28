CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`parent_id` text,
	`file_id` text NOT NULL,
	`pdf_file_id` text NOT NULL,
	`name` text NOT NULL,
	`format` text NOT NULL,
	`source` text NOT NULL,
	`document_date` text,
	`description` text DEFAULT '' NOT NULL,
	`sha256` text NOT NULL,
	`pages` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `documents_case` ON `documents` (`case_id`);--> statement-breakpoint
CREATE TABLE `redacted_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`file_id` text NOT NULL,
	`boxes` integer NOT NULL,
	`third_party_ids` text NOT NULL,
	`terms` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `redacted_versions_document` ON `redacted_versions` (`document_id`);--> statement-breakpoint
CREATE TABLE `third_parties` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`hearing_status` text NOT NULL,
	`note` text,
	`document_ids` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `third_parties_case` ON `third_parties` (`case_id`);--> statement-breakpoint
ALTER TABLE `case_tasks` ADD `third_party_id` text;
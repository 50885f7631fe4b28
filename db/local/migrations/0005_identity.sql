CREATE TABLE `case_files` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`subject` text,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`width` integer,
	`height` integer,
	`sha256` text NOT NULL,
	`masked` integer DEFAULT false NOT NULL,
	`masked_by` text,
	`masked_at` text,
	`wrapped_key` blob NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`masked_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_files_case` ON `case_files` (`case_id`);--> statement-breakpoint
CREATE TABLE `case_keys` (
	`case_id` text PRIMARY KEY NOT NULL,
	`key` blob NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `identity_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`subject` text NOT NULL,
	`method` text NOT NULL,
	`outcome` text NOT NULL,
	`reason` text,
	`document_type` text,
	`issuing_country` text,
	`document_number_tail` text,
	`expiry` text,
	`checks_passed` text NOT NULL,
	`authority` text,
	`copies_destroyed` integer DEFAULT 0 NOT NULL,
	`verified_by` text NOT NULL,
	`verified_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`verified_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `identity_checks_case` ON `identity_checks` (`case_id`);
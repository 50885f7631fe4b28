CREATE TABLE `case_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`due_on` text,
	`created_at` text NOT NULL,
	`done_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_tasks_case` ON `case_tasks` (`case_id`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`reference` text NOT NULL,
	`type` text NOT NULL,
	`correction_kinds` text DEFAULT '[]' NOT NULL,
	`status` text NOT NULL,
	`status_reason` text,
	`requester_name` text NOT NULL,
	`requester_birth_date` text,
	`requester_address` text,
	`requester_email` text,
	`requester_phone` text,
	`requester_relation` text NOT NULL,
	`customer_number` text,
	`legally_incapacitated` integer DEFAULT false NOT NULL,
	`channel` text NOT NULL,
	`received_on` text NOT NULL,
	`written_and_signed` integer NOT NULL,
	`request_text` text DEFAULT '' NOT NULL,
	`representative_kind` text,
	`representative_name` text,
	`representative_basis` text,
	`handler_id` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`due_on` text NOT NULL,
	`original_due_on` text NOT NULL,
	`due_basis` text NOT NULL,
	`extension_months` integer DEFAULT 0 NOT NULL,
	`extension_reason` text,
	`extended_on` text,
	`suspended_days` integer DEFAULT 0 NOT NULL,
	`suspended_since` text,
	FOREIGN KEY (`handler_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_reference_unique` ON `cases` (`reference`);--> statement-breakpoint
CREATE INDEX `cases_status_due` ON `cases` (`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `cases_handler` ON `cases` (`handler_id`);--> statement-breakpoint
CREATE INDEX `cases_received` ON `cases` (`received_on`);--> statement-breakpoint
CREATE TABLE `reference_blocks` (
	`year` integer NOT NULL,
	`first` integer NOT NULL,
	`last` integer NOT NULL,
	`next` integer NOT NULL,
	`source` text NOT NULL,
	PRIMARY KEY(`year`, `first`)
);

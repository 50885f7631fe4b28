CREATE TABLE `case_activities` (
	`case_id` text NOT NULL,
	`activity_id` text NOT NULL,
	PRIMARY KEY(`case_id`, `activity_id`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`activity_id`) REFERENCES `processing_activities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`letter_id` text NOT NULL,
	`kind` text NOT NULL,
	`outcome` text NOT NULL,
	`decided_on` text NOT NULL,
	`signed_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`letter_id`) REFERENCES `letters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `decisions_letter` ON `decisions` (`letter_id`);--> statement-breakpoint
CREATE INDEX `decisions_case` ON `decisions` (`case_id`);--> statement-breakpoint
CREATE TABLE `letter_templates` (
	`kind` text PRIMARY KEY NOT NULL,
	`template` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `letters` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`data` text NOT NULL,
	`content` text NOT NULL,
	`outcome` text,
	`author_ids` text NOT NULL,
	`drafted_by` text NOT NULL,
	`drafted_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`submitted_at` text,
	`returned_by` text,
	`return_comment` text,
	`signed_by` text,
	`signed_at` text,
	`sha256` text,
	`file_id` text,
	`file_key` blob,
	`file_size` integer,
	`sent_on` text,
	`sent_by` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`drafted_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`returned_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sent_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `letters_case` ON `letters` (`case_id`);--> statement-breakpoint
CREATE INDEX `letters_status` ON `letters` (`status`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` text NOT NULL,
	`sent_at` text
);
--> statement-breakpoint
CREATE INDEX `outbox_unsent` ON `outbox` (`sent_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `processing_activities` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`purpose` text NOT NULL,
	`legal_basis` text NOT NULL,
	`data_categories` text NOT NULL,
	`recipients` text NOT NULL,
	`transfers_outside_eea` text NOT NULL,
	`retention` text NOT NULL,
	`source` text NOT NULL,
	`policy_reference` text NOT NULL,
	`sort_order` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `signer_profiles` (
	`staff_id` text PRIMARY KEY NOT NULL,
	`function_title` text NOT NULL,
	`signature_png` blob,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `signing_identity` (
	`id` text PRIMARY KEY NOT NULL,
	`p12` blob NOT NULL,
	`password_sealed` blob NOT NULL,
	`subject` text NOT NULL,
	`issuer` text NOT NULL,
	`serial_number` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text NOT NULL,
	`fingerprint` text NOT NULL,
	`configured_by` text NOT NULL,
	`configured_at` text NOT NULL,
	FOREIGN KEY (`configured_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);

CREATE TABLE `case_retention` (
	`case_id` text PRIMARY KEY NOT NULL,
	`closed_at` text NOT NULL,
	`shredded_at` text,
	`third_parties_heard` integer,
	`redacted_documents` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `destruction_list_items` (
	`list_id` text NOT NULL,
	`case_id` text NOT NULL,
	`reference` text NOT NULL,
	`request_type` text NOT NULL,
	`closed_on` text NOT NULL,
	`destroy_on` text NOT NULL,
	`removed_by` text,
	`removed_at` text,
	`remove_reason` text,
	PRIMARY KEY(`list_id`, `case_id`),
	FOREIGN KEY (`list_id`) REFERENCES `destruction_lists`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`removed_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `destruction_list_items_case` ON `destruction_list_items` (`case_id`);--> statement-breakpoint
CREATE TABLE `destruction_lists` (
	`id` text PRIMARY KEY NOT NULL,
	`proposed_at` text NOT NULL,
	`proposed_by` text,
	`status` text NOT NULL,
	`approved_by` text,
	`approved_at` text,
	FOREIGN KEY (`proposed_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `destruction_records` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`reference` text NOT NULL,
	`request_type` text NOT NULL,
	`received_on` text NOT NULL,
	`closed_on` text NOT NULL,
	`destroyed_on` text NOT NULL,
	`approved_by` text NOT NULL,
	`list_id` text NOT NULL,
	FOREIGN KEY (`approved_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`list_id`) REFERENCES `destruction_lists`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `destruction_records_case_id_unique` ON `destruction_records` (`case_id`);--> statement-breakpoint
CREATE INDEX `destruction_records_destroyed` ON `destruction_records` (`destroyed_on`);--> statement-breakpoint
CREATE TABLE `legal_holds` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`placed_by` text NOT NULL,
	`placed_at` text NOT NULL,
	`lifted_by` text,
	`lifted_at` text,
	`lift_reason` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`placed_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lifted_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `legal_holds_case` ON `legal_holds` (`case_id`);
DROP INDEX `destruction_records_case_id_unique`;--> statement-breakpoint
ALTER TABLE `destruction_records` ADD `kind` text DEFAULT 'registratie' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `destruction_records_case_kind` ON `destruction_records` (`case_id`,`kind`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_destruction_list_items` (
	`list_id` text NOT NULL,
	`case_id` text NOT NULL,
	`kind` text DEFAULT 'registratie' NOT NULL,
	`reference` text NOT NULL,
	`request_type` text NOT NULL,
	`closed_on` text NOT NULL,
	`destroy_on` text NOT NULL,
	`removed_by` text,
	`removed_at` text,
	`remove_reason` text,
	PRIMARY KEY(`list_id`, `case_id`, `kind`),
	FOREIGN KEY (`list_id`) REFERENCES `destruction_lists`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`removed_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_destruction_list_items`("list_id", "case_id", "kind", "reference", "request_type", "closed_on", "destroy_on", "removed_by", "removed_at", "remove_reason") SELECT "list_id", "case_id", 'registratie', "reference", "request_type", "closed_on", "destroy_on", "removed_by", "removed_at", "remove_reason" FROM `destruction_list_items`;--> statement-breakpoint
DROP TABLE `destruction_list_items`;--> statement-breakpoint
ALTER TABLE `__new_destruction_list_items` RENAME TO `destruction_list_items`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `destruction_list_items_case` ON `destruction_list_items` (`case_id`);
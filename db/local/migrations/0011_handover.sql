CREATE TABLE `handover_exports` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`bundle_sha256` text NOT NULL,
	`exported_by` text NOT NULL,
	`exported_at` text NOT NULL,
	`confirmed_at` text,
	FOREIGN KEY (`exported_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `handover_exports_bundle_sha256_unique` ON `handover_exports` (`bundle_sha256`);--> statement-breakpoint
CREATE INDEX `handover_exports_case` ON `handover_exports` (`case_id`);
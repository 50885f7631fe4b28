CREATE TABLE `central_letters` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`signed_at` text NOT NULL,
	`sha256` text NOT NULL,
	`pulled_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `central_letters_case` ON `central_letters` (`case_id`);
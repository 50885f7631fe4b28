ALTER TABLE `cases` ADD `change_verification_method` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `change_verification_outcome` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `change_verified_by` text REFERENCES staff(id);--> statement-breakpoint
ALTER TABLE `cases` ADD `change_verified_at` text;
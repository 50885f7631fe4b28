ALTER TABLE `third_parties` ADD `address` text;--> statement-breakpoint
ALTER TABLE `third_parties` ADD `email` text;--> statement-breakpoint
ALTER TABLE `third_parties` ADD `phone` text;
DROP INDEX `cases_status_due`;--> statement-breakpoint
CREATE INDEX `cases_queue` ON `cases` (`status`,`due_on`,`suspended_since`,`handler_id`);
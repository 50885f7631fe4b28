CREATE TABLE `audit_signers` (
	`staff_id` text NOT NULL,
	`public_key` text NOT NULL,
	`from_seq` integer NOT NULL,
	PRIMARY KEY(`staff_id`, `public_key`)
);
--> statement-breakpoint
ALTER TABLE `audit_events` ADD `signature` text;--> statement-breakpoint
ALTER TABLE `staff` ADD `public_key` text;--> statement-breakpoint
-- Hand-written: a registered signing key and the event from which it is required stay as they were.
CREATE TRIGGER `audit_signers_no_update` BEFORE UPDATE ON `audit_signers`
BEGIN
  SELECT RAISE(ABORT, 'audit_signers is insert-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_signers_no_delete` BEFORE DELETE ON `audit_signers`
BEGIN
  SELECT RAISE(ABORT, 'audit_signers is insert-only');
END;

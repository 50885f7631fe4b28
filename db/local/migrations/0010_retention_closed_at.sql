-- Custom migration (drizzle-kit generate --custom): the day a case was closed, for retention.
-- A trigger, so every service that closes a case (a transition, a sent refusal or withdrawal
-- letter, anything later) records it without knowing about retention. Closed statuses are final.
CREATE TRIGGER `cases_record_closure` AFTER UPDATE OF `status` ON `cases`
WHEN NEW.`status` IN ('afgesloten', 'ingetrokken', 'niet_ontvankelijk', 'kennelijk_ongegrond')
BEGIN
  INSERT INTO `case_retention` (`case_id`, `closed_at`) VALUES (NEW.`id`, NEW.`updated_at`) ON CONFLICT (`case_id`) DO NOTHING;
END;
--> statement-breakpoint
-- Cases closed before this migration: their last change is the closest known closure.
INSERT INTO `case_retention` (`case_id`, `closed_at`)
SELECT `id`, `updated_at` FROM `cases`
 WHERE `status` IN ('afgesloten', 'ingetrokken', 'niet_ontvankelijk', 'kennelijk_ongegrond');

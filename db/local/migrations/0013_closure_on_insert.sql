-- Custom migration (drizzle-kit generate --custom): a case that arrives closed (pulled from the
-- central database, e.g. on the dpo's desktop) gets its closing date as well, so retention and the
-- destruction list know it; 0010's trigger only sees a status change.
CREATE TRIGGER `cases_record_closure_on_insert` AFTER INSERT ON `cases`
WHEN NEW.`status` IN ('afgesloten', 'ingetrokken', 'niet_ontvankelijk', 'kennelijk_ongegrond')
BEGIN
  INSERT INTO `case_retention` (`case_id`, `closed_at`) VALUES (NEW.`id`, NEW.`updated_at`) ON CONFLICT (`case_id`) DO NOTHING;
END;

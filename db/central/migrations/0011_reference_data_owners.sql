-- Reference data has two owners. The privacy officer owns the legal terms: letter templates, the
-- processing register and the deadline and retention policies. Functioneel beheer keeps the
-- technical settings: the letterhead and the auto-lock minutes. Each login writes only its own kinds,
-- so an admin login cannot set a retention term or a template centrally, and the dpo's changes reach
-- every desktop.
DROP POLICY IF EXISTS reference_data_admin_insert ON reference_data;
--> statement-breakpoint
DROP POLICY IF EXISTS reference_data_admin_update ON reference_data;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION avg_reference_owner(kind text, key text) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
      WHEN kind IN ('template', 'activity') THEN 'dpo'
      WHEN kind = 'setting' AND key IN ('deadlinePolicy', 'retentionPolicy') THEN 'dpo'
      WHEN kind = 'setting' AND key IN ('letterhead', 'autoLock', 'autoLockMinutes') THEN 'admin'
      ELSE NULL
    END
  $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION avg_reference_owner(text, text) TO avg_dpo, avg_admin;
--> statement-breakpoint
GRANT INSERT, UPDATE ON reference_data TO avg_dpo;
--> statement-breakpoint
CREATE POLICY reference_data_admin_insert ON reference_data FOR INSERT TO avg_admin WITH CHECK (avg_reference_owner(kind, key) = 'admin');
--> statement-breakpoint
CREATE POLICY reference_data_admin_update ON reference_data FOR UPDATE TO avg_admin USING (avg_reference_owner(kind, key) = 'admin') WITH CHECK (avg_reference_owner(kind, key) = 'admin');
--> statement-breakpoint
CREATE POLICY reference_data_dpo_insert ON reference_data FOR INSERT TO avg_dpo WITH CHECK (avg_reference_owner(kind, key) = 'dpo');
--> statement-breakpoint
CREATE POLICY reference_data_dpo_update ON reference_data FOR UPDATE TO avg_dpo USING (avg_reference_owner(kind, key) = 'dpo') WITH CHECK (avg_reference_owner(kind, key) = 'dpo');

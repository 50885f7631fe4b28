-- The dpo cannot be switched off by the admin: only the dpo changes the staff row (active, name) of
-- someone holding signer, dpo or auditor, as avg_create_login already holds for their logins and
-- passwords. And nobody, the owner's sessions included, leaves the organisation without an active dpo:
-- not by deactivating the last one, nor by taking the function away (avg_create_login writes the
-- same row, so this trigger covers both).
CREATE FUNCTION avg_staff_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
  IF OLD.roles && ARRAY['signer', 'dpo', 'auditor'] AND NOT avg_caller_is_owner() AND NOT avg_caller_has('dpo')
     AND (NEW.active IS DISTINCT FROM OLD.active OR NEW.full_name IS DISTINCT FROM OLD.full_name
          OR NEW.roles IS DISTINCT FROM OLD.roles OR NEW.login_role IS DISTINCT FROM OLD.login_role) THEN
    RAISE EXCEPTION 'Alleen de FG wijzigt of deactiveert een medewerker met de functie tekenbevoegde, FG of auditor.'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.active AND 'dpo' = ANY (OLD.roles) AND NOT (NEW.active AND 'dpo' = ANY (NEW.roles))
     AND NOT EXISTS (SELECT 1 FROM staff s WHERE s.id <> OLD.id AND s.active AND 'dpo' = ANY (s.roles)) THEN
    RAISE EXCEPTION 'Dit is de laatste actieve FG: maak eerst een andere medewerker FG.' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION avg_staff_guard() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER staff_guard BEFORE UPDATE ON staff FOR EACH ROW EXECUTE FUNCTION avg_staff_guard();
--> statement-breakpoint
-- The dpo switches those members off and on herself.
GRANT UPDATE (full_name, active, updated_at) ON staff TO avg_dpo;
--> statement-breakpoint
CREATE POLICY staff_dpo_update ON staff FOR UPDATE TO avg_dpo USING (true) WITH CHECK (true);
--> statement-breakpoint
-- The auditor reads the audit trail and never writes it: a login whose only function is auditor
-- claims no desktop chain, so it appends and anchors nothing, in nobody's name, its own included.
-- (Its desktop's events go up with the next sync of a colleague who works there.)
CREATE OR REPLACE FUNCTION avg_claim_desktop(p_desktop text, p_secret text) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  v_me uuid := avg_caller_staff_id();
  v_sha text;
BEGIN
  IF v_me IS NULL AND NOT avg_caller_is_owner() THEN
    RAISE EXCEPTION 'Alleen een actieve medewerker met een eigen aanmelding stuurt auditgebeurtenissen.' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NOT avg_caller_is_owner() AND NOT (avg_caller_has('intake') OR avg_caller_has('handler') OR avg_caller_has('signer')
                                        OR avg_caller_has('dpo') OR avg_caller_has('admin')) THEN
    RAISE EXCEPTION 'De auditor leest de auditgebeurtenissen en schrijft ze niet: deze aanmelding stuurt en verankert er geen.'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_desktop IS NULL OR length(trim(p_desktop)) = 0 OR length(p_desktop) > 100 THEN
    RAISE EXCEPTION 'Geef de computer op waarvan de auditketen is.' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_secret IS NULL OR length(p_secret) < 32 THEN
    RAISE EXCEPTION 'De sleutel van deze computer ontbreekt of is te kort.' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  v_sha := encode(sha256(convert_to(p_secret, 'UTF8')), 'hex');
  INSERT INTO audit_desktops (desktop_id, secret_sha256, registered_by) VALUES (p_desktop, v_sha, v_me) ON CONFLICT (desktop_id) DO NOTHING;
  IF NOT EXISTS (SELECT 1 FROM audit_desktops d WHERE d.desktop_id = p_desktop AND d.secret_sha256 = v_sha) THEN
    RAISE EXCEPTION 'Deze auditketen hoort bij een andere computer: alleen die computer vult haar aan.' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN v_me;
END;
$$;

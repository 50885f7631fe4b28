-- Each desktop makes its own Ed25519 key per member, and one of its own (see the desktop's
-- audit-desktop-key.ts), so a central copy of a chain is checked against the keys of that desktop.
-- A member registers, with their own login and the desktop's secret, only keys for their own staff
-- id on that desktop (the first login to name a local id keeps it), plus the desktop's key.
-- PostgreSQL has no Ed25519, so it checks no signature itself: `audit verify` does, on the desktops of
-- the dpo and the auditor, for every event after the desktop's key, and counts the events of members
-- who never registered a key centrally (no central login) as not verifiable there.
CREATE TABLE audit_signing_keys (
  desktop_id text NOT NULL,
  local_id text NOT NULL,
  public_key text NOT NULL,
  from_seq bigint NOT NULL,
  staff_id uuid,
  registered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (desktop_id, local_id, public_key)
);
--> statement-breakpoint
CREATE TRIGGER audit_signing_keys_no_change BEFORE UPDATE OR DELETE ON audit_signing_keys FOR EACH ROW EXECUTE FUNCTION avg_insert_only();
--> statement-breakpoint
CREATE TRIGGER audit_signing_keys_no_truncate BEFORE TRUNCATE ON audit_signing_keys FOR EACH STATEMENT EXECUTE FUNCTION avg_insert_only();
--> statement-breakpoint
ALTER TABLE audit_signing_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT ON audit_signing_keys TO avg_dpo, avg_auditor;
--> statement-breakpoint
CREATE POLICY audit_signing_keys_read ON audit_signing_keys FOR SELECT TO avg_dpo, avg_auditor USING (true);
--> statement-breakpoint
CREATE FUNCTION avg_register_signing_keys(p_desktop text, p_secret text, p_local_id text, p_keys jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  v_me uuid := avg_claim_desktop(p_desktop, p_secret);
  added integer;
BEGIN
  IF p_local_id IS NULL OR p_local_id = 'desktop' OR length(p_local_id) > 100 THEN
    RAISE EXCEPTION 'Geef uw eigen medewerkernummer op deze computer.' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF EXISTS (SELECT 1 FROM jsonb_to_recordset(p_keys) AS k(kind text, public_key text, from_seq bigint)
              WHERE k.kind IS NULL OR k.kind NOT IN ('member', 'desktop') OR k.from_seq IS NULL OR k.from_seq < 1
                 OR k.public_key IS NULL OR k.public_key !~ '^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$') THEN
    RAISE EXCEPTION 'Een sleutel is 32 bytes in base64, met het eerste gebeurtenisnummer dat zij ondertekent.' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF EXISTS (SELECT 1 FROM audit_signing_keys k WHERE k.desktop_id = p_desktop AND k.local_id = p_local_id AND k.staff_id IS DISTINCT FROM v_me) THEN
    RAISE EXCEPTION 'Deze medewerker op deze computer hoort bij een andere aanmelding: u legt alleen uw eigen sleutels vast.' USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO audit_signing_keys (desktop_id, local_id, public_key, from_seq, staff_id)
  SELECT p_desktop, CASE WHEN k.kind = 'desktop' THEN 'desktop' ELSE p_local_id END, k.public_key, k.from_seq, v_me
    FROM jsonb_to_recordset(p_keys) AS k(kind text, public_key text, from_seq bigint)
  ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS added = ROW_COUNT;
  RETURN added;
END;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION avg_register_signing_keys(text, text, text, jsonb) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION avg_register_signing_keys(text, text, text, jsonb) TO avg_intake, avg_handler, avg_signer, avg_dpo, avg_admin;

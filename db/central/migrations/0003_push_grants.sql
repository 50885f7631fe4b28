-- Idempotent pushes (main/services/sync/push.ts) use INSERT … ON CONFLICT (key) DO NOTHING, and
-- PostgreSQL requires SELECT on the conflict key's column for that. Granting only the key column
-- reveals nothing: row-level security still decides which rows anyone can see.
GRANT SELECT (id) ON decisions TO avg_handler, avg_signer, avg_dpo;
--> statement-breakpoint
GRANT SELECT (id) ON letters TO avg_handler, avg_signer, avg_dpo;
--> statement-breakpoint
GRANT SELECT (id) ON destruction_records TO avg_dpo;
--> statement-breakpoint
-- The audit trail arrives through this function: row-level security would otherwise check the new
-- rows against the SELECT policies of ON CONFLICT DO NOTHING, and only the auditor and the dpo may
-- read audit events. It only inserts (a resend changes nothing); nobody can change or delete.
CREATE FUNCTION avg_append_audit_events(p_events jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  added integer;
BEGIN
  INSERT INTO audit_events (id, desktop_id, seq, at, actor_id, roles, procedure, record_type, record_id, outcome, prev_hash, hash)
  SELECT e.id, e.desktop_id, e.seq, e.at, e.actor_id, e.roles, e.procedure, e.record_type, e.record_id, e.outcome, e.prev_hash, e.hash
    FROM jsonb_to_recordset(p_events) AS e(id uuid, desktop_id text, seq bigint, at timestamptz, actor_id uuid, roles text[], procedure text,
                                           record_type text, record_id text, outcome text, prev_hash text, hash text)
  ON CONFLICT (id) DO NOTHING;
  GET DIAGNOSTICS added = ROW_COUNT;
  RETURN added;
END;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION avg_append_audit_events(jsonb) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION avg_append_audit_events(jsonb) TO avg_intake, avg_handler, avg_signer, avg_dpo, avg_auditor, avg_admin;
--> statement-breakpoint
-- Intake writes who asked but never reads it back: a resend of a registration goes through this
-- function, which adds requesters only to cases the caller registered and never replaces one.
CREATE FUNCTION avg_register_requesters(p_rows jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  added integer;
BEGIN
  INSERT INTO case_requesters (case_id, name, birth_date, address, email, phone, relation, legally_incapacitated, written_and_signed,
                               request_text, correction_kinds, representative_kind, representative_name, representative_basis)
  SELECT r.case_id, r.name, r.birth_date, r.address, r.email, r.phone, r.relation, r.legally_incapacitated, r.written_and_signed,
         r.request_text, r.correction_kinds, r.representative_kind, r.representative_name, r.representative_basis
    FROM jsonb_to_recordset(p_rows) AS r(case_id uuid, name text, birth_date date, address text, email text, phone text, relation text,
                                         legally_incapacitated boolean, written_and_signed boolean, request_text text, correction_kinds jsonb,
                                         representative_kind text, representative_name text, representative_basis text)
    JOIN cases c ON c.id = r.case_id
    LEFT JOIN staff s ON s.id = c.created_by
   WHERE s.login_role = coalesce(nullif(current_setting('role'), 'none'), session_user)
      -- The embedded demo server connects everyone as the superuser (README): there the caller is not known.
      OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)
  ON CONFLICT (case_id) DO NOTHING;
  GET DIAGNOSTICS added = ROW_COUNT;
  RETURN added;
END;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION avg_register_requesters(jsonb) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION avg_register_requesters(jsonb) TO avg_intake;
--> statement-breakpoint
-- Intake pulls the status and due date of cases since its cursor: it needs the cursor column too.
GRANT SELECT (change_xid) ON cases TO avg_intake;

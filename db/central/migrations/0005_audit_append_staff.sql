-- Audit events keep the actor id the desktop's hash chain was computed over (actor_id) and carry the
-- central staff id next to it (staff_id), so the central copy of every chain can be verified.
CREATE OR REPLACE FUNCTION avg_append_audit_events(p_events jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  added integer;
BEGIN
  INSERT INTO audit_events (id, desktop_id, seq, at, actor_id, staff_id, roles, procedure, record_type, record_id, outcome, prev_hash, hash)
  SELECT e.id, e.desktop_id, e.seq, e.at, e.actor_id, e.staff_id, e.roles, e.procedure, e.record_type, e.record_id, e.outcome, e.prev_hash, e.hash
    FROM jsonb_to_recordset(p_events) AS e(id uuid, desktop_id text, seq bigint, at timestamptz, actor_id uuid, staff_id uuid, roles text[], procedure text,
                                           record_type text, record_id text, outcome text, prev_hash text, hash text)
  ON CONFLICT (id) DO NOTHING;
  GET DIAGNOSTICS added = ROW_COUNT;
  RETURN added;
END;
$$;

-- Rights that hold against every staff login (the owner and superusers aside, see README):
-- who may grant which function, who writes decisions, signed letters and audit events, and how
-- many case numbers a desktop may take.
--
-- Who calls: a SECURITY DEFINER function runs as its owner, so it asks for the login of the
-- session. `SET ROLE avg_admin` by a staff login changes current_user, not session_user: the
-- caller stays that login. Only a superuser session (the embedded demo server, and PGlite's
-- in-process SET ROLE) names its caller with SET ROLE.
CREATE FUNCTION avg_caller_login() RETURNS text
LANGUAGE sql STABLE
SET search_path = public, pg_temp
AS $$
  SELECT CASE WHEN coalesce((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user), false) AND current_setting('role') <> 'none'
              THEN current_setting('role') ELSE session_user::text END
$$;
--> statement-breakpoint
-- The owner of the tables (the login that migrates) or a superuser: trusted, and beyond what these
-- functions can hold back anyway.
CREATE FUNCTION avg_caller_is_owner() RETURNS boolean
LANGUAGE sql STABLE
SET search_path = public, pg_temp
AS $$
  SELECT coalesce((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = avg_caller_login()), false)
      OR pg_has_role(avg_caller_login(), (SELECT c.relowner FROM pg_class c WHERE c.oid = 'public.staff'::regclass), 'member')
$$;
--> statement-breakpoint
CREATE FUNCTION avg_caller_staff_id() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$ SELECT s.id FROM staff s WHERE s.login_role = avg_caller_login() AND s.active $$;
--> statement-breakpoint
CREATE FUNCTION avg_caller_has(fn text) RETURNS boolean
LANGUAGE sql STABLE
SET search_path = public, pg_temp
AS $$
  SELECT fn IN ('intake', 'handler', 'signer', 'dpo', 'auditor', 'admin') AND pg_has_role(avg_caller_login(), 'avg_' || fn, 'member')
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION avg_caller_staff_id() TO avg_intake, avg_handler, avg_signer, avg_dpo, avg_auditor, avg_admin;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION avg_caller_staff_id() FROM PUBLIC;
--> statement-breakpoint

-- Logs nobody changes: every login change, each desktop's claim on its chain, its anchors, and
-- events whose place a forged event had already taken.
CREATE FUNCTION avg_insert_only() RETURNS trigger
LANGUAGE plpgsql
SET search_path = public, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION 'Dit logboek (%) kan niet worden gewijzigd of verwijderd (%).', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER staff_grants_no_change BEFORE UPDATE OR DELETE ON staff_grants FOR EACH ROW EXECUTE FUNCTION avg_insert_only();
--> statement-breakpoint
CREATE TRIGGER staff_grants_no_truncate BEFORE TRUNCATE ON staff_grants FOR EACH STATEMENT EXECUTE FUNCTION avg_insert_only();
--> statement-breakpoint
CREATE TRIGGER audit_desktops_no_change BEFORE UPDATE OR DELETE ON audit_desktops FOR EACH ROW EXECUTE FUNCTION avg_insert_only();
--> statement-breakpoint
CREATE TRIGGER audit_desktops_no_truncate BEFORE TRUNCATE ON audit_desktops FOR EACH STATEMENT EXECUTE FUNCTION avg_insert_only();
--> statement-breakpoint
CREATE TRIGGER audit_anchors_no_change BEFORE UPDATE OR DELETE ON audit_anchors FOR EACH ROW EXECUTE FUNCTION avg_insert_only();
--> statement-breakpoint
CREATE TRIGGER audit_anchors_no_truncate BEFORE TRUNCATE ON audit_anchors FOR EACH STATEMENT EXECUTE FUNCTION avg_insert_only();
--> statement-breakpoint
CREATE TRIGGER audit_event_conflicts_no_change BEFORE UPDATE OR DELETE ON audit_event_conflicts FOR EACH ROW EXECUTE FUNCTION avg_insert_only();
--> statement-breakpoint
CREATE TRIGGER audit_event_conflicts_no_truncate BEFORE TRUNCATE ON audit_event_conflicts FOR EACH STATEMENT EXECUTE FUNCTION avg_insert_only();
--> statement-breakpoint
ALTER TABLE staff_grants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_desktops ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_anchors ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_event_conflicts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE signing_requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT ON staff_grants TO avg_dpo, avg_auditor, avg_admin;
--> statement-breakpoint
CREATE POLICY staff_grants_read ON staff_grants FOR SELECT TO avg_dpo, avg_auditor, avg_admin USING (true);
--> statement-breakpoint
GRANT SELECT ON audit_anchors, audit_event_conflicts TO avg_dpo, avg_auditor;
--> statement-breakpoint
GRANT SELECT (desktop_id, registered_by, registered_at) ON audit_desktops TO avg_dpo, avg_auditor;
--> statement-breakpoint
CREATE POLICY audit_anchors_read ON audit_anchors FOR SELECT TO avg_dpo, avg_auditor USING (true);
--> statement-breakpoint
CREATE POLICY audit_event_conflicts_read ON audit_event_conflicts FOR SELECT TO avg_dpo, avg_auditor USING (true);
--> statement-breakpoint
CREATE POLICY audit_desktops_read ON audit_desktops FOR SELECT TO avg_dpo, avg_auditor USING (true);
--> statement-breakpoint

-- Staff rows are made only by avg_create_login: a row the admin inserted directly could carry any
-- function, and desktops take the functions of the central staff list.
DROP POLICY staff_admin_insert ON staff;
--> statement-breakpoint
REVOKE INSERT ON staff FROM avg_admin;
--> statement-breakpoint

-- Logins. The admin manages staff but never grants, or resets the login of someone holding, a
-- function that weighs more than their own: signer, dpo and auditor are granted by the dpo only.
-- Nobody changes their own login. Every call is logged in staff_grants.
CREATE OR REPLACE FUNCTION avg_create_login(p_user_name text, p_full_name text, p_functions text[], p_password text)
RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  v_all text[] := ARRAY['intake', 'handler', 'signer', 'dpo', 'auditor', 'admin'];
  v_dpo_only text[] := ARRAY['signer', 'dpo', 'auditor'];
  v_caller text := avg_caller_login();
  v_owner boolean := avg_caller_is_owner();
  v_user text := lower(trim(coalesce(p_user_name, '')));
  v_login text;
  v_fn text;
  v_id uuid;
  v_try int;
  v_before text[];
  v_after text[];
  v_new boolean;
BEGIN
  IF NOT v_owner AND (avg_caller_staff_id() IS NULL OR NOT (avg_caller_has('admin') OR avg_caller_has('dpo'))) THEN
    RAISE EXCEPTION 'Alleen functioneel beheer of de FG maakt of wijzigt aanmeldingen.' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF v_user !~ '^[a-z0-9][a-z0-9._-]{0,56}$' THEN
    RAISE EXCEPTION 'Ongeldige gebruikersnaam "%": gebruik letters, cijfers, punt, streepje of liggend streepje.', p_user_name
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_full_name IS NULL OR length(trim(p_full_name)) = 0 THEN
    RAISE EXCEPTION 'Geef de volledige naam van de medewerker.' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_functions IS NULL OR cardinality(p_functions) = 0 THEN
    RAISE EXCEPTION 'Geef minstens één functie.' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  FOREACH v_fn IN ARRAY p_functions LOOP
    IF v_fn IS NULL OR NOT v_fn = ANY (v_all) THEN
      RAISE EXCEPTION 'Onbekende functie "%". Kies uit: %.', v_fn, array_to_string(v_all, ', ')
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
  END LOOP;
  IF p_password IS NULL OR length(p_password) < 12 THEN
    RAISE EXCEPTION 'Het wachtwoord moet minstens 12 tekens hebben.' USING ERRCODE = 'invalid_parameter_value';
  END IF;

  v_login := 'avg_u_' || regexp_replace(v_user, '[^a-z0-9_]', '_', 'g');
  IF EXISTS (SELECT 1 FROM staff s WHERE s.login_role = v_login AND s.user_name <> v_user) THEN
    RAISE EXCEPTION 'De aanmeldnaam % hoort al bij een andere medewerker.', v_login USING ERRCODE = 'unique_violation';
  END IF;
  IF v_login = v_caller THEN
    RAISE EXCEPTION 'U kunt uw eigen aanmelding en functies niet wijzigen; vraag een andere beheerder.' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = v_login AND (r.rolsuper OR r.rolcreaterole OR r.rolbypassrls OR r.rolreplication)) THEN
    RAISE EXCEPTION 'De rol % bestaat al met beheerrechten en wordt niet aangepast.', v_login USING ERRCODE = 'insufficient_privilege';
  END IF;
  v_before := ARRAY(SELECT f FROM unnest(v_all) WITH ORDINALITY AS a(f, n)
                     WHERE EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
                                    WHERE g.rolname = 'avg_' || f AND u.rolname = v_login)
                     ORDER BY n);
  v_after := ARRAY(SELECT f FROM unnest(v_all) WITH ORDINALITY AS a(f, n) WHERE f = ANY (p_functions) ORDER BY n);
  IF NOT v_owner AND NOT avg_caller_has('dpo') AND (v_before && v_dpo_only OR v_after && v_dpo_only) THEN
    RAISE EXCEPTION 'Alleen de FG kent de functies tekenbevoegde, FG en auditor toe, en alleen de FG wijzigt de aanmelding of het wachtwoord van wie zo''n functie heeft.'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  v_new := NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = v_login);

  -- Roles are cluster-wide: two databases (or two admins) may change the same login at once, which
  -- PostgreSQL reports as a unique violation or "tuple concurrently updated"; try again.
  FOR v_try IN 1..50 LOOP
    BEGIN
      IF EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = v_login) THEN
        EXECUTE format('ALTER ROLE %I WITH LOGIN INHERIT PASSWORD %L', v_login, p_password);
      ELSE
        EXECUTE format('CREATE ROLE %I WITH LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L', v_login, p_password);
      END IF;

      FOREACH v_fn IN ARRAY v_all LOOP
        IF v_fn = ANY (p_functions) THEN
          IF NOT pg_has_role(v_login, 'avg_' || v_fn, 'member') THEN
            EXECUTE format('GRANT %I TO %I', 'avg_' || v_fn, v_login);
          END IF;
        ELSIF EXISTS (SELECT 1 FROM pg_auth_members m
                      JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
                      WHERE g.rolname = 'avg_' || v_fn AND u.rolname = v_login) THEN
          EXECUTE format('REVOKE %I FROM %I', 'avg_' || v_fn, v_login);
        END IF;
      END LOOP;
      EXIT;
    EXCEPTION WHEN unique_violation OR duplicate_object OR internal_error THEN
      IF v_try = 50 THEN
        RAISE;
      END IF;
      PERFORM pg_sleep(0.02 + random() * 0.08);
    END;
  END LOOP;

  INSERT INTO staff AS s (id, user_name, full_name, roles, login_role, active, updated_at)
  VALUES (gen_random_uuid(), v_user, trim(p_full_name), v_after, v_login, true, now())
  ON CONFLICT (user_name) DO UPDATE
    SET full_name = excluded.full_name, roles = excluded.roles, login_role = excluded.login_role,
        active = true, updated_at = now()
  RETURNING s.id INTO v_id;
  INSERT INTO staff_grants (granted_by_login, granted_by, user_name, login_role, functions_before, functions_after, new_login)
  VALUES (v_caller, avg_caller_staff_id(), v_user, v_login, v_before, v_after, v_new);
  -- Cases kept for this person while they had no login get their handler now.
  UPDATE cases SET handler_id = v_id, pending_handler = NULL WHERE pending_handler = v_user AND handler_id IS NULL;
  RETURN v_id;
END;
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION avg_create_login(text, text, text[], text) TO avg_dpo;
--> statement-breakpoint

-- Audit events arrive only through avg_append_audit_events. A desktop claims its chain with a
-- secret on its first push; only a push that knows it extends that chain. An event names a central
-- actor only when that actor is the login sending it (events of colleagues on the same desktop
-- arrive with staff_id null; their Ed25519 signature, checked by the app, says who they were).
-- PostgreSQL checks neither the hash chain nor the signatures: the desktops and `audit verify` do.
REVOKE INSERT ON audit_events FROM avg_intake, avg_handler, avg_signer, avg_dpo, avg_auditor, avg_admin;
--> statement-breakpoint
DROP POLICY audit_events_append ON audit_events;
--> statement-breakpoint
DROP FUNCTION avg_append_audit_events(jsonb);
--> statement-breakpoint
CREATE FUNCTION avg_claim_desktop(p_desktop text, p_secret text) RETURNS uuid
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
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION avg_claim_desktop(text, text) FROM PUBLIC;
--> statement-breakpoint
CREATE FUNCTION avg_append_audit_events(p_desktop text, p_secret text, p_events jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  v_me uuid := avg_claim_desktop(p_desktop, p_secret);
  added integer;
BEGIN
  IF NOT avg_caller_is_owner() AND EXISTS (
       SELECT 1 FROM jsonb_to_recordset(p_events) AS e(staff_id uuid) WHERE e.staff_id IS NOT NULL AND e.staff_id IS DISTINCT FROM v_me) THEN
    RAISE EXCEPTION 'Een auditgebeurtenis op naam van een andere medewerker wordt geweigerd: alleen de eigen aanmelding staat voor de eigen gebeurtenissen in.'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO audit_events (id, desktop_id, seq, at, actor_id, staff_id, roles, procedure, record_type, record_id, outcome, prev_hash, hash, signature, pushed_by)
  SELECT e.id, p_desktop, e.seq, e.at, e.actor_id, e.staff_id, e.roles, e.procedure, e.record_type, e.record_id, e.outcome, e.prev_hash, e.hash, e.signature, v_me
    FROM jsonb_to_recordset(p_events) AS e(id uuid, seq bigint, at timestamptz, actor_id uuid, staff_id uuid, roles text[], procedure text,
                                           record_type text, record_id text, outcome text, prev_hash text, hash text, signature text)
  ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS added = ROW_COUNT;
  -- A place in the chain already taken by another event (only the owner can put one there now):
  -- the desktop's own event is kept beside it, and the sync goes on.
  INSERT INTO audit_event_conflicts (desktop_id, seq, event_id, event, pushed_by)
  SELECT p_desktop, (x ->> 'seq')::bigint, (x ->> 'id')::uuid, x, v_me
    FROM jsonb_array_elements(p_events) AS x
   WHERE NOT EXISTS (SELECT 1 FROM audit_events a
                      WHERE a.id = (x ->> 'id')::uuid AND a.desktop_id = p_desktop AND a.seq = (x ->> 'seq')::bigint AND a.hash = x ->> 'hash')
  ON CONFLICT (desktop_id, event_id) DO NOTHING;
  RETURN added;
END;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION avg_append_audit_events(text, text, jsonb) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION avg_append_audit_events(text, text, jsonb) TO avg_intake, avg_handler, avg_signer, avg_dpo, avg_auditor, avg_admin;
--> statement-breakpoint
-- The head of a desktop's chain as it was at a sync: insert-only, so a later truncation, reordering
-- or rewrite of what was anchored shows when the desktop compares its chain with these.
CREATE FUNCTION avg_anchor_audit_chain(p_desktop text, p_secret text, p_seq bigint, p_hash text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  v_me uuid := avg_claim_desktop(p_desktop, p_secret);
BEGIN
  IF p_seq IS NULL OR p_seq < 0 OR p_hash IS NULL OR p_hash !~ '^[0-9a-f]{64}$' THEN
    RAISE EXCEPTION 'Ongeldig ankerpunt van de auditketen.' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  INSERT INTO audit_anchors (desktop_id, seq, hash, anchored_by) VALUES (p_desktop, p_seq, p_hash, v_me)
  ON CONFLICT (desktop_id, seq, hash) DO NOTHING;
END;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION avg_anchor_audit_chain(text, text, bigint, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION avg_anchor_audit_chain(text, text, bigint, text) TO avg_intake, avg_handler, avg_signer, avg_dpo, avg_auditor, avg_admin;
--> statement-breakpoint
-- A head says nothing about what the events were: every login may read the anchors of a desktop.
CREATE FUNCTION avg_audit_anchors(p_desktop text) RETURNS TABLE (seq bigint, hash text, anchored_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$ SELECT a.seq, a.hash, a.anchored_at FROM audit_anchors a WHERE a.desktop_id = p_desktop ORDER BY a.seq, a.id $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION avg_audit_anchors(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION avg_audit_anchors(text) TO avg_intake, avg_handler, avg_signer, avg_dpo, avg_auditor, avg_admin;
--> statement-breakpoint

-- Decisions and signed letters: written by the signer's own login only, for a letter the case's
-- handler put before a signer (signing_requests), never by the one who asked; the signer column
-- comes from the session. The register's signer, outcome and decision date follow the decision.
DROP POLICY decisions_dpo_insert ON decisions;
--> statement-breakpoint
DROP POLICY decisions_handler_insert ON decisions;
--> statement-breakpoint
DROP POLICY decisions_signer_insert ON decisions;
--> statement-breakpoint
DROP POLICY letters_dpo_insert ON letters;
--> statement-breakpoint
DROP POLICY letters_handler_insert ON letters;
--> statement-breakpoint
DROP POLICY letters_signer_insert ON letters;
--> statement-breakpoint
REVOKE INSERT ON decisions, letters FROM avg_handler, avg_dpo;
--> statement-breakpoint
CREATE FUNCTION avg_letter_before_signer(p_letter uuid, p_case uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT EXISTS (SELECT 1 FROM signing_requests r
                  WHERE r.letter_id = p_letter AND r.case_id = p_case AND r.requested_by IS DISTINCT FROM avg_caller_staff_id())
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION avg_letter_before_signer(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION avg_letter_before_signer(uuid, uuid) TO avg_signer;
--> statement-breakpoint
CREATE POLICY decisions_signer_insert ON decisions FOR INSERT TO avg_signer
  WITH CHECK (signed_by = avg_current_staff_id() AND avg_letter_before_signer(letter_id, case_id));
--> statement-breakpoint
CREATE POLICY letters_signer_insert ON letters FOR INSERT TO avg_signer
  WITH CHECK (signed_by = avg_current_staff_id() AND avg_letter_before_signer(id, case_id));
--> statement-breakpoint
CREATE FUNCTION avg_stamp_signer() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
  IF NOT avg_caller_is_owner() THEN
    NEW.signed_by := avg_caller_staff_id();
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER decisions_stamp_signer BEFORE INSERT ON decisions FOR EACH ROW EXECUTE FUNCTION avg_stamp_signer();
--> statement-breakpoint
CREATE TRIGGER letters_stamp_signer BEFORE INSERT ON letters FOR EACH ROW EXECUTE FUNCTION avg_stamp_signer();
--> statement-breakpoint
CREATE FUNCTION avg_decision_to_register() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
  UPDATE cases SET signer_id = NEW.signed_by, outcome = NEW.outcome, decided_on = NEW.decided_on WHERE id = NEW.case_id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER decisions_to_register AFTER INSERT ON decisions FOR EACH ROW EXECUTE FUNCTION avg_decision_to_register();
--> statement-breakpoint
-- Nobody sets signer, outcome or decision date on a case directly: column rights without them.
REVOKE INSERT, UPDATE ON cases FROM avg_intake, avg_handler, avg_signer, avg_dpo;
--> statement-breakpoint
DROP POLICY cases_signer_update ON cases;
--> statement-breakpoint
GRANT INSERT (id, reference, type, channel, customer_number, received_on, due_on, original_due_on, extension_months, status, closed_on,
              handler_id, pending_handler, created_by, legal_hold, legal_hold_reason, updated_at) ON cases TO avg_intake, avg_handler, avg_dpo;
--> statement-breakpoint
GRANT UPDATE (type, channel, customer_number, received_on, due_on, original_due_on, extension_months, status, closed_on,
              handler_id, pending_handler, legal_hold, legal_hold_reason, updated_at) ON cases TO avg_handler, avg_dpo;
--> statement-breakpoint
GRANT SELECT (pending_handler) ON cases TO avg_intake;
--> statement-breakpoint
-- Putting a letter before a signer: the case's handler (or the dpo), in their own name.
GRANT INSERT ON signing_requests TO avg_handler, avg_dpo;
--> statement-breakpoint
GRANT SELECT (letter_id) ON signing_requests TO avg_handler, avg_dpo;
--> statement-breakpoint
CREATE POLICY signing_requests_handler_insert ON signing_requests FOR INSERT TO avg_handler
  WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id AND c.handler_id = avg_current_staff_id()));
--> statement-breakpoint
CREATE POLICY signing_requests_handler_read ON signing_requests FOR SELECT TO avg_handler
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id AND c.handler_id = avg_current_staff_id()));
--> statement-breakpoint
CREATE POLICY signing_requests_dpo ON signing_requests FOR ALL TO avg_dpo USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE FUNCTION avg_stamp_requester() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
  IF NOT avg_caller_is_owner() THEN
    NEW.requested_by := avg_caller_staff_id();
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER signing_requests_stamp BEFORE INSERT ON signing_requests FOR EACH ROW EXECUTE FUNCTION avg_stamp_requester();
--> statement-breakpoint

-- Case numbers: blocks of at most 500; per desktop and year at most 2,000 numbers and two blocks an
-- hour; per login and year at most 4,000 (a desktop id is only text). Nobody empties a year.
CREATE OR REPLACE FUNCTION avg_allocate_reference_block(p_year int, p_desktop text, p_size int)
RETURNS TABLE (first int, last int)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  v_me uuid := avg_caller_staff_id();
  v_owner boolean := avg_caller_is_owner();
  v_top int;
  v_first int;
  v_last int;
  v_desktop_total int;
  v_desktop_recent int;
  v_login_total int;
BEGIN
  IF p_year IS NULL OR p_year < 2000 OR p_year > 2999 THEN
    RAISE EXCEPTION 'Ongeldig jaar voor een nummerblok: %.', p_year USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_size IS NULL OR p_size < 1 OR p_size > 500 THEN
    RAISE EXCEPTION 'Een nummerblok telt 1 tot en met 500 nummers.' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_desktop IS NULL OR length(trim(p_desktop)) = 0 THEN
    RAISE EXCEPTION 'Geef de werkplek op waarvoor het nummerblok is.' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF v_me IS NULL AND NOT v_owner THEN
    RAISE EXCEPTION 'Alleen een actieve medewerker met een eigen aanmelding vraagt zaaknummers aan.' USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- One allocation at a time; readers of the register are not blocked.
  LOCK TABLE reference_blocks IN SHARE ROW EXCLUSIVE MODE;
  IF NOT v_owner THEN
    SELECT coalesce(sum(b.last - b.first + 1), 0), count(*) FILTER (WHERE b.allocated_at > now() - interval '1 hour')
      INTO v_desktop_total, v_desktop_recent
      FROM reference_blocks b WHERE b.year = p_year AND b.desktop_id = p_desktop;
    SELECT coalesce(sum(b.last - b.first + 1), 0) INTO v_login_total FROM reference_blocks b WHERE b.year = p_year AND b.allocated_by = v_me;
    IF v_desktop_total + p_size > 2000 OR v_login_total + p_size > 4000 THEN
      RAISE EXCEPTION 'Deze computer of aanmelding heeft voor % al het maximum aan zaaknummers gekregen (2.000 per computer, 4.000 per aanmelding). Vraag functioneel beheer om hulp.', p_year
        USING ERRCODE = 'program_limit_exceeded';
    END IF;
    IF v_desktop_recent >= 2 THEN
      RAISE EXCEPTION 'Deze computer kreeg het afgelopen uur al twee nummerblokken voor %; een volgend blok kan later.', p_year
        USING ERRCODE = 'program_limit_exceeded';
    END IF;
  END IF;
  SELECT greatest(
           coalesce((SELECT max(b.last) FROM reference_blocks b WHERE b.year = p_year), 0),
           coalesce((SELECT max(substring(c.reference FROM '^AVG-\d{4}-(\d+)$')::int) FROM cases c
                      WHERE c.reference LIKE 'AVG-' || p_year::text || '-%'), 0))
    INTO v_top;
  IF v_top + p_size > 9999 THEN
    RAISE EXCEPTION 'De zaaknummers van % zijn op (hoogste nummer %).', p_year, v_top USING ERRCODE = 'program_limit_exceeded';
  END IF;
  v_first := v_top + 1;
  v_last := v_top + p_size;
  INSERT INTO reference_blocks AS b (year, "first", "last", desktop_id, allocated_by)
  VALUES (p_year, v_first, v_last, p_desktop, coalesce(v_me, (SELECT s.id FROM staff s WHERE s.login_role = avg_caller_login())));
  first := v_first;
  last := v_last;
  RETURN NEXT;
END;
$$;
--> statement-breakpoint

-- A member's own Ed25519 public key (base64 of 32 raw bytes), with which their desktops sign audit
-- events: set by their own login only, so nobody puts a key in someone else's name.
CREATE FUNCTION avg_set_public_key(p_key text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  v_me uuid := avg_caller_staff_id();
BEGIN
  IF v_me IS NULL THEN
    RAISE EXCEPTION 'Alleen een actieve medewerker met een eigen aanmelding legt een eigen sleutel vast.' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_key IS NULL OR p_key !~ '^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$' THEN
    RAISE EXCEPTION 'Een publieke sleutel is 32 bytes, in base64.' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  UPDATE staff SET public_key = p_key, updated_at = now() WHERE id = v_me AND public_key IS DISTINCT FROM p_key;
END;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION avg_set_public_key(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION avg_set_public_key(text) TO avg_intake, avg_handler, avg_signer, avg_dpo, avg_auditor, avg_admin;

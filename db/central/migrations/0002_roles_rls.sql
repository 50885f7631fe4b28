-- Function roles and row-level security: PostgreSQL itself decides who may read or write what.
--
-- Each staff member logs in with an own LOGIN role (avg_u_<user name>, made by avg_create_login)
-- that is a member of one or more NOLOGIN function roles. Tables are owned by the migrating owner,
-- which bypasses RLS (it is trusted); every function role only gets the grants and policies below.
-- Roles are cluster-wide: they are created only when missing, so this migration also runs in a
-- second database of the same cluster, and concurrently.
DO $$
DECLARE
  fn text;
BEGIN
  FOREACH fn IN ARRAY ARRAY['intake', 'handler', 'signer', 'dpo', 'auditor', 'admin'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'avg_' || fn) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I NOLOGIN', 'avg_' || fn);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- made at the same moment by a migration in another database
      END;
    END IF;
  END LOOP;
END
$$;
--> statement-breakpoint

-- Nothing for PUBLIC: every right below is granted to a function role by name.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO avg_intake, avg_handler, avg_signer, avg_dpo, avg_auditor, avg_admin;
--> statement-breakpoint

-- Who is calling: the staff row of the login role. Runs as the caller (not SECURITY DEFINER) and
-- therefore needs SELECT on staff, which every function has. A deactivated member is nobody.
CREATE FUNCTION avg_current_staff_id() RETURNS uuid
LANGUAGE sql STABLE
SET search_path = public, pg_temp
AS $$ SELECT id FROM staff WHERE login_role = current_user AND active $$;
--> statement-breakpoint
CREATE FUNCTION avg_has_function(fn text) RETURNS boolean
LANGUAGE sql STABLE
SET search_path = public, pg_temp
AS $$
  SELECT CASE WHEN fn IN ('intake', 'handler', 'signer', 'dpo', 'auditor', 'admin')
              THEN pg_has_role(current_user, 'avg_' || fn, 'member') ELSE false END
$$;
--> statement-breakpoint

ALTER TABLE staff ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_requesters ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE decisions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE letters ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE reference_data ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE reference_blocks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE destruction_records ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE handovers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint

-- staff: everyone reads (names of colleagues, login roles); admin adds and edits, never deletes
-- (deactivate). Login role and user name change only through avg_create_login.
GRANT SELECT ON staff TO avg_intake, avg_handler, avg_signer, avg_dpo, avg_auditor, avg_admin;
--> statement-breakpoint
GRANT INSERT ON staff TO avg_admin;
--> statement-breakpoint
GRANT UPDATE (full_name, active, updated_at) ON staff TO avg_admin;
--> statement-breakpoint
CREATE POLICY staff_read ON staff FOR SELECT TO avg_intake, avg_handler, avg_signer, avg_dpo, avg_auditor, avg_admin USING (true);
--> statement-breakpoint
CREATE POLICY staff_admin_insert ON staff FOR INSERT TO avg_admin WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY staff_admin_update ON staff FOR UPDATE TO avg_admin USING (true) WITH CHECK (true);
--> statement-breakpoint

-- A deactivated member can no longer log in (and is reactivated with LOGIN).
CREATE FUNCTION avg_staff_login_follows_active() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
  IF NEW.active IS DISTINCT FROM OLD.active AND NEW.login_role LIKE 'avg\_u\_%'
     AND EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = NEW.login_role
                 AND NOT (r.rolsuper OR r.rolcreaterole OR r.rolbypassrls OR r.rolreplication)) THEN
    EXECUTE format('ALTER ROLE %I %s', NEW.login_role, CASE WHEN NEW.active THEN 'LOGIN' ELSE 'NOLOGIN' END);
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION avg_staff_login_follows_active() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER staff_login_follows_active AFTER UPDATE OF active ON staff FOR EACH ROW EXECUTE FUNCTION avg_staff_login_follows_active();
--> statement-breakpoint

-- cases (the register).
GRANT SELECT ON cases TO avg_handler, avg_signer, avg_dpo;
--> statement-breakpoint
-- Intake reads status and due date of every request, not who asked or the outcome.
GRANT SELECT (id, reference, type, channel, status, received_on, due_on, original_due_on, extension_months, handler_id, created_by, updated_at) ON cases TO avg_intake;
--> statement-breakpoint
GRANT INSERT ON cases TO avg_intake, avg_handler, avg_dpo;
--> statement-breakpoint
GRANT UPDATE ON cases TO avg_handler, avg_dpo;
--> statement-breakpoint
GRANT UPDATE (decided_on, outcome, status, signer_id, updated_at) ON cases TO avg_signer;
--> statement-breakpoint
GRANT DELETE ON cases TO avg_dpo;
--> statement-breakpoint
CREATE POLICY cases_dpo ON cases FOR ALL TO avg_dpo USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Column grants add up over functions: someone who is also handler or signer holds SELECT on every
-- column, so the all-rows intake view is only for those who are not.
CREATE POLICY cases_intake_read ON cases FOR SELECT TO avg_intake
  USING (NOT avg_has_function('handler') AND NOT avg_has_function('signer'));
--> statement-breakpoint
CREATE POLICY cases_intake_insert ON cases FOR INSERT TO avg_intake WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY cases_handler_read ON cases FOR SELECT TO avg_handler USING (handler_id = avg_current_staff_id());
--> statement-breakpoint
CREATE POLICY cases_handler_insert ON cases FOR INSERT TO avg_handler WITH CHECK (handler_id IS NULL OR handler_id = avg_current_staff_id());
--> statement-breakpoint
-- A handler cannot give a case away: the dpo reassigns.
CREATE POLICY cases_handler_update ON cases FOR UPDATE TO avg_handler
  USING (handler_id = avg_current_staff_id()) WITH CHECK (handler_id = avg_current_staff_id());
--> statement-breakpoint
CREATE POLICY cases_signer_read ON cases FOR SELECT TO avg_signer USING (signer_id = avg_current_staff_id());
--> statement-breakpoint
CREATE POLICY cases_signer_update ON cases FOR UPDATE TO avg_signer
  USING (signer_id = avg_current_staff_id()) WITH CHECK (signer_id = avg_current_staff_id());
--> statement-breakpoint

-- case_requesters: who asked — the assigned handler and the dpo; intake writes, never reads.
GRANT INSERT ON case_requesters TO avg_intake, avg_handler, avg_dpo;
--> statement-breakpoint
GRANT SELECT, UPDATE ON case_requesters TO avg_handler, avg_dpo;
--> statement-breakpoint
GRANT DELETE ON case_requesters TO avg_dpo;
--> statement-breakpoint
CREATE POLICY case_requesters_dpo ON case_requesters FOR ALL TO avg_dpo USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY case_requesters_intake_insert ON case_requesters FOR INSERT TO avg_intake WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY case_requesters_handler ON case_requesters FOR ALL TO avg_handler
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id AND c.handler_id = avg_current_staff_id()))
  WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id AND c.handler_id = avg_current_staff_id()));
--> statement-breakpoint

-- decisions and letters: written once (handler of the case, the signer, the dpo), never changed;
-- the dpo removes them only with the case (retention, ON DELETE CASCADE).
GRANT SELECT, INSERT ON decisions, letters TO avg_handler, avg_signer, avg_dpo;
--> statement-breakpoint
CREATE POLICY decisions_dpo_read ON decisions FOR SELECT TO avg_dpo USING (true);
--> statement-breakpoint
CREATE POLICY decisions_dpo_insert ON decisions FOR INSERT TO avg_dpo WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY decisions_handler_read ON decisions FOR SELECT TO avg_handler
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id AND c.handler_id = avg_current_staff_id()));
--> statement-breakpoint
CREATE POLICY decisions_handler_insert ON decisions FOR INSERT TO avg_handler
  WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id AND c.handler_id = avg_current_staff_id()));
--> statement-breakpoint
CREATE POLICY decisions_signer_read ON decisions FOR SELECT TO avg_signer USING (signed_by = avg_current_staff_id());
--> statement-breakpoint
CREATE POLICY decisions_signer_insert ON decisions FOR INSERT TO avg_signer WITH CHECK (signed_by = avg_current_staff_id());
--> statement-breakpoint
CREATE POLICY letters_dpo_read ON letters FOR SELECT TO avg_dpo USING (true);
--> statement-breakpoint
CREATE POLICY letters_dpo_insert ON letters FOR INSERT TO avg_dpo WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY letters_handler_read ON letters FOR SELECT TO avg_handler
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id AND c.handler_id = avg_current_staff_id()));
--> statement-breakpoint
CREATE POLICY letters_handler_insert ON letters FOR INSERT TO avg_handler
  WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id AND c.handler_id = avg_current_staff_id()));
--> statement-breakpoint
CREATE POLICY letters_signer_read ON letters FOR SELECT TO avg_signer USING (signed_by = avg_current_staff_id());
--> statement-breakpoint
CREATE POLICY letters_signer_insert ON letters FOR INSERT TO avg_signer WITH CHECK (signed_by = avg_current_staff_id());
--> statement-breakpoint

-- audit_events: every desktop appends; the auditor and the dpo read; nobody changes or removes,
-- not even the owner (triggers).
GRANT INSERT ON audit_events TO avg_intake, avg_handler, avg_signer, avg_dpo, avg_auditor, avg_admin;
--> statement-breakpoint
GRANT SELECT ON audit_events TO avg_auditor, avg_dpo;
--> statement-breakpoint
CREATE POLICY audit_events_append ON audit_events FOR INSERT TO avg_intake, avg_handler, avg_signer, avg_dpo, avg_auditor, avg_admin WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY audit_events_read ON audit_events FOR SELECT TO avg_auditor, avg_dpo USING (true);
--> statement-breakpoint
CREATE FUNCTION avg_audit_events_insert_only() RETURNS trigger
LANGUAGE plpgsql
SET search_path = public, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION 'Auditgebeurtenissen kunnen niet worden gewijzigd of verwijderd (%).', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION avg_audit_events_insert_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION avg_audit_events_insert_only();
--> statement-breakpoint

-- reference_data: templates, processing register, policy settings, letterhead.
GRANT SELECT ON reference_data TO avg_intake, avg_handler, avg_signer, avg_dpo, avg_auditor, avg_admin;
--> statement-breakpoint
GRANT INSERT, UPDATE ON reference_data TO avg_admin;
--> statement-breakpoint
CREATE POLICY reference_data_read ON reference_data FOR SELECT TO avg_intake, avg_handler, avg_signer, avg_dpo, avg_auditor, avg_admin USING (true);
--> statement-breakpoint
CREATE POLICY reference_data_admin_insert ON reference_data FOR INSERT TO avg_admin WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY reference_data_admin_update ON reference_data FOR UPDATE TO avg_admin USING (true) WITH CHECK (true);
--> statement-breakpoint

-- reference_blocks: no direct access; a desktop asks for the next free block of case numbers,
-- above every block handed out and above every number already used in the register.
CREATE FUNCTION avg_allocate_reference_block(p_year int, p_desktop text, p_size int)
RETURNS TABLE (first int, last int)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  v_caller text := coalesce(nullif(current_setting('role'), 'none'), session_user);
  v_top int;
  v_first int;
  v_last int;
BEGIN
  IF p_year IS NULL OR p_year < 2000 OR p_year > 2999 THEN
    RAISE EXCEPTION 'Ongeldig jaar voor een nummerblok: %.', p_year USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_size IS NULL OR p_size < 1 OR p_size > 1000 THEN
    RAISE EXCEPTION 'Een nummerblok telt 1 tot en met 1000 nummers.' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_desktop IS NULL OR length(trim(p_desktop)) = 0 THEN
    RAISE EXCEPTION 'Geef de werkplek op waarvoor het nummerblok is.' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- One allocation at a time; readers of the register are not blocked.
  LOCK TABLE reference_blocks IN SHARE ROW EXCLUSIVE MODE;
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
  VALUES (p_year, v_first, v_last, p_desktop, (SELECT s.id FROM staff s WHERE s.login_role = v_caller));
  first := v_first;
  last := v_last;
  RETURN NEXT;
END;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION avg_allocate_reference_block(int, text, int) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION avg_allocate_reference_block(int, text, int) TO avg_intake, avg_handler, avg_dpo;
--> statement-breakpoint

-- destruction_records: what remains after retention; written by the dpo, read by dpo and auditor.
GRANT SELECT ON destruction_records TO avg_dpo, avg_auditor;
--> statement-breakpoint
GRANT INSERT ON destruction_records TO avg_dpo;
--> statement-breakpoint
CREATE POLICY destruction_records_read ON destruction_records FOR SELECT TO avg_dpo, avg_auditor USING (true);
--> statement-breakpoint
CREATE POLICY destruction_records_dpo_insert ON destruction_records FOR INSERT TO avg_dpo WITH CHECK (true);
--> statement-breakpoint

-- handovers: the receiving handler confirms the import; both sides and the dpo see it.
GRANT SELECT ON handovers TO avg_handler, avg_dpo;
--> statement-breakpoint
GRANT INSERT ON handovers TO avg_handler;
--> statement-breakpoint
CREATE POLICY handovers_handler_insert ON handovers FOR INSERT TO avg_handler WITH CHECK (to_staff = avg_current_staff_id());
--> statement-breakpoint
CREATE POLICY handovers_handler_read ON handovers FOR SELECT TO avg_handler
  USING (from_staff = avg_current_staff_id() OR to_staff = avg_current_staff_id());
--> statement-breakpoint
CREATE POLICY handovers_dpo_read ON handovers FOR SELECT TO avg_dpo USING (true);
--> statement-breakpoint

-- Aggregates for the auditor (and the dpo): no reference, no name, no customer number, no staff.
-- A view runs with its owner's rights, so it counts every case whatever the reader may see.
CREATE VIEW case_statistics AS
SELECT date_trunc('month', c.received_on)::date AS month,
       c.type,
       c.channel,
       c.status,
       c.outcome,
       count(*)::int AS cases,
       (count(*) FILTER (WHERE c.decided_on IS NOT NULL AND c.decided_on <= c.due_on))::int AS decided_on_time,
       (count(*) FILTER (WHERE c.decided_on IS NOT NULL AND c.decided_on > c.due_on))::int AS decided_late,
       (count(*) FILTER (WHERE c.extension_months > 0))::int AS extended
FROM cases c
GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
CREATE VIEW destruction_statistics AS
SELECT date_trunc('month', d.destroyed_on)::date AS month, d.request_type, count(*)::int AS records
FROM destruction_records d
GROUP BY 1, 2;
--> statement-breakpoint
REVOKE ALL ON case_statistics, destruction_statistics FROM PUBLIC;
--> statement-breakpoint
GRANT SELECT ON case_statistics, destruction_statistics TO avg_auditor, avg_dpo;
--> statement-breakpoint

-- Logins: one LOGIN role per staff member, a member of exactly the named functions. Called by the
-- admin (or the owner). p_password may be a SCRAM-SHA-256 verifier, so the password itself need
-- never reach the server; the CLI sends one.
CREATE FUNCTION avg_create_login(p_user_name text, p_full_name text, p_functions text[], p_password text)
RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  v_all text[] := ARRAY['intake', 'handler', 'signer', 'dpo', 'auditor', 'admin'];
  v_user text := lower(trim(coalesce(p_user_name, '')));
  v_login text;
  v_fn text;
  v_id uuid;
  v_try int;
BEGIN
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
  -- Nobody changes their own functions (an admin cannot make themselves dpo).
  IF v_login = coalesce(nullif(current_setting('role'), 'none'), session_user) THEN
    RAISE EXCEPTION 'U kunt uw eigen aanmelding en functies niet wijzigen; vraag een andere beheerder.' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = v_login AND (r.rolsuper OR r.rolcreaterole OR r.rolbypassrls OR r.rolreplication)) THEN
    RAISE EXCEPTION 'De rol % bestaat al met beheerrechten en wordt niet aangepast.', v_login USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- Roles are cluster-wide: two databases (or two admins) may change the same login at once, which
  -- PostgreSQL reports as a unique violation or "tuple concurrently updated"; try again.
  FOR v_try IN 1..50 LOOP
    BEGIN
      IF EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = v_login) THEN
        EXECUTE format('ALTER ROLE %I WITH LOGIN INHERIT PASSWORD %L', v_login, p_password);
      ELSE
        EXECUTE format('CREATE ROLE %I WITH LOGIN INHERIT PASSWORD %L', v_login, p_password);
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
  VALUES (gen_random_uuid(), v_user, trim(p_full_name),
          ARRAY(SELECT f FROM unnest(v_all) WITH ORDINALITY AS a(f, n) WHERE f = ANY (p_functions) ORDER BY n),
          v_login, true, now())
  ON CONFLICT (user_name) DO UPDATE
    SET full_name = excluded.full_name, roles = excluded.roles, login_role = excluded.login_role,
        active = true, updated_at = now()
  RETURNING s.id INTO v_id;
  RETURN v_id;
END;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION avg_create_login(text, text, text[], text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION avg_create_login(text, text, text[], text) TO avg_admin;

-- The schema belongs to avg_owner: a role nobody logs in as, and no staff login is a member of, so
-- no login the app uses can switch off, drop or replace the triggers and functions that keep audit
-- events, anchors and the login log insert-only. The SECURITY DEFINER functions run as avg_owner
-- too; it needs CREATEROLE for the staff logins avg_create_login makes and changes (never superuser
-- ones: that function refuses them). A login that migrates without being superuser becomes a
-- member, so it can run the next migration; the README tells the DBA what that member can do.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'avg_owner') THEN
    BEGIN
      CREATE ROLE avg_owner NOLOGIN NOINHERIT CREATEROLE NOSUPERUSER NOBYPASSRLS NOREPLICATION NOCREATEDB;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- made at the same moment by a migration in another database
    END;
  END IF;
  IF NOT coalesce((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = current_user), false)
     AND NOT pg_has_role(current_user, 'avg_owner', 'member') THEN
    EXECUTE format('GRANT avg_owner TO %I', current_user);
  END IF;
END
$$;
--> statement-breakpoint
-- From PostgreSQL 16 on, CREATEROLE changes only roles one holds with ADMIN OPTION: the function
-- roles, and the staff logins made before this migration (later ones avg_owner makes itself).
-- avg_owner is NOINHERIT, so these memberships give it no rights of their own.
DO $$
DECLARE
  v_role text;
BEGIN
  FOR v_role IN SELECT r.rolname FROM pg_roles r
                 WHERE (r.rolname IN ('avg_intake', 'avg_handler', 'avg_signer', 'avg_dpo', 'avg_auditor', 'avg_admin')
                        OR r.rolname IN (SELECT s.login_role FROM staff s WHERE s.login_role LIKE 'avg\_u\_%'))
                   AND NOT (r.rolsuper OR r.rolcreaterole OR r.rolbypassrls OR r.rolreplication) LOOP
    BEGIN
      EXECUTE format('GRANT %I TO avg_owner WITH ADMIN OPTION', v_role);
    EXCEPTION WHEN insufficient_privilege OR internal_error OR unique_violation THEN
      RAISE WARNING 'avg_owner kreeg geen ADMIN OPTION op %: de DBA verleent die zelf.', v_role;
    END;
  END LOOP;
END
$$;
--> statement-breakpoint
-- An owner needs to be allowed to create in the schema (the schema itself stays the database owner's).
GRANT USAGE, CREATE ON SCHEMA public TO avg_owner;
--> statement-breakpoint
-- Everything in the schema goes to avg_owner; migrateCentral calls this after every run, so what a
-- later migration creates follows. Sequences of identity columns go with their table.
CREATE FUNCTION avg_hand_to_owner() RETURNS void
LANGUAGE plpgsql
SET search_path = public, pg_temp
AS $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
              AND c.relowner <> 'avg_owner'::regrole LOOP
    EXECUTE format('ALTER %s %s OWNER TO avg_owner', CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.name);
  END LOOP;
  FOR r IN SELECT c.oid::regclass AS name FROM pg_class c
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S' AND c.relowner <> 'avg_owner'::regrole
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')) LOOP
    EXECUTE format('ALTER SEQUENCE %s OWNER TO avg_owner', r.name);
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS name, p.prokind FROM pg_proc p
            WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> 'avg_owner'::regrole LOOP
    EXECUTE format('ALTER %s %s OWNER TO avg_owner', CASE r.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END, r.name);
  END LOOP;
END;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION avg_hand_to_owner() FROM PUBLIC;
--> statement-breakpoint
SELECT avg_hand_to_owner();
--> statement-breakpoint
-- Nobody but the owner creates objects in the schema (a staff login's function of the same name
-- could otherwise stand in for one of these).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

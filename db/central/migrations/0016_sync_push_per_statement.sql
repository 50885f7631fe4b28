-- The register follows the decisions once per INSERT statement rather than once per row: a sync
-- sends hundreds of decisions in one statement, and one UPDATE joined to the inserted rows costs
-- what a single row did. Who may insert, and the signer stamped from the login, are unchanged.
-- Two decisions of one case in the same statement: the one signed last is the register's.
DROP TRIGGER decisions_to_register ON decisions;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION avg_decision_to_register() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
  UPDATE cases c SET signer_id = d.signed_by, outcome = d.outcome, decided_on = d.decided_on
    FROM (SELECT DISTINCT ON (n.case_id) n.case_id, n.signed_by, n.outcome, n.decided_on
            FROM decided n ORDER BY n.case_id, n.signed_at DESC) d
   WHERE c.id = d.case_id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER decisions_to_register AFTER INSERT ON decisions REFERENCING NEW TABLE AS decided
  FOR EACH STATEMENT EXECUTE FUNCTION avg_decision_to_register();
--> statement-breakpoint
-- Who calls, asked once per call: compared inside a scan, the caller's login was worked out again
-- for every role and every staff row looked at (some thirty times for each decision a sync sends).
-- The same rules, the login now a scalar subquery.
CREATE OR REPLACE FUNCTION avg_caller_is_owner() RETURNS boolean
LANGUAGE sql STABLE
SET search_path = public, pg_temp
AS $$
  WITH caller AS MATERIALIZED (SELECT avg_caller_login() AS login)
  SELECT coalesce((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = caller.login), false)
      OR pg_has_role(caller.login, (SELECT c.relowner FROM pg_class c WHERE c.oid = 'public.staff'::regclass), 'member')
    FROM caller
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION avg_caller_staff_id() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$ SELECT s.id FROM staff s WHERE s.login_role = (SELECT avg_caller_login()) AND s.active $$;

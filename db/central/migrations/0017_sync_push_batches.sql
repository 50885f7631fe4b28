-- A sync sends its decisions, signed letters and signing requests as arrays, one call per batch and
-- kind: the caller's login and functions are worked out once per call instead of some six times
-- for every row (policy, stamp trigger, before-signer check each asked again). The rules are those
-- of the policies on the tables, which stay for every direct INSERT: only the signer's own login
-- records a decision or letter, only for a letter the case's handler (not she herself) put before a
-- signer, and the signer is her session; only the case's handler or the dpo puts a letter before a
-- signer, in their own name. One row the caller may not send refuses the whole call (42501), as the
-- policy refuses a whole statement: the desktop then sends that batch row by row.
CREATE FUNCTION avg_push_decisions(p_id uuid[], p_case uuid[], p_letter uuid[], p_kind text[], p_outcome text[], p_decided date[],
                                   p_drafted uuid[], p_signed_at timestamptz[], p_sha256 text[]) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  v_me uuid := avg_caller_staff_id();
  v_n int;
BEGIN
  IF v_me IS NULL OR NOT avg_caller_has('signer') THEN
    RAISE EXCEPTION 'Alleen een tekenbevoegde legt een besluit vast.' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF EXISTS (SELECT 1 FROM unnest(p_letter, p_case) AS t(l, c)
              WHERE NOT EXISTS (SELECT 1 FROM signing_requests r
                                 WHERE r.letter_id = t.l AND r.case_id = t.c AND r.requested_by IS DISTINCT FROM v_me)) THEN
    RAISE EXCEPTION 'Deze brief is niet door de behandelaar van de zaak aan een tekenbevoegde voorgelegd.' USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO decisions (id, case_id, letter_id, kind, outcome, decided_on, drafted_by, signed_by, signed_at, sha256)
  SELECT t.id, t.c, t.l, t.kind, t.outcome, t.decided, t.drafted, v_me, t.signed_at, t.sha256
    FROM unnest(p_id, p_case, p_letter, p_kind, p_outcome, p_decided, p_drafted, p_signed_at, p_sha256)
      AS t(id, c, l, kind, outcome, decided, drafted, signed_at, sha256)
  ON CONFLICT (id) DO NOTHING;
  GET DIAGNOSTICS v_n = ROW_COUNT;
  RETURN v_n;
END;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION avg_push_decisions(uuid[], uuid[], uuid[], text[], text[], date[], uuid[], timestamptz[], text[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION avg_push_decisions(uuid[], uuid[], uuid[], text[], text[], date[], uuid[], timestamptz[], text[]) TO avg_signer;
--> statement-breakpoint
CREATE FUNCTION avg_push_letters(p_id uuid[], p_case uuid[], p_kind text[], p_drafted uuid[], p_signed_at timestamptz[], p_sha256 text[],
                                 p_pdf bytea[]) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  v_me uuid := avg_caller_staff_id();
  v_n int;
BEGIN
  IF v_me IS NULL OR NOT avg_caller_has('signer') THEN
    RAISE EXCEPTION 'Alleen een tekenbevoegde legt een ondertekende brief vast.' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF EXISTS (SELECT 1 FROM unnest(p_id, p_case) AS t(l, c)
              WHERE NOT EXISTS (SELECT 1 FROM signing_requests r
                                 WHERE r.letter_id = t.l AND r.case_id = t.c AND r.requested_by IS DISTINCT FROM v_me)) THEN
    RAISE EXCEPTION 'Deze brief is niet door de behandelaar van de zaak aan een tekenbevoegde voorgelegd.' USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO letters (id, case_id, kind, drafted_by, signed_by, signed_at, sha256, pdf)
  SELECT t.id, t.c, t.kind, t.drafted, v_me, t.signed_at, t.sha256, t.pdf
    FROM unnest(p_id, p_case, p_kind, p_drafted, p_signed_at, p_sha256, p_pdf) AS t(id, c, kind, drafted, signed_at, sha256, pdf)
  ON CONFLICT (id) DO NOTHING;
  GET DIAGNOSTICS v_n = ROW_COUNT;
  RETURN v_n;
END;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION avg_push_letters(uuid[], uuid[], text[], uuid[], timestamptz[], text[], bytea[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION avg_push_letters(uuid[], uuid[], text[], uuid[], timestamptz[], text[], bytea[]) TO avg_signer;
--> statement-breakpoint
CREATE FUNCTION avg_request_signatures(p_letter uuid[], p_case uuid[], p_kind text[]) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  v_me uuid := avg_caller_staff_id();
  v_n int;
BEGIN
  IF v_me IS NULL OR NOT (avg_caller_has('dpo') OR avg_caller_has('handler')) THEN
    RAISE EXCEPTION 'Alleen de behandelaar van de zaak of de FG legt een brief aan een tekenbevoegde voor.' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NOT avg_caller_has('dpo') AND EXISTS (SELECT 1 FROM unnest(p_case) AS t(c)
                                            WHERE NOT EXISTS (SELECT 1 FROM cases k WHERE k.id = t.c AND k.handler_id = v_me)) THEN
    RAISE EXCEPTION 'Alleen de behandelaar van de zaak of de FG legt een brief aan een tekenbevoegde voor.' USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO signing_requests (letter_id, case_id, kind, requested_by)
  SELECT t.l, t.c, t.kind, v_me FROM unnest(p_letter, p_case, p_kind) AS t(l, c, kind)
  ON CONFLICT (letter_id) DO NOTHING;
  GET DIAGNOSTICS v_n = ROW_COUNT;
  RETURN v_n;
END;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION avg_request_signatures(uuid[], uuid[], text[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION avg_request_signatures(uuid[], uuid[], text[]) TO avg_handler, avg_dpo;
--> statement-breakpoint
-- Which of these letters the caller may record as signer: her login asked once, not once per letter.
CREATE FUNCTION avg_letters_before_signer(p_letter uuid[], p_case uuid[]) RETURNS SETOF uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  v_me uuid := avg_caller_staff_id();
BEGIN
  RETURN QUERY SELECT t.l FROM unnest(p_letter, p_case) AS t(l, c)
                WHERE EXISTS (SELECT 1 FROM signing_requests r
                               WHERE r.letter_id = t.l AND r.case_id = t.c AND r.requested_by IS DISTINCT FROM v_me);
END;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION avg_letters_before_signer(uuid[], uuid[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION avg_letters_before_signer(uuid[], uuid[]) TO avg_signer;
--> statement-breakpoint
-- The stamp triggers run as the one who inserts: inside the functions above that is the owner, who
-- stamped the caller already, and the trigger asks nothing more. A direct INSERT by a staff login is
-- stamped from the session as before.
CREATE OR REPLACE FUNCTION avg_stamp_signer() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER
SET search_path = public, pg_temp
AS $$
BEGIN
  IF NOT pg_has_role(current_user, (SELECT c.relowner FROM pg_class c WHERE c.oid = TG_RELID), 'member') AND NOT avg_caller_is_owner() THEN
    NEW.signed_by := avg_caller_staff_id();
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION avg_stamp_requester() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER
SET search_path = public, pg_temp
AS $$
BEGIN
  IF NOT pg_has_role(current_user, (SELECT c.relowner FROM pg_class c WHERE c.oid = TG_RELID), 'member') AND NOT avg_caller_is_owner() THEN
    NEW.requested_by := avg_caller_staff_id();
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
-- The same policies with the caller asked once per statement: a scalar subquery is evaluated once,
-- a function call in a policy once for every row a statement writes or reads.
ALTER POLICY cases_intake_read ON cases USING (NOT (SELECT avg_has_function('handler')) AND NOT (SELECT avg_has_function('signer')));
--> statement-breakpoint
ALTER POLICY cases_handler_read ON cases USING (handler_id = (SELECT avg_current_staff_id()));
--> statement-breakpoint
ALTER POLICY cases_handler_insert ON cases WITH CHECK (handler_id IS NULL OR handler_id = (SELECT avg_current_staff_id()));
--> statement-breakpoint
ALTER POLICY cases_handler_update ON cases USING (handler_id = (SELECT avg_current_staff_id())) WITH CHECK (handler_id = (SELECT avg_current_staff_id()));
--> statement-breakpoint
ALTER POLICY cases_signer_read ON cases USING (signer_id = (SELECT avg_current_staff_id()));
--> statement-breakpoint
ALTER POLICY case_requesters_handler ON case_requesters
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id AND c.handler_id = (SELECT avg_current_staff_id())))
  WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id AND c.handler_id = (SELECT avg_current_staff_id())));
--> statement-breakpoint
ALTER POLICY decisions_handler_read ON decisions
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id AND c.handler_id = (SELECT avg_current_staff_id())));
--> statement-breakpoint
ALTER POLICY decisions_signer_read ON decisions USING (signed_by = (SELECT avg_current_staff_id()));
--> statement-breakpoint
ALTER POLICY decisions_signer_insert ON decisions WITH CHECK (signed_by = (SELECT avg_current_staff_id()) AND avg_letter_before_signer(letter_id, case_id));
--> statement-breakpoint
ALTER POLICY letters_handler_read ON letters
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id AND c.handler_id = (SELECT avg_current_staff_id())));
--> statement-breakpoint
ALTER POLICY letters_signer_read ON letters USING (signed_by = (SELECT avg_current_staff_id()));
--> statement-breakpoint
ALTER POLICY letters_signer_insert ON letters WITH CHECK (signed_by = (SELECT avg_current_staff_id()) AND avg_letter_before_signer(id, case_id));
--> statement-breakpoint
ALTER POLICY signing_requests_handler_insert ON signing_requests
  WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id AND c.handler_id = (SELECT avg_current_staff_id())));
--> statement-breakpoint
ALTER POLICY signing_requests_handler_read ON signing_requests
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id AND c.handler_id = (SELECT avg_current_staff_id())));
--> statement-breakpoint
ALTER POLICY handovers_handler_insert ON handovers WITH CHECK (to_staff = (SELECT avg_current_staff_id()));
--> statement-breakpoint
ALTER POLICY handovers_handler_read ON handovers
  USING (from_staff = (SELECT avg_current_staff_id()) OR to_staff = (SELECT avg_current_staff_id()));

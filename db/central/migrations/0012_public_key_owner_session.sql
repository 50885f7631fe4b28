-- A sync that runs as the owner or a superuser (the embedded demo server, where every socket
-- session is the superuser whatever login it names) has no staff member of its own: there is no
-- key to record, and refusing would stop the whole sync. A staff login still sets only its own key.
CREATE OR REPLACE FUNCTION avg_set_public_key(p_key text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  v_me uuid := avg_caller_staff_id();
BEGIN
  IF v_me IS NULL AND avg_caller_is_owner() THEN
    RETURN;
  END IF;
  IF v_me IS NULL THEN
    RAISE EXCEPTION 'Alleen een actieve medewerker met een eigen aanmelding legt een eigen sleutel vast.' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_key IS NULL OR p_key !~ '^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$' THEN
    RAISE EXCEPTION 'Een publieke sleutel is 32 bytes, in base64.' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  UPDATE staff SET public_key = p_key, updated_at = now() WHERE id = v_me AND public_key IS DISTINCT FROM p_key;
END;
$$;

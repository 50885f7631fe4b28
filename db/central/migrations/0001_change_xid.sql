-- Pull cursors (see schema.ts): every change stamps the row with the id of the transaction that
-- made it, so a desktop can pull "everything changed since my cursor" without missing a row that a
-- slower transaction committed later.
CREATE OR REPLACE FUNCTION avg_stamp_change_xid() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.change_xid := pg_current_xact_id();
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER staff_change_xid BEFORE UPDATE ON staff FOR EACH ROW EXECUTE FUNCTION avg_stamp_change_xid();
--> statement-breakpoint
CREATE TRIGGER cases_change_xid BEFORE UPDATE ON cases FOR EACH ROW EXECUTE FUNCTION avg_stamp_change_xid();
--> statement-breakpoint
CREATE TRIGGER case_requesters_change_xid BEFORE UPDATE ON case_requesters FOR EACH ROW EXECUTE FUNCTION avg_stamp_change_xid();
--> statement-breakpoint
CREATE TRIGGER reference_data_change_xid BEFORE UPDATE ON reference_data FOR EACH ROW EXECUTE FUNCTION avg_stamp_change_xid();
--> statement-breakpoint
CREATE TRIGGER handovers_change_xid BEFORE UPDATE ON handovers FOR EACH ROW EXECUTE FUNCTION avg_stamp_change_xid();

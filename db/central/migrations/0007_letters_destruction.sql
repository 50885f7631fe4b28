-- Signed letters may have a shorter retention term than their case register record (policy §4): the
-- dpo's approved destruction list then removes only the letters of a case. Letters are otherwise
-- never changed or removed by anyone.
GRANT DELETE ON letters TO avg_dpo;
--> statement-breakpoint
CREATE POLICY letters_dpo_delete ON letters FOR DELETE TO avg_dpo USING (true);

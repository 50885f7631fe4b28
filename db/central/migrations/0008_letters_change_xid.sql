ALTER TABLE "letters" ADD COLUMN "change_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
CREATE INDEX "letters_change" ON "letters" USING btree ("change_xid");
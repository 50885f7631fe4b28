ALTER TABLE "audit_events" ADD COLUMN "staff_id" uuid;--> statement-breakpoint
CREATE INDEX "audit_events_staff" ON "audit_events" USING btree ("staff_id");
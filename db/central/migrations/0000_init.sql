CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"desktop_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"roles" text[] NOT NULL,
	"procedure" text NOT NULL,
	"record_type" text,
	"record_id" text,
	"outcome" text NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_events_desktop_seq" UNIQUE("desktop_id","seq")
);
--> statement-breakpoint
CREATE TABLE "case_requesters" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"birth_date" date,
	"address" text,
	"email" text,
	"phone" text,
	"relation" text NOT NULL,
	"legally_incapacitated" boolean DEFAULT false NOT NULL,
	"written_and_signed" boolean NOT NULL,
	"request_text" text DEFAULT '' NOT NULL,
	"correction_kinds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"representative_kind" text,
	"representative_name" text,
	"representative_basis" text,
	"change_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"type" text NOT NULL,
	"channel" text NOT NULL,
	"customer_number" text,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"original_due_on" date NOT NULL,
	"extension_months" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"decided_on" date,
	"outcome" text,
	"closed_on" date,
	"handler_id" uuid,
	"signer_id" uuid,
	"created_by" uuid,
	"legal_hold" boolean DEFAULT false NOT NULL,
	"legal_hold_reason" text,
	"updated_at" timestamp with time zone NOT NULL,
	"change_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	CONSTRAINT "cases_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"letter_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"outcome" text NOT NULL,
	"decided_on" date NOT NULL,
	"drafted_by" uuid,
	"signed_by" uuid,
	"signed_at" timestamp with time zone NOT NULL,
	"sha256" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "destruction_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"request_type" text NOT NULL,
	"received_on" date,
	"closed_on" date,
	"destroyed_on" date NOT NULL,
	"approved_by" uuid,
	"list_id" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handovers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"from_staff" uuid,
	"to_staff" uuid,
	"bundle_sha256" text NOT NULL,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"change_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"drafted_by" uuid,
	"signed_by" uuid,
	"signed_at" timestamp with time zone NOT NULL,
	"sha256" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reference_blocks" (
	"year" integer NOT NULL,
	"first" integer NOT NULL,
	"last" integer NOT NULL,
	"desktop_id" text NOT NULL,
	"allocated_by" uuid,
	"allocated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reference_blocks_year_first_pk" PRIMARY KEY("year","first")
);
--> statement-breakpoint
CREATE TABLE "reference_data" (
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"change_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	CONSTRAINT "reference_data_kind_key_pk" PRIMARY KEY("kind","key")
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_name" text NOT NULL,
	"full_name" text NOT NULL,
	"roles" text[] NOT NULL,
	"login_role" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"change_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	CONSTRAINT "staff_user_name_unique" UNIQUE("user_name"),
	CONSTRAINT "staff_login_role_unique" UNIQUE("login_role")
);
--> statement-breakpoint
ALTER TABLE "case_requesters" ADD CONSTRAINT "case_requesters_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_handler_id_staff_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_signer_id_staff_id_fk" FOREIGN KEY ("signer_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_drafted_by_staff_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_signed_by_staff_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destruction_records" ADD CONSTRAINT "destruction_records_approved_by_staff_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_from_staff_staff_id_fk" FOREIGN KEY ("from_staff") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_to_staff_staff_id_fk" FOREIGN KEY ("to_staff") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_drafted_by_staff_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_signed_by_staff_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_blocks" ADD CONSTRAINT "reference_blocks_allocated_by_staff_id_fk" FOREIGN KEY ("allocated_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_data" ADD CONSTRAINT "reference_data_updated_by_staff_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_actor" ON "audit_events" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_events_record" ON "audit_events" USING btree ("record_type","record_id");--> statement-breakpoint
CREATE INDEX "cases_handler" ON "cases" USING btree ("handler_id");--> statement-breakpoint
CREATE INDEX "cases_change" ON "cases" USING btree ("change_xid");--> statement-breakpoint
CREATE INDEX "decisions_case" ON "decisions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "handovers_case" ON "handovers" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "letters_case" ON "letters" USING btree ("case_id");
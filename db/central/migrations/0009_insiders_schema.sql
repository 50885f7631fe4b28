CREATE TABLE "audit_anchors" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_anchors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"desktop_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"anchored_by" uuid,
	"anchored_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_anchors_head" UNIQUE("desktop_id","seq","hash")
);
--> statement-breakpoint
CREATE TABLE "audit_desktops" (
	"desktop_id" text PRIMARY KEY NOT NULL,
	"secret_sha256" text NOT NULL,
	"registered_by" uuid,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_event_conflicts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_event_conflicts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"desktop_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"event_id" uuid NOT NULL,
	"event" jsonb NOT NULL,
	"pushed_by" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_event_conflicts_event" UNIQUE("desktop_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "signing_requests" (
	"letter_id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_grants" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "staff_grants_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"granted_by_login" text NOT NULL,
	"granted_by" uuid,
	"user_name" text NOT NULL,
	"login_role" text NOT NULL,
	"functions_before" text[] NOT NULL,
	"functions_after" text[] NOT NULL,
	"new_login" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "signature" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "pushed_by" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "pending_handler" text;--> statement-breakpoint
ALTER TABLE "staff" ADD COLUMN "public_key" text;--> statement-breakpoint
ALTER TABLE "signing_requests" ADD CONSTRAINT "signing_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_requests" ADD CONSTRAINT "signing_requests_requested_by_staff_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;
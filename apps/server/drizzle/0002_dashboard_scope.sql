CREATE TABLE "dashboard_scope_rollup" (
	"scope_unit_id" text NOT NULL,
	"handles" boolean NOT NULL,
	"accused_self" boolean NOT NULL,
	"month" text NOT NULL,
	"county" text NOT NULL,
	"domain" text NOT NULL,
	"channel" text NOT NULL,
	"category" text NOT NULL,
	"unit_id" text NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"repeats" integer DEFAULT 0 NOT NULL,
	"online" integer DEFAULT 0 NOT NULL,
	"first_concluded" integer DEFAULT 0 NOT NULL,
	"first_resolved" integer DEFAULT 0 NOT NULL,
	"replied" integer DEFAULT 0 NOT NULL,
	"replied_on_time" integer DEFAULT 0 NOT NULL,
	"acceptance_decided" integer DEFAULT 0 NOT NULL,
	"acceptance_timely" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"forwarded" integer DEFAULT 0 NOT NULL,
	"assigned" integer DEFAULT 0 NOT NULL,
	"supervised" integer DEFAULT 0 NOT NULL,
	"suggestions" integer DEFAULT 0 NOT NULL,
	"suggestions_adopted" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dashboard_scope_rollup_pk" PRIMARY KEY("scope_unit_id","handles","accused_self","month","county","domain","channel","category","unit_id")
);
--> statement-breakpoint
ALTER TABLE "dashboard_facts" ADD COLUMN "involved_unit_ids" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "petitions_open_due_idx" ON "petitions" USING btree ("next_due_on","jurisdiction_code","current_unit_id","registering_unit_id","category","respondent_unit_id","submitted_by_user_id","involved_unit_ids") WHERE "petitions"."next_due_on" is not null;
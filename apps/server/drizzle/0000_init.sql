CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"petition_id" uuid NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"filename" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_reads" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"petition_id" uuid NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"user_id" uuid NOT NULL,
	"action" text NOT NULL,
	"reason" text NOT NULL,
	"fields" text[] NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jurisdictions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"parent_code" text,
	"level" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"petition_id" uuid,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"template" text NOT NULL,
	"body_enc" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "petition_clocks" (
	"petition_id" uuid NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"start_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"ended_on" date,
	"late" boolean NOT NULL,
	CONSTRAINT "petition_clocks_petition_id_name_pk" PRIMARY KEY("petition_id","name")
);
--> statement-breakpoint
CREATE TABLE "petition_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"petition_id" uuid NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_unit_id" text,
	"event" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petitioners" (
	"id" uuid PRIMARY KEY NOT NULL,
	"petition_id" uuid NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"position" integer NOT NULL,
	"name_enc" text NOT NULL,
	"phone_enc" text,
	"id_card_enc" text,
	"address_enc" text,
	"name_masked" text NOT NULL,
	"phone_masked" text,
	"id_card_masked" text,
	"address_masked" text,
	"phone_hash" text,
	"id_card_hash" text
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"tracking_code" text NOT NULL,
	"tracking_secret_hash" text NOT NULL,
	"tracking_secret_enc" text NOT NULL,
	"idempotency_key" text,
	"idempotency_fingerprint" text,
	"consent_at" timestamp with time zone,
	"status" text NOT NULL,
	"channel" text NOT NULL,
	"category" text NOT NULL,
	"litigation_related" boolean NOT NULL,
	"domain" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"demands" text,
	"respondent_name" text,
	"respondent_unit_id" text,
	"address" text,
	"collective" boolean NOT NULL,
	"headcount" integer NOT NULL,
	"repeat_of" uuid,
	"registering_unit_id" text NOT NULL,
	"current_unit_id" text,
	"involved_unit_ids" text[] NOT NULL,
	"submitted_by_user_id" uuid,
	"received_on" date NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"next_due_on" date,
	"state" jsonb NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reception_bookings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"day_id" uuid NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"booking_code" text NOT NULL,
	"cancel_secret_hash" text NOT NULL,
	"petition_id" uuid,
	"slot" integer NOT NULL,
	"name_enc" text NOT NULL,
	"phone_enc" text NOT NULL,
	"name_masked" text NOT NULL,
	"phone_masked" text NOT NULL,
	"summary" text,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reception_days" (
	"id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"leader_user_id" uuid,
	"leader_name" text NOT NULL,
	"leader_title" text NOT NULL,
	"day" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"place" text NOT NULL,
	"topics" text[] NOT NULL,
	"capacity" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracking_failures" (
	"tracking_code" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"first_failure_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"kind" text NOT NULL,
	"domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"unit_id" text,
	"jurisdiction_code" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"token_generation" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "attachments_petition_idx" ON "attachments" USING btree ("petition_id");--> statement-breakpoint
CREATE INDEX "audit_reads_petition_idx" ON "audit_reads" USING btree ("petition_id","at");--> statement-breakpoint
CREATE INDEX "jurisdictions_parent_idx" ON "jurisdictions" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "petition_clocks_due_idx" ON "petition_clocks" USING btree ("status","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "petition_events_seq_idx" ON "petition_events" USING btree ("petition_id","seq");--> statement-breakpoint
CREATE INDEX "petitioners_petition_idx" ON "petitioners" USING btree ("petition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "petitions_tracking_code_idx" ON "petitions" USING btree ("tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "petitions_idempotency_key_idx" ON "petitions" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "petitions_jurisdiction_received_idx" ON "petitions" USING btree ("jurisdiction_code","received_on");--> statement-breakpoint
CREATE INDEX "petitions_jurisdiction_prefix_idx" ON "petitions" USING btree ("jurisdiction_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "petitions_current_unit_idx" ON "petitions" USING btree ("current_unit_id","status");--> statement-breakpoint
CREATE INDEX "petitions_next_due_idx" ON "petitions" USING btree ("next_due_on");--> statement-breakpoint
CREATE INDEX "petitions_status_idx" ON "petitions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "petitions_received_idx" ON "petitions" USING btree ("received_on","id");--> statement-breakpoint
CREATE INDEX "petitions_involved_idx" ON "petitions" USING gin ("involved_unit_ids");--> statement-breakpoint
CREATE INDEX "petitions_repeat_of_idx" ON "petitions" USING btree ("repeat_of");--> statement-breakpoint
CREATE UNIQUE INDEX "reception_bookings_code_idx" ON "reception_bookings" USING btree ("booking_code");--> statement-breakpoint
CREATE INDEX "reception_bookings_day_idx" ON "reception_bookings" USING btree ("day_id","status");--> statement-breakpoint
CREATE INDEX "reception_days_day_idx" ON "reception_days" USING btree ("day");--> statement-breakpoint
CREATE INDEX "units_jurisdiction_idx" ON "units" USING btree ("jurisdiction_code");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_idx" ON "users" USING btree ("username");
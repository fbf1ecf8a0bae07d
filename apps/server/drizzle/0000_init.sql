CREATE TABLE "analysis_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"window_start" date NOT NULL,
	"window_end" date NOT NULL,
	"size" integer NOT NULL,
	"petition_ids" uuid[] NOT NULL,
	"domain" text NOT NULL,
	"unit_id" text,
	"reason" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analysis_cluster_members" (
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"received_on" date NOT NULL,
	"petition_id" uuid NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"domain" text NOT NULL,
	CONSTRAINT "analysis_cluster_members_kind_key_received_on_petition_id_pk" PRIMARY KEY("kind","key","received_on","petition_id")
);
--> statement-breakpoint
CREATE TABLE "analysis_fingerprints" (
	"petition_id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"received_on" date NOT NULL,
	"domain" text NOT NULL,
	"shingles" integer[] NOT NULL,
	"respondents" text[] NOT NULL,
	"places" text[] NOT NULL,
	"subjects" text[] NOT NULL,
	"persons" text[] NOT NULL,
	"keys" text[] NOT NULL,
	"indexed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analysis_keys" (
	"key" text NOT NULL,
	"received_on" date NOT NULL,
	"petition_id" uuid NOT NULL,
	"jurisdiction_code" text NOT NULL,
	CONSTRAINT "analysis_keys_key_received_on_petition_id_pk" PRIMARY KEY("key","received_on","petition_id")
);
--> statement-breakpoint
CREATE TABLE "analysis_routing_rules" (
	"jurisdiction_code" text NOT NULL,
	"domain" text NOT NULL,
	"unit_id" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "analysis_routing_rules_jurisdiction_code_domain_pk" PRIMARY KEY("jurisdiction_code","domain")
);
--> statement-breakpoint
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
CREATE TABLE "dashboard_facts" (
	"petition_id" uuid PRIMARY KEY NOT NULL,
	"month" text NOT NULL,
	"county" text NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"domain" text NOT NULL,
	"channel" text NOT NULL,
	"category" text NOT NULL,
	"unit_id" text NOT NULL,
	"accused_unit_id" text NOT NULL,
	"units" text[] NOT NULL,
	"submitted_by_user_id" uuid,
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
	"suggestions_adopted" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dashboard_rollup" (
	"month" text NOT NULL,
	"county" text NOT NULL,
	"domain" text NOT NULL,
	"channel" text NOT NULL,
	"category" text NOT NULL,
	"accused_unit_id" text NOT NULL,
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
	CONSTRAINT "dashboard_rollup_month_county_domain_channel_category_accused_unit_id_pk" PRIMARY KEY("month","county","domain","channel","category","accused_unit_id")
);
--> statement-breakpoint
CREATE TABLE "dashboard_sync" (
	"id" integer PRIMARY KEY NOT NULL,
	"last_event_id" bigint NOT NULL,
	"gaps" jsonb NOT NULL,
	"settings_key" text NOT NULL,
	"rebuilt_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dashboard_unit_rollup" (
	"month" text NOT NULL,
	"county" text NOT NULL,
	"unit_id" text NOT NULL,
	"accused_unit_id" text NOT NULL,
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
	CONSTRAINT "dashboard_unit_rollup_month_county_unit_id_accused_unit_id_pk" PRIMARY KEY("month","county","unit_id","accused_unit_id")
);
--> statement-breakpoint
CREATE TABLE "jurisdictions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"parent_code" text,
	"level" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"ledger_id" uuid NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"petition_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"responsible_unit_id" text NOT NULL,
	"owner_leader_user_id" uuid,
	"measures" text NOT NULL,
	"target_on" date,
	"progress" text NOT NULL,
	"resolved" boolean NOT NULL,
	"resolved_on" date,
	"added_on" date NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledgers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"name" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open311_api_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"scopes" text[] NOT NULL,
	"channel" text NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"rate_limit_per_minute" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "open311_key_uses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"method" text NOT NULL,
	"route" text NOT NULL,
	"status_code" integer NOT NULL,
	"petition_id" uuid,
	"outcome" text NOT NULL,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "open311_requests" (
	"petition_id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"key_id" uuid NOT NULL,
	"token" text NOT NULL,
	"service_code" text NOT NULL,
	"lat" text,
	"long" text,
	"address_string" text,
	"address_id" text,
	"media_url" text,
	"attributes" jsonb NOT NULL,
	"email_enc" text,
	"requested_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open311_webhook_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"outbox_id" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"http_status" integer,
	"error" text,
	"duration_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open311_webhook_deliveries" (
	"outbox_id" bigint PRIMARY KEY NOT NULL,
	"webhook_id" uuid NOT NULL,
	"petition_id" uuid NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"event" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open311_webhooks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key_id" uuid NOT NULL,
	"url_enc" text NOT NULL,
	"secret_enc" text NOT NULL,
	"locale" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
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
CREATE TABLE "petition_owners" (
	"petition_id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"leader_user_id" uuid NOT NULL,
	"assigned_by" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"plan" jsonb NOT NULL,
	"target_on" date,
	"progress" jsonb NOT NULL,
	"status" text NOT NULL
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
CREATE TABLE "reminders" (
	"petition_id" uuid NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"clock" text NOT NULL,
	"stage" text NOT NULL,
	"due_on" date NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reminders_petition_id_clock_stage_due_on_pk" PRIMARY KEY("petition_id","clock","stage","due_on")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_drafts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"petition_id" uuid NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"office_unit_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"clock" text NOT NULL,
	"due_on" date NOT NULL,
	"note" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
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
CREATE UNIQUE INDEX "analysis_alerts_cluster_window_idx" ON "analysis_alerts" USING btree ("kind","key","window_start");--> statement-breakpoint
CREATE INDEX "analysis_alerts_cluster_idx" ON "analysis_alerts" USING btree ("kind","key","window_end");--> statement-breakpoint
CREATE INDEX "analysis_alerts_unit_idx" ON "analysis_alerts" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "analysis_alerts_jurisdiction_idx" ON "analysis_alerts" USING btree ("jurisdiction_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "analysis_cluster_members_received_idx" ON "analysis_cluster_members" USING btree ("received_on");--> statement-breakpoint
CREATE INDEX "analysis_cluster_members_petition_idx" ON "analysis_cluster_members" USING btree ("petition_id");--> statement-breakpoint
CREATE INDEX "attachments_petition_idx" ON "attachments" USING btree ("petition_id");--> statement-breakpoint
CREATE INDEX "audit_reads_petition_idx" ON "audit_reads" USING btree ("petition_id","at");--> statement-breakpoint
CREATE INDEX "dashboard_facts_units_idx" ON "dashboard_facts" USING gin ("units");--> statement-breakpoint
CREATE INDEX "dashboard_facts_jurisdiction_idx" ON "dashboard_facts" USING btree ("jurisdiction_code" text_pattern_ops,"month");--> statement-breakpoint
CREATE INDEX "dashboard_facts_submitted_idx" ON "dashboard_facts" USING btree ("submitted_by_user_id");--> statement-breakpoint
CREATE INDEX "jurisdictions_parent_idx" ON "jurisdictions" USING btree ("parent_code");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_petition_idx" ON "ledger_entries" USING btree ("ledger_id","petition_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_ledger_idx" ON "ledger_entries" USING btree ("ledger_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_api_keys_hash_idx" ON "open311_api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "open311_key_uses_key_idx" ON "open311_key_uses" USING btree ("key_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_requests_token_idx" ON "open311_requests" USING btree ("token");--> statement-breakpoint
CREATE INDEX "open311_requests_key_idx" ON "open311_requests" USING btree ("key_id","requested_at");--> statement-breakpoint
CREATE INDEX "open311_webhook_attempts_outbox_idx" ON "open311_webhook_attempts" USING btree ("outbox_id","at");--> statement-breakpoint
CREATE INDEX "open311_webhook_deliveries_webhook_idx" ON "open311_webhook_deliveries" USING btree ("webhook_id","created_at");--> statement-breakpoint
CREATE INDEX "open311_webhooks_key_idx" ON "open311_webhooks" USING btree ("key_id");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "petition_clocks_due_idx" ON "petition_clocks" USING btree ("status","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "petition_events_seq_idx" ON "petition_events" USING btree ("petition_id","seq");--> statement-breakpoint
CREATE INDEX "petition_owners_leader_idx" ON "petition_owners" USING btree ("leader_user_id","status");--> statement-breakpoint
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
CREATE UNIQUE INDEX "supervision_drafts_once_idx" ON "supervision_drafts" USING btree ("petition_id","clock","due_on");--> statement-breakpoint
CREATE INDEX "supervision_drafts_office_idx" ON "supervision_drafts" USING btree ("office_unit_id","status");--> statement-breakpoint
CREATE INDEX "units_jurisdiction_idx" ON "units" USING btree ("jurisdiction_code");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_idx" ON "users" USING btree ("username");
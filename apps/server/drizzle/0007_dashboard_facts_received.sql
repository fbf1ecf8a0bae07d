-- The facts gain the day received; they are rebuilt from the petitions at the next sync (no sync state = rebuild).
TRUNCATE "dashboard_facts", "dashboard_rollup", "dashboard_unit_rollup", "dashboard_scope_rollup";--> statement-breakpoint
DELETE FROM "dashboard_sync";--> statement-breakpoint
ALTER TABLE "dashboard_facts" ADD COLUMN "received_on" date NOT NULL;--> statement-breakpoint
CREATE INDEX "dashboard_facts_received_idx" ON "dashboard_facts" USING btree ("received_on");
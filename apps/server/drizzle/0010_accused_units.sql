DROP INDEX "petitions_open_due_idx";--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "respondent_unit_ids" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- Petitions registered before held one unit they are against: their respondent unit.
UPDATE "petitions" SET "respondent_unit_ids" = ARRAY["respondent_unit_id"] WHERE "respondent_unit_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "petitions_open_due_idx" ON "petitions" USING btree ("next_due_on","jurisdiction_code","current_unit_id","registering_unit_id","category","respondent_unit_ids","submitted_by_user_id","involved_unit_ids") WHERE "petitions"."next_due_on" is not null;
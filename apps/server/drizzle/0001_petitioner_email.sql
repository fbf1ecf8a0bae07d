ALTER TABLE "petitioners" ADD COLUMN "email_enc" text;--> statement-breakpoint
ALTER TABLE "petitioners" ADD COLUMN "email_masked" text;--> statement-breakpoint
-- Emails given through Open311 before this migration move (still encrypted, same key) to the petitioner record;
-- their masked copy cannot be made in SQL, so it is fully masked.
UPDATE "petitioners" SET "email_enc" = r."email_enc", "email_masked" = '****' FROM "open311_requests" r WHERE r."petition_id" = "petitioners"."petition_id" AND "petitioners"."position" = 0 AND r."email_enc" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "open311_requests" DROP COLUMN "email_enc";

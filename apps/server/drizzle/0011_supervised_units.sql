CREATE TABLE "petition_refolds" (
	"petition_id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"why" text NOT NULL
);
--> statement-breakpoint
-- Notices stored before they named their unit: which unit held the petition then is in its history, which SQL
-- cannot fold; the server folds these petitions again at start-up (petitions/refold.ts), filling in the units.
INSERT INTO "petition_refolds" ("petition_id", "jurisdiction_code", "why")
SELECT p."id", p."jurisdiction_code", 'supervisionUnit' FROM "petitions" p
WHERE jsonb_path_exists(p."state", '$.supervisions[*] ? (@.type() == "object" && !exists(@.unitId))');--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "supervised_unit_ids" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- The units with a notice to answer, as core supervisedUnitIdsOf reads them from the state (the unit each open
-- notice was issued to), sorted bytewise as the core sorts; the petitions above get theirs when folded again.
UPDATE "petitions" p SET "supervised_unit_ids" = (
  SELECT coalesce(array_agg(DISTINCT u COLLATE "C" ORDER BY u COLLATE "C"), '{}'::text[])
  FROM (
    SELECT nullif(s ->> 'unitId', '') AS u
    FROM jsonb_array_elements(p."state" -> 'supervisions') s
    WHERE s -> 'answeredOn' = 'null'::jsonb
  ) open
  WHERE u IS NOT NULL
) WHERE p."state" -> 'supervisions' @> '[{}]'::jsonb;--> statement-breakpoint
CREATE INDEX "petitions_supervised_idx" ON "petitions" USING gin ("supervised_unit_ids");

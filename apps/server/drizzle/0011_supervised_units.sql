ALTER TABLE "petitions" ADD COLUMN "supervised_unit_ids" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- The units with a notice to answer, as core supervisedUnitIdsOf reads them from the state: the unit each open
-- notice was issued to, or the unit holding the petition for a notice stored before notices named their unit;
-- sorted bytewise, as the core sorts.
UPDATE "petitions" p SET "supervised_unit_ids" = (
  SELECT coalesce(array_agg(DISTINCT u COLLATE "C" ORDER BY u COLLATE "C"), '{}'::text[])
  FROM (
    SELECT coalesce(s ->> 'unitId', p."state" -> 'currentUnit' ->> 'id') AS u
    FROM jsonb_array_elements(p."state" -> 'supervisions') s
    WHERE s ->> 'answeredOn' IS NULL
  ) open
  WHERE u IS NOT NULL
) WHERE jsonb_array_length(coalesce(p."state" -> 'supervisions', '[]'::jsonb)) > 0;--> statement-breakpoint
CREATE INDEX "petitions_supervised_idx" ON "petitions" USING gin ("supervised_unit_ids");

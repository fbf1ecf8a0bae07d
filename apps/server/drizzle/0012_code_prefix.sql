-- The text search finds a petition by the start of its tracking code (LIKE '7K3M-Q9%'). The default operator
-- class serves that only under the C collation, text_pattern_ops under any; it serves equality too (the portal's and
-- the ledger's look-ups, uniqueness), so the one unique index changes class instead of a second index beside it.
-- Drizzle runs the pending migrations in one transaction: no moment without the unique index.
DROP INDEX "petitions_tracking_code_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "petitions_tracking_code_idx" ON "petitions" USING btree ("tracking_code" text_pattern_ops);

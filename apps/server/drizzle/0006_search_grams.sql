-- The petition list's text search (title, content, respondent) served by an index: every two adjacent characters
-- of the text (no white space) in a GIN-indexed array, so a query of two or more characters is first narrowed to
-- the petitions holding all its bigrams, then checked with LIKE as before. Bigrams, not pg_trgm's trigrams: most
-- Chinese words are two characters long (工资, 恒远), which a trigram index cannot serve. Written by hand: drizzle's
-- schema does not declare the column, so its selects never carry the arrays.
CREATE OR REPLACE FUNCTION qiao_bigrams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}'::text[])
  FROM (SELECT substr(t, i, 2) AS g FROM generate_series(1, char_length(t) - 1) AS i) grams
  WHERE g !~ '\s'
$$;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "search_grams" text[] GENERATED ALWAYS AS (qiao_bigrams(coalesce("title", '') || ' ' || coalesce("content", '') || ' ' || coalesce("respondent_name", ''))) STORED;--> statement-breakpoint
CREATE INDEX "petitions_search_grams_idx" ON "petitions" USING gin ("search_grams");--> statement-breakpoint
-- The planner needs the new column's statistics to choose the index.
ANALYZE "petitions";

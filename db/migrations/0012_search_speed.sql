-- The embedded search engine at 100,000 placements (docs/decisions/0007-search-engine.md, "Embedded engine"). One index
-- table, so a word match is read once (filters, rank and distance come from the same row), and indexes that hand
-- PostgreSQL each tier's candidates in the order of the ranking rule, so a page reads about as many rows as it
-- shows. btree_gist (trusted since PostgreSQL 13, shipped with the embedded one) lets a GiST index start with
-- the occupation or the ISCO group.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
-- Not STRICT, so PostgreSQL inlines it into the query: least() is not strict, and a STRICT SQL function whose body
-- is not strict is called through the function executor, about five times slower. Its inputs are never null (NOT
-- NULL columns and checked numbers).
CREATE OR REPLACE FUNCTION haversine_km(lat1 double precision, lon1 double precision, lat2 double precision, lon2 double precision)
RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 2 * 6371 * asin(sqrt(least(1, power(sin(radians(lat2 - lat1) / 2), 2)
    + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2))))
$$;
--> statement-breakpoint
-- Filters as keys of the word index, so a word search with filters reads only placements that pass them: the grid
-- cells of the point (0.05° and 0.2°), every Dutch level rank a person may have for it (rank and above), every
-- whole number of hours a week 1–40 a person may want at most for it, its instruments. Keys select a superset
-- (cells cover more than a circle, hours are rounded up); the exact conditions are checked on the rows.
CREATE FUNCTION search_cell_keys(lat double precision, lon double precision) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT ARRAY['cell:' || (floor((lat + 90) / 0.05)::integer * 10000 + floor((lon + 180) / 0.05)::integer),
    'cell:' || (1000000000 + floor((lat + 90) / 0.2)::integer * 10000 + floor((lon + 180) / 0.2)::integer)]
$$;
--> statement-breakpoint
-- The cells that cover a circle's box (the same box as search/postgres/query.ts): fine cells up to 15 km, coarse beyond.
CREATE FUNCTION search_cell_keys_within(lat double precision, lon double precision, km double precision) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  WITH box AS (
    SELECT km / 111.19492664455873 + 0.001 AS dlat, CASE WHEN km <= 15 THEN 0.05 ELSE 0.2 END AS size,
      CASE WHEN km <= 15 THEN 0 ELSE 1000000000 END AS level
  ), bounds AS (
    SELECT size, level, lat - dlat AS south, lat + dlat AS north, dlat / greatest(0.01, cos(radians(least(89, abs(lat) + dlat)))) AS dlon FROM box
  )
  SELECT array_agg('cell:' || (level + i * 10000 + j))
  FROM bounds,
    generate_series(floor((south + 90) / size)::integer, floor((north + 90) / size)::integer) AS i,
    generate_series(floor((lon - dlon + 180) / size)::integer, floor((lon + dlon + 180) / size)::integer) AS j
$$;
--> statement-breakpoint
CREATE FUNCTION search_filter_keys(lat double precision, lon double precision, dutch_rank smallint, hours double precision, instruments text[])
RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT search_cell_keys(lat, lon)
    || ARRAY(SELECT 'dutch:' || r FROM generate_series(dutch_rank::integer, 5) AS r)
    || ARRAY(SELECT 'hours:' || h FROM generate_series(greatest(1, ceil(hours)::integer), 40) AS h)
    || ARRAY(SELECT 'instrument:' || i FROM unnest(instruments) AS i)
$$;
--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "words" tsvector;
--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "search_text" text;
--> statement-breakpoint
UPDATE "search_documents" d SET "words" = w."words", "search_text" = w."search_text" FROM "search_words" w WHERE w."placement_id" = d."placement_id";
--> statement-breakpoint
-- Written together with their words, so there are none; were there any, search:check lists them as missing.
DELETE FROM "search_documents" WHERE "words" IS NULL;
--> statement-breakpoint
ALTER TABLE "search_documents" ALTER COLUMN "words" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "search_documents" ALTER COLUMN "search_text" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "filter_keys" text[] GENERATED ALWAYS AS (search_filter_keys("lat", "lon", "dutch_rank", "hours_per_week", "instruments")) STORED NOT NULL;
--> statement-breakpoint
DROP TABLE "search_words";
--> statement-breakpoint
DROP INDEX "search_documents_occupation_idx";
--> statement-breakpoint
DROP INDEX "search_documents_isco_idx";
--> statement-breakpoint
DROP INDEX "search_documents_published_idx";
--> statement-breakpoint
DROP INDEX "search_documents_point_idx";
--> statement-breakpoint
-- Same occupation (tier 2), related occupations (tier 1) and their count: newest first, so a page stops reading
-- at its end, with the columns of the API's filters and of the distance, so PostgreSQL reads the index only
-- (index-only scans: the rows are wide with their words).
CREATE INDEX "search_documents_occupation_cover_idx" ON "search_documents" USING btree ("occupation_uri", "published_at" DESC NULLS LAST, "placement_id") INCLUDE ("isco_group", "lat", "lon", "dutch_rank", "hours_per_week", "instruments");
--> statement-breakpoint
CREATE INDEX "search_documents_isco_cover_idx" ON "search_documents" USING btree ("isco_group", "published_at" DESC NULLS LAST, "placement_id") INCLUDE ("occupation_uri", "lat", "lon", "dutch_rank", "hours_per_week", "instruments");
--> statement-breakpoint
-- The same nearest first (KNN on the earth point), cut off by the radius's box.
CREATE INDEX "search_documents_occupation_point_idx" ON "search_documents" USING gist ("occupation_uri", ll_to_earth("lat", "lon")) INCLUDE ("isco_group", "lat", "lon", "dutch_rank", "hours_per_week", "instruments", "published_at", "placement_id");
--> statement-breakpoint
CREATE INDEX "search_documents_isco_point_idx" ON "search_documents" USING gist ("isco_group", ll_to_earth("lat", "lon")) INCLUDE ("occupation_uri", "lat", "lon", "dutch_rank", "hours_per_week", "instruments", "published_at", "placement_id");
--> statement-breakpoint
-- Word matches and listings: newest first, and nearest first.
CREATE INDEX "search_documents_published_idx" ON "search_documents" USING btree ("published_at" DESC NULLS LAST, "placement_id");
--> statement-breakpoint
CREATE INDEX "search_documents_point_idx" ON "search_documents" USING gist (ll_to_earth("lat", "lon")) INCLUDE ("lat", "lon", "dutch_rank", "hours_per_week", "instruments", "published_at", "isco_group", "placement_id");
--> statement-breakpoint
-- fastupdate off: the index sync writes a few documents at a time, and a pending list would make every search scan it.
CREATE INDEX "search_documents_words_idx" ON "search_documents" USING gin ("words", "filter_keys") WITH (fastupdate = off);
--> statement-breakpoint
CREATE INDEX "search_documents_text_trgm_idx" ON "search_documents" USING gin ("search_text" gin_trgm_ops, "filter_keys") WITH (fastupdate = off);
--> statement-breakpoint
-- Index-only scans need the visibility map: vacuum after 2 % of the rows changed, not PostgreSQL's 20 %. No
-- parallel workers: a search reads a page's worth of rows, and with many searches at once their start-up only
-- takes cores from the others.
ALTER TABLE "search_documents" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.05, parallel_workers = 0);
--> statement-breakpoint
ANALYZE "search_documents";

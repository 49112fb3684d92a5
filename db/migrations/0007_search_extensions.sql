-- The embedded search engine (search/postgres, docs/decisions/0007-search-engine.md): extensions, text search
-- configurations and the indexes drizzle cannot express. All four extensions are trusted (PostgreSQL 13+), so a
-- database owner may create them; the embedded PostgreSQL ships them.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS cube;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS earthdistance;
--> statement-breakpoint
-- Dutch stemming after accent folding ("financiële" and "financiele" are one word), and the same without
-- stemming for prefixes (a stemmed prefix is not a prefix of the stemmed word).
CREATE TEXT SEARCH CONFIGURATION stapsteen_dutch (COPY = pg_catalog.dutch);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION stapsteen_dutch ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, dutch_stem;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION stapsteen_simple (COPY = pg_catalog.simple);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION stapsteen_simple ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;
--> statement-breakpoint
-- Great-circle distance on a sphere of 6371 km, as search/geo.ts (the match contract measures with it).
-- least(1, …) keeps rounding from pushing asin out of its domain for points on opposite sides of the earth.
CREATE FUNCTION haversine_km(lat1 double precision, lon1 double precision, lat2 double precision, lon2 double precision)
RETURNS double precision LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT 2 * 6371 * asin(sqrt(least(1, power(sin(radians(lat2 - lat1) / 2), 2)
    + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2))))
$$;
--> statement-breakpoint
-- fastupdate off: the index sync writes a few documents at a time, and a pending list would make every search
-- scan it (9 ms instead of 1 at 100,000 placements) until the next vacuum.
CREATE INDEX search_words_words_idx ON search_words USING gin (words) WITH (fastupdate = off);
--> statement-breakpoint
CREATE INDEX search_words_text_trgm_idx ON search_words USING gin (search_text gin_trgm_ops) WITH (fastupdate = off);
--> statement-breakpoint
-- For distance-only listings (no text, no occupation); search/postgres/query.ts says why only those.
CREATE INDEX search_documents_point_idx ON search_documents USING gist (ll_to_earth(lat, lon));

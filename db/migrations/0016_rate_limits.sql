-- Issue 11 (hardening). The intake form's rate limit becomes the one table of every public form's limits
-- (app/utils/rate-limit.server.ts); each row carries the end of its own window, as limits differ in length.
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"window_ends_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
-- The intake counts are copied, not dropped, so an address over its limit stays over it across the upgrade: the
-- old key is the keyed hash of the address under intake_rate_limit_key, which becomes the key of every limit
-- (rate_limit_key), and the new key names its limit (intake-client, a 10-minute window as before).
INSERT INTO "rate_limits" ("key", "count", "window_ends_at")
  SELECT 'intake-client:' || "key", "count", "window_start" + interval '10 minutes' FROM "intake_rate_limits"
  WHERE "window_start" + interval '10 minutes' > now();--> statement-breakpoint
UPDATE "app_settings" SET "key" = 'rate_limit_key' WHERE "key" = 'intake_rate_limit_key'
  AND NOT EXISTS (SELECT 1 FROM "app_settings" WHERE "key" = 'rate_limit_key');--> statement-breakpoint
DROP TABLE "intake_rate_limits" CASCADE;--> statement-breakpoint
-- remix-utils' honeypot seed: no code reads it any more (the honeypot's key is honeypot_key, made on first use).
DELETE FROM "app_settings" WHERE "key" = 'honeypot_seed';

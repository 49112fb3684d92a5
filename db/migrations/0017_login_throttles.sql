-- Issue 11, finding 7: one row per account and per client address replaces the log of every attempt, so the
-- check and the count are one upsert (parallel guesses used to slip through between a count and an insert).
CREATE TABLE "login_throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"blocked_until" timestamp with time zone NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
-- The attempts held addresses and e-mail addresses in clear and serve nothing now: counts start afresh.
DROP TABLE "login_attempts" CASCADE;

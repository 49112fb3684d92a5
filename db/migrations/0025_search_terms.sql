CREATE TYPE "public"."search_term_kind" AS ENUM('colloquial', 'gendered', 'sector', 'abbreviation', 'english', 'french');--> statement-breakpoint
CREATE TYPE "public"."search_term_mapping_status" AS ENUM('proposed', 'accepted', 'rejected');--> statement-breakpoint
CREATE TABLE "search_term_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"term" text NOT NULL,
	"kind" "search_term_kind" NOT NULL,
	"occupation_uri" text NOT NULL,
	"note" text NOT NULL,
	"status" "search_term_mapping_status" DEFAULT 'proposed' NOT NULL,
	"proposed_by_user_id" uuid,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text
);
--> statement-breakpoint
CREATE TABLE "search_term_misses" (
	"day" date NOT NULL,
	"term" text NOT NULL,
	"no_results" integer DEFAULT 0 NOT NULL,
	"refined" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "search_term_misses_day_term_pk" PRIMARY KEY("day","term")
);
--> statement-breakpoint
ALTER TABLE "search_term_mappings" ADD CONSTRAINT "search_term_mappings_proposed_by_user_id_users_id_fk" FOREIGN KEY ("proposed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_term_mappings" ADD CONSTRAINT "search_term_mappings_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_term_mappings_status_idx" ON "search_term_mappings" USING btree ("status","decided_at");
CREATE TABLE "search_documents" (
	"placement_id" uuid PRIMARY KEY NOT NULL,
	"external_id" text,
	"title" text NOT NULL,
	"occupation_uri" text NOT NULL,
	"isco_group" text NOT NULL,
	"municipality_nis" text NOT NULL,
	"region_code" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"hours_per_week" double precision NOT NULL,
	"dutch_level" text NOT NULL,
	"dutch_rank" smallint NOT NULL,
	"instruments" text[] NOT NULL,
	"employer_type" text,
	"schedules" text[] NOT NULL,
	"supports" text[] NOT NULL,
	"published_at" timestamp with time zone,
	"hash" text NOT NULL,
	"indexed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_words" (
	"placement_id" uuid PRIMARY KEY NOT NULL,
	"words" "tsvector" NOT NULL,
	"search_text" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_words" ADD CONSTRAINT "search_words_placement_id_search_documents_placement_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."search_documents"("placement_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_documents_occupation_idx" ON "search_documents" USING btree ("occupation_uri");--> statement-breakpoint
CREATE INDEX "search_documents_isco_idx" ON "search_documents" USING btree ("isco_group");--> statement-breakpoint
CREATE INDEX "search_documents_region_idx" ON "search_documents" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "search_documents_published_idx" ON "search_documents" USING btree ("published_at");
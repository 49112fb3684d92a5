CREATE TYPE "public"."decline_reason" AS ENUM('no_capacity', 'profile_mismatch', 'dutch_level', 'availability', 'distance', 'other');--> statement-breakpoint
CREATE TYPE "public"."proposal_status" AS ENUM('open', 'accepted', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TABLE "clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"caseworker_user_id" uuid,
	"display_name" text NOT NULL,
	"first_name" text,
	"home_municipality_nis" text NOT NULL,
	"postcode" text,
	"contact" text,
	"job_targets" text[] NOT NULL,
	"competences" text[] DEFAULT '{}' NOT NULL,
	"dutch_level" "dutch_level" NOT NULL,
	"max_distance_km" integer NOT NULL,
	"hours_available" double precision NOT NULL,
	"instruments" "instrument"[] DEFAULT '{}' NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clients_job_targets_count" CHECK (cardinality("clients"."job_targets") between 1 and 5),
	CONSTRAINT "clients_max_distance" CHECK ("clients"."max_distance_km" between 0 and 300),
	CONSTRAINT "clients_hours" CHECK ("clients"."hours_available" > 0 and "clients"."hours_available" <= 60)
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"placement_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"proposed_by_user_id" uuid,
	"status" "proposal_status" DEFAULT 'open' NOT NULL,
	"client_consented" boolean NOT NULL,
	"shared_first_name" text,
	"shared_competences" text[] DEFAULT '{}' NOT NULL,
	"shared_dutch_level" "dutch_level",
	"shared_availability" text,
	"message" text,
	"decline_reason" "decline_reason",
	"decline_note" text,
	"decided_at" timestamp with time zone,
	"decided_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_search_seen" (
	"saved_search_id" uuid NOT NULL,
	"placement_id" uuid NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_search_seen_saved_search_id_placement_id_pk" PRIMARY KEY("saved_search_id","placement_id")
);
--> statement-breakpoint
CREATE TABLE "saved_searches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" text NOT NULL,
	"alert" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_caseworker_user_id_users_id_fk" FOREIGN KEY ("caseworker_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_home_municipality_nis_municipalities_nis_fk" FOREIGN KEY ("home_municipality_nis") REFERENCES "public"."municipalities"("nis") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_proposed_by_user_id_users_id_fk" FOREIGN KEY ("proposed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_search_seen" ADD CONSTRAINT "saved_search_seen_saved_search_id_saved_searches_id_fk" FOREIGN KEY ("saved_search_id") REFERENCES "public"."saved_searches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_search_seen" ADD CONSTRAINT "saved_search_seen_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clients_organisation_idx" ON "clients" USING btree ("organisation_id","updated_at");--> statement-breakpoint
CREATE INDEX "proposals_client_idx" ON "proposals" USING btree ("client_id","status");--> statement-breakpoint
CREATE INDEX "proposals_placement_idx" ON "proposals" USING btree ("placement_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_open_once_idx" ON "proposals" USING btree ("client_id","placement_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "saved_searches_user_idx" ON "saved_searches" USING btree ("user_id");
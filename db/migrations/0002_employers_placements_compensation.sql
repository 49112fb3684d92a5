CREATE TYPE "public"."employer_verification_status" AS ENUM('pending', 'verified', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."dutch_level" AS ENUM('none', 'A1', 'A2', 'B1', 'B2', 'C1');--> statement-breakpoint
CREATE TYPE "public"."instrument" AS ENUM('TWE_ART60', 'IBO', 'BVS', 'WES', 'BIS', 'OS', 'WIJK_WERKEN');--> statement-breakpoint
CREATE TYPE "public"."placement_status" AS ENUM('draft', 'submitted', 'published', 'paused', 'filled', 'closed');--> statement-breakpoint
CREATE TYPE "public"."pay_unit" AS ENUM('per_hour', 'per_month', 'one_off', 'none');--> statement-breakpoint
CREATE TYPE "public"."wage_policy" AS ENUM('gross_hourly', 'reference_scale');--> statement-breakpoint
CREATE TABLE "employer_profiles" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"sector" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text,
	"verification_status" "employer_verification_status" DEFAULT 'pending' NOT NULL,
	"verification_reason" text,
	"verified_at" timestamp with time zone,
	"verified_by" uuid
);
--> statement-breakpoint
CREATE TABLE "employer_sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"street" text,
	"postcode" text NOT NULL,
	"municipality_nis" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placement_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"from_status" "placement_status",
	"to_status" "placement_status" NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"external_id" text,
	"site_id" uuid,
	"title" text NOT NULL,
	"occupation_uri" text NOT NULL,
	"description" text NOT NULL,
	"tasks" text[] DEFAULT '{}' NOT NULL,
	"competences" text[] DEFAULT '{}' NOT NULL,
	"municipality_nis" text NOT NULL,
	"postcode" text,
	"street" text,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"hours_per_week" double precision NOT NULL,
	"schedule" text[] DEFAULT '{}' NOT NULL,
	"start_date" date,
	"places" integer NOT NULL,
	"full_until" date,
	"dutch_level" "dutch_level" NOT NULL,
	"support" text[] DEFAULT '{}' NOT NULL,
	"instruments" "instrument"[] NOT NULL,
	"status" "placement_status" DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compensation_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"instrument" "instrument" NOT NULL,
	"employer_type" "employer_type" NOT NULL,
	"employer_pays_cents" integer NOT NULL,
	"employer_pays_unit" "pay_unit" NOT NULL,
	"wage_policy" "wage_policy" NOT NULL,
	"gross_hourly_wage_cents" integer,
	"reference_scale" text,
	"covers" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compensation_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"ocmw_organisation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compensation_schedules_scope_key" UNIQUE NULLS NOT DISTINCT("region_code","ocmw_organisation_id")
);
--> statement-breakpoint
CREATE TABLE "compensation_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"schedule_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"note" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_verified_at" timestamp with time zone DEFAULT now();--> statement-breakpoint
ALTER TABLE "employer_profiles" ADD CONSTRAINT "employer_profiles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_sites" ADD CONSTRAINT "employer_sites_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_sites" ADD CONSTRAINT "employer_sites_municipality_nis_municipalities_nis_fk" FOREIGN KEY ("municipality_nis") REFERENCES "public"."municipalities"("nis") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_events" ADD CONSTRAINT "placement_events_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_site_id_employer_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."employer_sites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_occupation_uri_occupations_uri_fk" FOREIGN KEY ("occupation_uri") REFERENCES "public"."occupations"("uri") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_municipality_nis_municipalities_nis_fk" FOREIGN KEY ("municipality_nis") REFERENCES "public"."municipalities"("nis") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_rules" ADD CONSTRAINT "compensation_rules_version_id_compensation_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."compensation_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_schedules" ADD CONSTRAINT "compensation_schedules_region_code_reference_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."reference_regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_schedules" ADD CONSTRAINT "compensation_schedules_ocmw_organisation_id_organisations_id_fk" FOREIGN KEY ("ocmw_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_versions" ADD CONSTRAINT "compensation_versions_schedule_id_compensation_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."compensation_schedules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employer_sites_org_idx" ON "employer_sites" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "placement_events_placement_idx" ON "placement_events" USING btree ("placement_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "placements_org_external_idx" ON "placements" USING btree ("organisation_id","external_id");--> statement-breakpoint
CREATE INDEX "placements_status_idx" ON "placements" USING btree ("status");--> statement-breakpoint
CREATE INDEX "placements_occupation_idx" ON "placements" USING btree ("occupation_uri");--> statement-breakpoint
CREATE INDEX "placements_municipality_idx" ON "placements" USING btree ("municipality_nis");--> statement-breakpoint
CREATE UNIQUE INDEX "compensation_rules_key_idx" ON "compensation_rules" USING btree ("version_id","instrument","employer_type");--> statement-breakpoint
CREATE INDEX "compensation_rules_version_idx" ON "compensation_rules" USING btree ("version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "compensation_versions_from_idx" ON "compensation_versions" USING btree ("schedule_id","valid_from");
CREATE TYPE "public"."contact_method" AS ENUM('phone', 'email', 'organisation');--> statement-breakpoint
CREATE TYPE "public"."dutch_self_assessment" AS ENUM('none', 'a_little', 'everyday', 'good', 'fluent');--> statement-breakpoint
CREATE TYPE "public"."intake_close_reason" AS ENUM('trajectory_started', 'not_reachable', 'no_longer_interested', 'duplicate', 'moved_away');--> statement-breakpoint
CREATE TYPE "public"."intake_language" AS ENUM('nl', 'en', 'fr', 'ar', 'tr', 'uk');--> statement-breakpoint
CREATE TYPE "public"."intake_situation" AS ENUM('no_income', 'leefloon', 'unemployment_benefit', 'sickness_benefit', 'other', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."intake_status" AS ENUM('new', 'in_contact', 'referred', 'accepted', 'closed');--> statement-breakpoint
CREATE TYPE "public"."referral_status" AS ENUM('pending', 'accepted', 'declined');--> statement-breakpoint
CREATE TYPE "public"."triage_destination" AS ENUM('ocmw', 'vdab', 'joint');--> statement-breakpoint
CREATE TYPE "public"."work_wish" AS ENUM('yes', 'maybe', 'not_now');--> statement-breakpoint
CREATE TABLE "erasure_proofs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intake_reference" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"erased_at" timestamp with time zone DEFAULT now() NOT NULL,
	"via" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intake_channels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"language" "intake_language" DEFAULT 'nl' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intake_channels_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "intake_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intake_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"organisation_id" uuid,
	"from_status" "intake_status",
	"to_status" "intake_status" NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "intake_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intake_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"author_user_id" uuid,
	"body" text NOT NULL,
	"confidential" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intake_rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intake_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intake_id" uuid NOT NULL,
	"from_organisation_id" uuid NOT NULL,
	"to_organisation_id" uuid NOT NULL,
	"referred_by_user_id" uuid,
	"status" "referral_status" DEFAULT 'pending' NOT NULL,
	"message" text,
	"decline_reason" text,
	"decided_at" timestamp with time zone,
	"decided_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intakes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"status_token_hash" text NOT NULL,
	"submission_key" text NOT NULL,
	"channel_id" uuid,
	"assisted_by_user_id" uuid,
	"language" "intake_language" NOT NULL,
	"first_name" text,
	"last_name" text,
	"contact_method" "contact_method" NOT NULL,
	"phone" text,
	"email" text,
	"postcode" text,
	"municipality_nis" text NOT NULL,
	"birth_year" integer,
	"situation" "intake_situation" NOT NULL,
	"wants_work" "work_wish" NOT NULL,
	"wants_training" boolean,
	"barriers" text[] DEFAULT '{}' NOT NULL,
	"barrier_other" text,
	"dutch_self_assessment" "dutch_self_assessment" NOT NULL,
	"contact_language" text,
	"contact_moments" text[] DEFAULT '{}' NOT NULL,
	"consent_processing" boolean NOT NULL,
	"consent_sharing" boolean NOT NULL,
	"consent_withdrawn_at" timestamp with time zone,
	"status" "intake_status" DEFAULT 'new' NOT NULL,
	"close_reason" "intake_close_reason",
	"suggested_destination" "triage_destination" NOT NULL,
	"suggestion_reasons" jsonb NOT NULL,
	"ocmw_organisation_id" uuid,
	"vdab_organisation_id" uuid,
	"handling_organisation_id" uuid,
	"claimed_by_user_id" uuid,
	"first_contact_due_on" date NOT NULL,
	"first_contact_at" timestamp with time zone,
	"duplicate_of_id" uuid,
	"anonymised_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intakes_reference_unique" UNIQUE("reference"),
	CONSTRAINT "intakes_status_token_hash_unique" UNIQUE("status_token_hash"),
	CONSTRAINT "intakes_submission_key_unique" UNIQUE("submission_key"),
	CONSTRAINT "intakes_consent" CHECK ("intakes"."consent_processing"),
	CONSTRAINT "intakes_birth_year" CHECK ("intakes"."birth_year" is null or "intakes"."birth_year" between 1900 and 2100)
);
--> statement-breakpoint
CREATE TABLE "triage_settings" (
	"region_code" text PRIMARY KEY NOT NULL,
	"first_contact_working_days" integer DEFAULT 5 NOT NULL,
	"youth_age_limit" integer DEFAULT 25 NOT NULL,
	"welfare_barriers" text[] DEFAULT '{debts,housing,health}' NOT NULL,
	"joint_domain_threshold" integer DEFAULT 3 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_user_id" uuid
);
--> statement-breakpoint
ALTER TABLE "intake_channels" ADD CONSTRAINT "intake_channels_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_events" ADD CONSTRAINT "intake_events_intake_id_intakes_id_fk" FOREIGN KEY ("intake_id") REFERENCES "public"."intakes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_notes" ADD CONSTRAINT "intake_notes_intake_id_intakes_id_fk" FOREIGN KEY ("intake_id") REFERENCES "public"."intakes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_notes" ADD CONSTRAINT "intake_notes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_notes" ADD CONSTRAINT "intake_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_referrals" ADD CONSTRAINT "intake_referrals_intake_id_intakes_id_fk" FOREIGN KEY ("intake_id") REFERENCES "public"."intakes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_referrals" ADD CONSTRAINT "intake_referrals_from_organisation_id_organisations_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_referrals" ADD CONSTRAINT "intake_referrals_to_organisation_id_organisations_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_referrals" ADD CONSTRAINT "intake_referrals_referred_by_user_id_users_id_fk" FOREIGN KEY ("referred_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_referrals" ADD CONSTRAINT "intake_referrals_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intakes" ADD CONSTRAINT "intakes_channel_id_intake_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."intake_channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intakes" ADD CONSTRAINT "intakes_assisted_by_user_id_users_id_fk" FOREIGN KEY ("assisted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intakes" ADD CONSTRAINT "intakes_municipality_nis_municipalities_nis_fk" FOREIGN KEY ("municipality_nis") REFERENCES "public"."municipalities"("nis") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intakes" ADD CONSTRAINT "intakes_ocmw_organisation_id_organisations_id_fk" FOREIGN KEY ("ocmw_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intakes" ADD CONSTRAINT "intakes_vdab_organisation_id_organisations_id_fk" FOREIGN KEY ("vdab_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intakes" ADD CONSTRAINT "intakes_handling_organisation_id_organisations_id_fk" FOREIGN KEY ("handling_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intakes" ADD CONSTRAINT "intakes_claimed_by_user_id_users_id_fk" FOREIGN KEY ("claimed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triage_settings" ADD CONSTRAINT "triage_settings_region_code_reference_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."reference_regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triage_settings" ADD CONSTRAINT "triage_settings_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intake_events_intake_idx" ON "intake_events" USING btree ("intake_id","at");--> statement-breakpoint
CREATE INDEX "intake_notes_intake_idx" ON "intake_notes" USING btree ("intake_id","created_at");--> statement-breakpoint
CREATE INDEX "intake_referrals_to_idx" ON "intake_referrals" USING btree ("to_organisation_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "intake_referrals_pending_once_idx" ON "intake_referrals" USING btree ("intake_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "intakes_ocmw_idx" ON "intakes" USING btree ("ocmw_organisation_id","status");--> statement-breakpoint
CREATE INDEX "intakes_vdab_idx" ON "intakes" USING btree ("vdab_organisation_id","status");--> statement-breakpoint
CREATE INDEX "intakes_phone_idx" ON "intakes" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "intakes_email_idx" ON "intakes" USING btree ("email");--> statement-breakpoint
CREATE INDEX "intakes_created_idx" ON "intakes" USING btree ("created_at");
CREATE TYPE "public"."trajectory_kind" AS ENUM('twe_art60', 'twe_wz');--> statement-breakpoint
CREATE TYPE "public"."trajectory_status" AS ENUM('active', 'suspended', 'stopped', 'ended');--> statement-breakpoint
CREATE TABLE "pop_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"job_targets" text[] NOT NULL,
	"competences" text[] NOT NULL,
	"actions" text NOT NULL,
	"agreements" text NOT NULL,
	"change_note" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pop_versions_competences" CHECK (cardinality("pop_versions"."competences") <= 20)
);
--> statement-breakpoint
CREATE TABLE "trajectories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" "trajectory_kind" NOT NULL,
	"status" "trajectory_status" DEFAULT 'active' NOT NULL,
	"entry_reason" text NOT NULL,
	"begeleider_user_id" uuid,
	"criteria_assessed_on" date,
	"referral_on" date,
	"start_on" date NOT NULL,
	"contract_start_on" date,
	"ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trajectories_art60_dates" CHECK ("trajectories"."kind" <> 'twe_art60' or ("trajectories"."criteria_assessed_on" is not null and "trajectories"."start_on" >= "trajectories"."criteria_assessed_on")),
	CONSTRAINT "trajectories_wz_dates" CHECK ("trajectories"."kind" <> 'twe_wz' or ("trajectories"."referral_on" is not null and "trajectories"."start_on" = "trajectories"."referral_on")),
	CONSTRAINT "trajectories_entry_reason" CHECK (length("trajectories"."entry_reason") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "trajectory_phases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"placement_id" uuid,
	"proposal_id" uuid,
	"external_workplace" text,
	"start_on" date NOT NULL,
	"planned_end_on" date,
	"ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trajectory_phases_workplace" CHECK ("trajectory_phases"."placement_id" is not null or "trajectory_phases"."external_workplace" is not null),
	CONSTRAINT "trajectory_phases_dates" CHECK ("trajectory_phases"."planned_end_on" is null or "trajectory_phases"."planned_end_on" >= "trajectory_phases"."start_on")
);
--> statement-breakpoint
CREATE TABLE "trajectory_suspensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trajectory_suspensions_dates" CHECK ("trajectory_suspensions"."to_on" is null or "trajectory_suspensions"."to_on" >= "trajectory_suspensions"."from_on")
);
--> statement-breakpoint
ALTER TABLE "pop_versions" ADD CONSTRAINT "pop_versions_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pop_versions" ADD CONSTRAINT "pop_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectories" ADD CONSTRAINT "trajectories_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectories" ADD CONSTRAINT "trajectories_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectories" ADD CONSTRAINT "trajectories_begeleider_user_id_users_id_fk" FOREIGN KEY ("begeleider_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_phases" ADD CONSTRAINT "trajectory_phases_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_phases" ADD CONSTRAINT "trajectory_phases_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_phases" ADD CONSTRAINT "trajectory_phases_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_suspensions" ADD CONSTRAINT "trajectory_suspensions_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pop_versions_version_idx" ON "pop_versions" USING btree ("trajectory_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "trajectories_one_open_idx" ON "trajectories" USING btree ("client_id") WHERE "trajectories"."status" in ('active', 'suspended');--> statement-breakpoint
CREATE INDEX "trajectories_organisation_idx" ON "trajectories" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "trajectory_phases_position_idx" ON "trajectory_phases" USING btree ("trajectory_id","position");
CREATE TYPE "public"."trajectory_evaluation_kind" AS ENUM('phase_end', 'periodic', 'work_floor');--> statement-breakpoint
CREATE TYPE "public"."trajectory_share_basis" AS ENUM('consent', 'hand_over');--> statement-breakpoint
CREATE TYPE "public"."trajectory_training_outcome" AS ENUM('requested', 'approved', 'refused', 'completed', 'dropped_out');--> statement-breakpoint
CREATE TYPE "public"."trajectory_training_refusal_reason" AS ENUM('motivation', 'financing_unclear', 'technical_or_registration', 'dutch_level_too_low', 'dutch_level_too_high', 'admission_requirements', 'other');--> statement-breakpoint
CREATE TABLE "trajectory_begeleider_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"from_user_id" uuid,
	"to_user_id" uuid,
	"note" text NOT NULL,
	"changed_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "function_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"occupation_uri" text NOT NULL,
	"title" text NOT NULL,
	"phases" jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trajectory_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"phase_id" uuid,
	"kind" "trajectory_evaluation_kind" NOT NULL,
	"held_on" date NOT NULL,
	"goals" jsonb NOT NULL,
	"summary" text NOT NULL,
	"pop_version" integer,
	"recorded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trajectory_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"body" text NOT NULL,
	"confidential" boolean NOT NULL,
	"author_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trajectory_reminders" (
	"trajectory_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trajectory_reminders_trajectory_id_due_on_kind_pk" PRIMARY KEY("trajectory_id","due_on","kind")
);
--> statement-breakpoint
CREATE TABLE "trajectory_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"basis" "trajectory_share_basis" NOT NULL,
	"consent_on" date,
	"recorded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "trajectory_shares_consent" CHECK ("trajectory_shares"."basis" <> 'consent' or "trajectory_shares"."consent_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "trajectory_trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"course" text NOT NULL,
	"requested_on" date NOT NULL,
	"start_on" date,
	"end_on" date,
	"outcome" "trajectory_training_outcome" DEFAULT 'requested' NOT NULL,
	"refusal_reason" "trajectory_training_refusal_reason",
	"note" text,
	"recorded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trajectory_trainings_refusal" CHECK (("trajectory_trainings"."outcome" = 'refused') = ("trajectory_trainings"."refusal_reason" is not null)),
	CONSTRAINT "trajectory_trainings_dates" CHECK ("trajectory_trainings"."end_on" is null or "trajectory_trainings"."start_on" is null or "trajectory_trainings"."end_on" >= "trajectory_trainings"."start_on")
);
--> statement-breakpoint
CREATE TABLE "trajectory_work_floor_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"phase_id" uuid NOT NULL,
	"employer_organisation_id" uuid NOT NULL,
	"goals" text[] NOT NULL,
	"due_on" date NOT NULL,
	"requested_by_user_id" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answers" jsonb,
	"comment" text,
	"answered_by_user_id" uuid,
	"answered_at" timestamp with time zone,
	CONSTRAINT "trajectory_work_floor_answered" CHECK (("trajectory_work_floor_evaluations"."answers" is null) = ("trajectory_work_floor_evaluations"."answered_at" is null))
);
--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "outflow_status" "trajectory_outcome";--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "outflow_recorded_on" date;--> statement-breakpoint
ALTER TABLE "trajectory_phases" ADD COLUMN "goals" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "trajectory_begeleider_changes" ADD CONSTRAINT "trajectory_begeleider_changes_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_begeleider_changes" ADD CONSTRAINT "trajectory_begeleider_changes_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_begeleider_changes" ADD CONSTRAINT "trajectory_begeleider_changes_to_user_id_users_id_fk" FOREIGN KEY ("to_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_begeleider_changes" ADD CONSTRAINT "trajectory_begeleider_changes_changed_by_user_id_users_id_fk" FOREIGN KEY ("changed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "function_profiles" ADD CONSTRAINT "function_profiles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "function_profiles" ADD CONSTRAINT "function_profiles_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_evaluations" ADD CONSTRAINT "trajectory_evaluations_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_evaluations" ADD CONSTRAINT "trajectory_evaluations_phase_id_trajectory_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."trajectory_phases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_evaluations" ADD CONSTRAINT "trajectory_evaluations_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_notes" ADD CONSTRAINT "trajectory_notes_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_notes" ADD CONSTRAINT "trajectory_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_reminders" ADD CONSTRAINT "trajectory_reminders_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_shares" ADD CONSTRAINT "trajectory_shares_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_shares" ADD CONSTRAINT "trajectory_shares_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_shares" ADD CONSTRAINT "trajectory_shares_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_trainings" ADD CONSTRAINT "trajectory_trainings_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_trainings" ADD CONSTRAINT "trajectory_trainings_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_work_floor_evaluations" ADD CONSTRAINT "trajectory_work_floor_evaluations_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_work_floor_evaluations" ADD CONSTRAINT "trajectory_work_floor_evaluations_phase_id_trajectory_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."trajectory_phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_work_floor_evaluations" ADD CONSTRAINT "trajectory_work_floor_evaluations_employer_organisation_id_organisations_id_fk" FOREIGN KEY ("employer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_work_floor_evaluations" ADD CONSTRAINT "trajectory_work_floor_evaluations_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_work_floor_evaluations" ADD CONSTRAINT "trajectory_work_floor_evaluations_answered_by_user_id_users_id_fk" FOREIGN KEY ("answered_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "function_profiles_occupation_idx" ON "function_profiles" USING btree ("occupation_uri");--> statement-breakpoint
CREATE INDEX "trajectory_evaluations_trajectory_idx" ON "trajectory_evaluations" USING btree ("trajectory_id","held_on");--> statement-breakpoint
CREATE INDEX "trajectory_notes_trajectory_idx" ON "trajectory_notes" USING btree ("trajectory_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "trajectory_shares_active_idx" ON "trajectory_shares" USING btree ("trajectory_id","organisation_id") WHERE "trajectory_shares"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "trajectory_shares_organisation_idx" ON "trajectory_shares" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "trajectory_trainings_trajectory_idx" ON "trajectory_trainings" USING btree ("trajectory_id");--> statement-breakpoint
CREATE INDEX "trajectory_work_floor_employer_idx" ON "trajectory_work_floor_evaluations" USING btree ("employer_organisation_id","answered_at");
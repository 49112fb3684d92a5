CREATE TYPE "public"."trajectory_outcome" AS ENUM('regular_job', 'training', 'other_measure', 'none');--> statement-breakpoint
CREATE TYPE "public"."trajectory_stop_reason" AS ENUM('job_found', 'training', 'other_measure', 'illness', 'moved', 'no_cooperation', 'no_longer_entitled', 'personal_reasons', 'other');--> statement-breakpoint
CREATE TABLE "trajectory_final_reports" (
	"trajectory_id" uuid PRIMARY KEY NOT NULL,
	"goals" jsonb NOT NULL,
	"icf" jsonb NOT NULL,
	"outcome" "trajectory_outcome" NOT NULL,
	"recommendation" text NOT NULL,
	"written_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "stop_reason" "trajectory_stop_reason";--> statement-breakpoint
ALTER TABLE "trajectory_final_reports" ADD CONSTRAINT "trajectory_final_reports_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_final_reports" ADD CONSTRAINT "trajectory_final_reports_written_by_user_id_users_id_fk" FOREIGN KEY ("written_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectories" ADD CONSTRAINT "trajectories_closed" CHECK (("trajectories"."status" in ('stopped', 'ended')) = ("trajectories"."ended_on" is not null) and ("trajectories"."stop_reason" is null or "trajectories"."status" = 'stopped'));
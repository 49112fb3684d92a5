CREATE TYPE "public"."trajectory_transfer_status" AS ENUM('pending', 'accepted', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TABLE "trajectory_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"from_organisation_id" uuid NOT NULL,
	"to_organisation_id" uuid NOT NULL,
	"new_municipality_nis" text NOT NULL,
	"note" text NOT NULL,
	"status" "trajectory_transfer_status" DEFAULT 'pending' NOT NULL,
	"decline_reason" text,
	"requested_by_user_id" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"new_trajectory_id" uuid,
	CONSTRAINT "trajectory_transfers_other_org" CHECK ("trajectory_transfers"."from_organisation_id" <> "trajectory_transfers"."to_organisation_id"),
	CONSTRAINT "trajectory_transfers_decided" CHECK (("trajectory_transfers"."status" = 'pending') = ("trajectory_transfers"."decided_at" is null)),
	CONSTRAINT "trajectory_transfers_texts" CHECK (length("trajectory_transfers"."note") <= 2000 and length(coalesce("trajectory_transfers"."decline_reason", '')) <= 1000)
);
--> statement-breakpoint
ALTER TABLE "trajectory_transfers" ADD CONSTRAINT "trajectory_transfers_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_transfers" ADD CONSTRAINT "trajectory_transfers_from_organisation_id_organisations_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_transfers" ADD CONSTRAINT "trajectory_transfers_to_organisation_id_organisations_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_transfers" ADD CONSTRAINT "trajectory_transfers_new_municipality_nis_municipalities_nis_fk" FOREIGN KEY ("new_municipality_nis") REFERENCES "public"."municipalities"("nis") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_transfers" ADD CONSTRAINT "trajectory_transfers_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_transfers" ADD CONSTRAINT "trajectory_transfers_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_transfers" ADD CONSTRAINT "trajectory_transfers_new_trajectory_id_trajectories_id_fk" FOREIGN KEY ("new_trajectory_id") REFERENCES "public"."trajectories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "trajectory_transfers_pending_idx" ON "trajectory_transfers" USING btree ("trajectory_id") WHERE "trajectory_transfers"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "trajectory_transfers_to_idx" ON "trajectory_transfers" USING btree ("to_organisation_id","status");
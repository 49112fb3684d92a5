DROP INDEX "intakes_created_idx";--> statement-breakpoint
DROP INDEX "intakes_dashboard_idx";--> statement-breakpoint
ALTER TABLE "intakes" ADD COLUMN "created_on" date GENERATED ALWAYS AS ((created_at at time zone 'Europe/Brussels')::date) STORED;--> statement-breakpoint
ALTER TABLE "intakes" ADD COLUMN "first_contact_on" date GENERATED ALWAYS AS ((first_contact_at at time zone 'Europe/Brussels')::date) STORED;--> statement-breakpoint
CREATE INDEX "clients_municipality_idx" ON "clients" USING btree ("home_municipality_nis","id");--> statement-breakpoint
CREATE INDEX "intakes_municipality_idx" ON "intakes" USING btree ("municipality_nis","id");--> statement-breakpoint
CREATE INDEX "intakes_open_idx" ON "intakes" USING btree ("created_at","municipality_nis","status","consent_sharing","consent_withdrawn_at","anonymised_at","first_contact_at","first_contact_due_on","ocmw_organisation_id","vdab_organisation_id","handling_organisation_id","id") WHERE anonymised_at is null and status <> 'closed';--> statement-breakpoint
CREATE INDEX "intakes_dashboard_idx" ON "intakes" USING btree ("created_at","municipality_nis","status","close_reason","consent_withdrawn_at","first_contact_at","first_contact_due_on","created_on","first_contact_on","channel_id","assisted_by_user_id","suggested_destination","handling_organisation_id");
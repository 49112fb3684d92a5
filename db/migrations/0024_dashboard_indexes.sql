DROP INDEX "placements_municipality_idx";--> statement-breakpoint
CREATE INDEX "placement_events_ended_idx" ON "placement_events" USING btree ("at","placement_id") WHERE to_status in ('filled', 'closed');--> statement-breakpoint
CREATE INDEX "placements_municipality_published_idx" ON "placements" USING btree ("municipality_nis","published_at","id");--> statement-breakpoint
CREATE INDEX "placements_published_idx" ON "placements" USING btree ("published_at","municipality_nis","organisation_id","occupation_uri");--> statement-breakpoint
CREATE INDEX "proposals_created_idx" ON "proposals" USING btree ("created_at","placement_id");--> statement-breakpoint
CREATE INDEX "proposals_decided_idx" ON "proposals" USING btree ("decided_at","status","decline_reason","placement_id");--> statement-breakpoint
CREATE INDEX "proposals_first_acceptance_idx" ON "proposals" USING btree ("placement_id","decided_at","id") WHERE status = 'accepted';--> statement-breakpoint
CREATE INDEX "intakes_dashboard_idx" ON "intakes" USING btree ("created_at","municipality_nis","status","close_reason","consent_withdrawn_at","first_contact_at","first_contact_due_on","channel_id","assisted_by_user_id","suggested_destination","handling_organisation_id");
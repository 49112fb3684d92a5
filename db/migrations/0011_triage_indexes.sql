CREATE INDEX "intake_referrals_intake_idx" ON "intake_referrals" USING btree ("intake_id","status");--> statement-breakpoint
CREATE INDEX "intake_referrals_from_idx" ON "intake_referrals" USING btree ("from_organisation_id");--> statement-breakpoint
CREATE INDEX "intakes_handling_idx" ON "intakes" USING btree ("handling_organisation_id","status");
ALTER TABLE "email_messages" ALTER COLUMN "html" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "email_messages" ALTER COLUMN "text" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "sealed_secret" text;--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "intake_id" uuid;--> statement-breakpoint
ALTER TABLE "email_messages" ADD CONSTRAINT "email_messages_intake_id_intakes_id_fk" FOREIGN KEY ("intake_id") REFERENCES "public"."intakes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_messages_created_idx" ON "email_messages" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "email_messages_intake_idx" ON "email_messages" USING btree ("intake_id");--> statement-breakpoint
-- Issue 11, finding 4. Mails of earlier versions that went out hold their link's token in clear in the body; the
-- link was for then, so the body goes (the row stays, as the record that the mail was sent).
UPDATE "email_messages" SET "html" = NULL, "text" = NULL
  WHERE "template" IN ('password-reset', 'user-invitation', 'verify-email', 'intake-received') AND "status" <> 'queued';--> statement-breakpoint
-- Mails to residents are linked to their intake (the newest with that address). A mail whose intake was erased or
-- anonymised already (no intake has the address any more) goes, as erasure and anonymisation now take mails along.
UPDATE "email_messages" m SET "intake_id" = (
    SELECT i."id" FROM "intakes" i WHERE lower(i."email") = lower(m."to") ORDER BY i."created_at" DESC LIMIT 1)
  WHERE m."template" IN ('intake-received', 'triage-handover');--> statement-breakpoint
DELETE FROM "email_messages" WHERE "template" IN ('intake-received', 'triage-handover') AND "intake_id" IS NULL;

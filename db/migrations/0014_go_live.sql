-- Issue 10 (go live). A VDAB team now serves municipalities like any other organisation: its regions become the
-- municipalities of those regions before the table goes.
INSERT INTO "organisation_municipalities" ("organisation_id", "municipality_nis")
  SELECT r."organisation_id", m."nis" FROM "organisation_regions" r JOIN "municipalities" m ON m."region_code" = r."region_code"
  ON CONFLICT DO NOTHING;--> statement-breakpoint
DROP TABLE "organisation_regions" CASCADE;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "demo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "dpo_email" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "first_contact_days" integer;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "coordinator" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "invited_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_login_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "intakes" ADD COLUMN "demo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_first_contact_days" CHECK ("organisations"."first_contact_days" is null or "organisations"."first_contact_days" between 1 and 30);--> statement-breakpoint
-- Demo data of earlier versions: the seed made its organisations in the same transaction as the demo platform
-- admin, so they share its created_at (now() of that transaction). Its two admins move to a demo platform team,
-- so that the real platform organisation below holds no demo account.
UPDATE "organisations" o SET "demo" = true
  WHERE o."slug" <> 'stapsteen'
    AND o."created_at" = (SELECT u."created_at" FROM "users" u WHERE lower(u."email") = 'beheer@demo.stapsteen.be');--> statement-breakpoint
INSERT INTO "organisations" ("slug", "name", "type", "demo")
  SELECT 'stapsteen-demo', 'Stapsteen demoteam', 'platform', true
  WHERE EXISTS (SELECT 1 FROM "organisations" WHERE "demo");--> statement-breakpoint
UPDATE "users" SET "organisation_id" = (SELECT "id" FROM "organisations" WHERE "slug" = 'stapsteen-demo')
  WHERE lower("email") IN ('beheer@demo.stapsteen.be', 'regio.gent@demo.stapsteen.be')
    AND EXISTS (SELECT 1 FROM "organisations" WHERE "slug" = 'stapsteen-demo');--> statement-breakpoint
-- The seed's intakes came from the test factory (its submission keys), in the demo organisations' queues.
UPDATE "intakes" i SET "demo" = true
  WHERE i."submission_key" LIKE 'test-submission-%'
    AND i."ocmw_organisation_id" IN (SELECT "id" FROM "organisations" WHERE "demo");--> statement-breakpoint
-- The platform organisation exists from the first migration on, so the first administrator can be created on an
-- empty database (`npm run user:create -- EMAIL --role platform_admin`).
INSERT INTO "organisations" ("slug", "name", "type") VALUES ('stapsteen', 'Stapsteen platformteam', 'platform')
  ON CONFLICT ("slug") DO NOTHING;

CREATE TYPE "public"."placement_change_kind" AS ENUM('upsert', 'remove');--> statement-breakpoint
CREATE TABLE "placement_changes" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"placement_id" uuid NOT NULL,
	"kind" "placement_change_kind" NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "placement_changes_cursor_idx" ON "placement_changes" USING btree ("xid","seq");--> statement-breakpoint
CREATE INDEX "placement_changes_at_idx" ON "placement_changes" USING btree ("at");--> statement-breakpoint
-- Every write of a placement that is published after it (upsert) or was published before it (remove: unpublished,
-- paused, filled, closed, deleted). A draft that never was published leaves no trace. In the writer's transaction,
-- so the change commits or rolls back with the write.
CREATE OR REPLACE FUNCTION placement_changes_record() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'DELETE' AND NEW.status = 'published' THEN
    INSERT INTO placement_changes (placement_id, kind) VALUES (NEW.id, 'upsert');
  ELSIF TG_OP <> 'INSERT' AND OLD.status = 'published' THEN
    INSERT INTO placement_changes (placement_id, kind) VALUES (OLD.id, 'remove');
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER placement_changes_record
  AFTER INSERT OR UPDATE OR DELETE ON placements
  FOR EACH ROW EXECUTE FUNCTION placement_changes_record();
--> statement-breakpoint
-- The placements published before the feed existed, so a partner that starts without a cursor sees them all.
INSERT INTO placement_changes (placement_id, kind) SELECT id, 'upsert' FROM placements WHERE status = 'published' ORDER BY published_at, id;

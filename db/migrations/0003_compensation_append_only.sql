-- Compensation history is public evidence of what an employer was charged when: versions and their rules can
-- be added, never changed or removed (a correction is a new version).
CREATE OR REPLACE FUNCTION refuse_history_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER compensation_versions_append_only BEFORE UPDATE OR DELETE ON compensation_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER compensation_versions_no_truncate BEFORE TRUNCATE ON compensation_versions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER compensation_rules_append_only BEFORE UPDATE OR DELETE ON compensation_rules
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER compensation_rules_no_truncate BEFORE TRUNCATE ON compensation_rules
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER placement_events_append_only BEFORE UPDATE OR DELETE ON placement_events
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

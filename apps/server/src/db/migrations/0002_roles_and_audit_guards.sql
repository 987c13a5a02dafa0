-- Seed the role lookup table (PRD-003) and make the audit trail append-only (PRD-045).
INSERT INTO "roles" ("code", "name", "description") VALUES
  ('admin', 'Admin', 'Full access: user management, system configuration, everything a creator and reviewer can do'),
  ('creator', 'Creator', 'Projects, characters, generation, metadata editing and final approval'),
  ('reviewer', 'Reviewer', 'Views all content, flags issues and adds review notes; cannot finalize')
ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();

-- Scene statuses (PRD-001 §1.4) and segment statuses (PRD-001 §1.5).
INSERT INTO "scene_statuses" ("code", "name") VALUES
  ('pending', 'Pending'),
  ('generating', 'Generating'),
  ('review', 'In review'),
  ('approved', 'Approved'),
  ('rejected', 'Rejected')
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "segment_statuses" ("code", "name") VALUES
  ('pending', 'Pending'),
  ('generating', 'Generating'),
  ('qa_pass', 'QA passed'),
  ('qa_fail', 'QA failed'),
  ('approved', 'Approved'),
  ('rejected', 'Rejected')
ON CONFLICT DO NOTHING;

-- Statuses of image variants (issue 2/6, PRD-021): uploaded or generated variants await a decision.
INSERT INTO "image_variant_statuses" ("code", "name") VALUES
  ('pending', 'Pending'),
  ('generated', 'Generated'),
  ('approved', 'Approved'),
  ('rejected', 'Rejected')
ON CONFLICT DO NOTHING;

-- Lifecycle statuses of projects (PRD-072) and the neutral example image variant types (spec README).
INSERT INTO "project_statuses" ("code", "name", "description", "sort_order") VALUES
  ('setup', 'Setup', 'Created; characters are being onboarded, no generation yet', 10),
  ('active', 'Active', 'Generation, review and approval in progress', 20),
  ('delivered', 'Delivered', 'Approved and exported; locked until re-opened', 30),
  ('archived', 'Archived', 'Finished work kept for reference; locked until re-opened', 40),
  ('closed', 'Closed', 'Permanently concluded; supporting files may be reclaimed', 50)
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "image_variant_types" ("public_id", "name", "slug", "file_prefix", "is_default", "sort_order") VALUES
  ('01900000-0000-7000-8000-00000000ca5a', 'Casual', 'casual', '', true, 10),
  ('01900000-0000-7000-8000-00000000f0a1', 'Formal', 'formal', 'formal', false, 20)
ON CONFLICT DO NOTHING;

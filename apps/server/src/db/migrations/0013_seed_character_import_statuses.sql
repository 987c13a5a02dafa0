-- Character import statuses (PRD-016): the upload is analysed, previewed, imported in one transaction.
INSERT INTO "character_import_statuses" ("code", "name") VALUES
  ('analysing', 'Analysing'),
  ('ready', 'Ready to import'),
  ('importing', 'Importing'),
  ('completed', 'Completed'),
  ('failed', 'Failed'),
  ('cancelled', 'Cancelled')
ON CONFLICT DO NOTHING;

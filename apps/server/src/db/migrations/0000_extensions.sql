-- pgvector where the server has it (PGlite always does; Debian's PostgreSQL does not).
-- Features that use vectors fall back to an exact scan over real[] when it is absent.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
    CREATE EXTENSION IF NOT EXISTS vector;
  END IF;
END
$$;

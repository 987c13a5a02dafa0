import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, statusLookupTable, timestamps, tstz } from './columns.js';
import { projects } from './projects.js';
import { users } from './users.js';

/** Lookup table of character import statuses: analysing, ready, importing, completed, failed, cancelled. */
export const characterImportStatuses = statusLookupTable('character_import_statuses');

/**
 * A bulk onboarding of characters from an uploaded folder or ZIP (PRD-016/067). The upload is staged under
 * `staging_key` until the import completes or is cancelled; `plan` is the preview a person approves.
 */
export const characterImports = pgTable(
  'character_imports',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    projectId: bigint('project_id', { mode: 'number' })
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    createdByUserId: bigint('created_by_user_id', { mode: 'number' }).references(() => users.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    statusId: bigint('status_id', { mode: 'number' })
      .notNull()
      .references(() => characterImportStatuses.id, { onDelete: 'restrict', onUpdate: 'cascade' }),
    /** `folder` or `zip`. */
    sourceKind: text('source_kind').notNull(),
    sourceName: text('source_name').notNull(),
    stagingKey: text('staging_key').notNull(),
    /** Every staged file: path, size, and what reading it found (hash, image facts, parsed metadata, problem). */
    files: jsonb('files').notNull().default([]),
    /** Per-folder renames and skips chosen in the preview. */
    overrides: jsonb('overrides').notNull().default({}),
    /** The preview: one planned entry per character folder, plus ignored loose files. */
    plan: jsonb('plan'),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    /** What the import did, once completed. */
    report: jsonb('report'),
    error: text('error'),
    startedAt: tstz('started_at'),
    finishedAt: tstz('finished_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_character_imports_public_id').on(t.publicId),
    index('idx_character_imports_project_id').on(t.projectId, t.createdAt),
    index('idx_character_imports_created_by_user_id').on(t.createdByUserId),
    index('idx_character_imports_status_id').on(t.statusId),
    check('ck_character_imports_source_kind', sql`${t.sourceKind} IN ('folder', 'zip')`),
  ],
);

import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, timestamps, tstz } from './columns.js';
import { workflowVersions } from './comfy.js';
import { users } from './users.js';

/** Lookup table of project lifecycle statuses (PRD-072), seeded by migration. */
export const projectStatuses = pgTable(
  'project_statuses',
  {
    id: idColumn(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    sortOrder: integer('sort_order').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('uq_project_statuses_code').on(t.code)],
);

export const projects = pgTable(
  'projects',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    statusId: bigint('status_id', { mode: 'number' })
      .notNull()
      .references(() => projectStatuses.id, { onDelete: 'restrict', onUpdate: 'cascade' }),
    /** Retention (PRD-015): days until failed outputs / cancelled artifacts are reclaimable, and trash grace. */
    failedOutputsDays: integer('failed_outputs_days').notNull().default(30),
    cancelledArtifactsDays: integer('cancelled_artifacts_days').notNull().default(7),
    trashGraceDays: integer('trash_grace_days').notNull().default(7),
    /** Per-project settings, validated by the contracts' ProjectSettings schema. */
    settings: jsonb('settings').notNull().default({}),
    /** JSON Schema of the characters' delivery metadata (`metadata.json`, PRD-013/066); null for none. `json`, not
     * `jsonb`: the order of the properties is the order of the form and the CSV columns. */
    metadataSchema: json('metadata_schema'),
    createdByUserId: bigint('created_by_user_id', { mode: 'number' }).references(() => users.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    deletedAt: tstz('deleted_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_projects_public_id').on(t.publicId),
    // names are unique among projects that are not in the trash
    uniqueIndex('uq_projects_name').on(sql`lower(${t.name})`).where(sql`${t.deletedAt} IS NULL`),
    index('idx_projects_status_id').on(t.statusId),
    index('idx_projects_created_by_user_id').on(t.createdByUserId),
    index('idx_projects_updated_at').on(t.updatedAt, t.id),
    check(
      'ck_projects_retention_days',
      sql`${t.failedOutputsDays} BETWEEN 1 AND 3650 AND ${t.cancelledArtifactsDays} BETWEEN 1 AND 3650 AND ${t.trashGraceDays} BETWEEN 1 AND 3650`,
    ),
  ],
);

/** Studio data: kinds of seed image with their delivered file-name prefix; exactly one is the default. */
export const imageVariantTypes = pgTable(
  'image_variant_types',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    filePrefix: text('file_prefix').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    /** Image-to-image workflow that derives this variant from a character's source image (PRD-021). */
    generationWorkflowVersionId: bigint('generation_workflow_version_id', { mode: 'number' }).references(
      () => workflowVersions.id,
      { onDelete: 'set null', onUpdate: 'cascade' },
    ),
    /** Prompt of that workflow; placeholders are filled from the character. */
    generationPrompt: text('generation_prompt').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_image_variant_types_public_id').on(t.publicId),
    index('idx_image_variant_types_generation_workflow_version_id').on(t.generationWorkflowVersionId),
    uniqueIndex('uq_image_variant_types_slug').on(t.slug),
    uniqueIndex('uq_image_variant_types_default').on(t.isDefault).where(sql`${t.isDefault}`),
    check('ck_image_variant_types_default_prefix', sql`NOT ${t.isDefault} OR ${t.filePrefix} = ''`),
    check('ck_image_variant_types_slug', sql`${t.slug} ~ '^[a-z0-9]+(_[a-z0-9]+)*$'`),
    check(
      'ck_image_variant_types_prefix',
      sql`${t.filePrefix} = '' OR ${t.filePrefix} ~ '^[a-z0-9]+(_[a-z0-9]+)*$'`,
    ),
  ],
);

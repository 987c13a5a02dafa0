import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, timestamps, tstz } from './columns.js';
import { workflowVersions } from './comfy.js';
import { imageVariantTypes, projects } from './projects.js';

/** Scene types (PRD-023) at studio level (no project) or for one project. */
export const sceneTypes = pgTable(
  'scene_types',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    projectId: bigint('project_id', { mode: 'number' }).references(() => projects.id, {
      onDelete: 'cascade',
      onUpdate: 'cascade',
    }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Reference to the workflow (entity arrives with the ComfyUI integration); checked at generation time. */
    workflowRef: text('workflow_ref'),
    /** The pinned workflow version the scene runs (PRD-075); upgrading to a newer version is explicit. */
    workflowVersionId: bigint('workflow_version_id', { mode: 'number' }).references(
      () => workflowVersions.id,
      {
        onDelete: 'restrict',
        onUpdate: 'cascade',
      },
    ),
    /** Parameter slot key → value or placeholder bound for this scene type (e.g. `steps: 30`). */
    slotBindings: jsonb('slot_bindings').notNull().default({}),
    loras: jsonb('loras').notNull().default([]),
    prompts: jsonb('prompts').notNull().default({}),
    targetDurationSeconds: doublePrecision('target_duration_seconds').notNull(),
    segmentDurationSeconds: doublePrecision('segment_duration_seconds').notNull(),
    toleranceSeconds: doublePrecision('tolerance_seconds').notNull().default(0),
    /** Set for transition scene types: the variant switch at a segment boundary. */
    transitionFromVariantTypeId: bigint('transition_from_variant_type_id', { mode: 'number' }).references(
      () => imageVariantTypes.id,
      { onDelete: 'restrict', onUpdate: 'cascade' },
    ),
    transitionToVariantTypeId: bigint('transition_to_variant_type_id', { mode: 'number' }).references(
      () => imageVariantTypes.id,
      { onDelete: 'restrict', onUpdate: 'cascade' },
    ),
    transitionAtSegment: integer('transition_at_segment'),
    transitionSuffix: text('transition_suffix'),
    transitionWorkflowRef: text('transition_workflow_ref'),
    transitionWorkflowVersionId: bigint('transition_workflow_version_id', { mode: 'number' }).references(
      () => workflowVersions.id,
      { onDelete: 'restrict', onUpdate: 'cascade' },
    ),
    /** QA rule set (PRD-091): a preset profile plus per-gate overrides. */
    qaProfile: text('qa_profile').notNull().default('standard'),
    qaOverrides: jsonb('qa_overrides').notNull().default({}),
    /** Smart auto-retry (PRD-071): `{ enabled, maxAttempts, jitter }`; off unless enabled. */
    retryPolicy: jsonb('retry_policy').notNull().default({}),
    /** How the seed of the next segment is chosen (PRD-024 §1.2): `last`, `auto` (lowest motion) or `manual`. */
    boundaryMode: text('boundary_mode').notNull().default('last'),
    boundaryWindowFrames: integer('boundary_window_frames').notNull().default(8),
    /** Continuity aids (PRD-026): `{ anchorBelow, colourMatch }`. */
    continuity: jsonb('continuity').notNull().default({}),
    enabled: boolean('enabled').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    deletedAt: tstz('deleted_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_scene_types_public_id').on(t.publicId),
    index('idx_scene_types_workflow_version_id').on(t.workflowVersionId),
    index('idx_scene_types_transition_workflow_version_id').on(t.transitionWorkflowVersionId),
    uniqueIndex('uq_scene_types_name')
      .on(sql`coalesce(${t.projectId}, 0)`, sql`lower(${t.name})`)
      .where(sql`${t.deletedAt} IS NULL`),
    index('idx_scene_types_project_id').on(t.projectId),
    index('idx_scene_types_transition_from_variant_type_id').on(t.transitionFromVariantTypeId),
    index('idx_scene_types_transition_to_variant_type_id').on(t.transitionToVariantTypeId),
    check(
      'ck_scene_types_durations',
      sql`${t.segmentDurationSeconds} > 0 AND ${t.targetDurationSeconds} >= ${t.segmentDurationSeconds} AND ${t.toleranceSeconds} >= 0`,
    ),
    check('ck_scene_types_qa_profile', sql`${t.qaProfile} IN ('strict', 'standard', 'lenient')`),
    check('ck_scene_types_boundary_mode', sql`${t.boundaryMode} IN ('last', 'auto', 'manual')`),
    check('ck_scene_types_boundary_window', sql`${t.boundaryWindowFrames} BETWEEN 1 AND 240`),
    check(
      'ck_scene_types_transition',
      sql`(${t.transitionFromVariantTypeId} IS NULL) = (${t.transitionToVariantTypeId} IS NULL)
        AND (${t.transitionFromVariantTypeId} IS NULL) = (${t.transitionAtSegment} IS NULL)
        AND (${t.transitionFromVariantTypeId} IS NULL) = (${t.transitionSuffix} IS NULL)`,
    ),
  ],
);

/** The image variant types a non-transition scene type applies to (one scene per character and type). */
export const sceneTypeVariantTypes = pgTable(
  'scene_type_variant_types',
  {
    id: idColumn(),
    sceneTypeId: bigint('scene_type_id', { mode: 'number' })
      .notNull()
      .references(() => sceneTypes.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    variantTypeId: bigint('variant_type_id', { mode: 'number' })
      .notNull()
      .references(() => imageVariantTypes.id, { onDelete: 'restrict', onUpdate: 'cascade' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_scene_type_variant_types').on(t.sceneTypeId, t.variantTypeId),
    index('idx_scene_type_variant_types_variant_type_id').on(t.variantTypeId),
  ],
);

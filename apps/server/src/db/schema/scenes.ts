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
  real,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { characters, mediaFiles } from './characters.js';
import { idColumn, statusLookupTable, timestamps, tstz } from './columns.js';
import { workflowVersions } from './comfy.js';
import { jobs } from './jobs.js';
import { imageVariantTypes } from './projects.js';
import { sceneTypes } from './scene-types.js';
import { users } from './users.js';

/** Lookup table of scene statuses (PRD-001 §1.4). */
export const sceneStatuses = statusLookupTable('scene_statuses');

/** Lookup table of segment statuses (PRD-001 §1.5). */
export const segmentStatuses = statusLookupTable('segment_statuses');

/** A scene: character × scene type × image variant type (the start variant of a transition). */
export const scenes = pgTable(
  'scenes',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    characterId: bigint('character_id', { mode: 'number' })
      .notNull()
      .references(() => characters.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    sceneTypeId: bigint('scene_type_id', { mode: 'number' })
      .notNull()
      .references(() => sceneTypes.id, { onDelete: 'restrict', onUpdate: 'cascade' }),
    variantTypeId: bigint('variant_type_id', { mode: 'number' })
      .notNull()
      .references(() => imageVariantTypes.id, { onDelete: 'restrict', onUpdate: 'cascade' }),
    isTransition: boolean('is_transition').notNull().default(false),
    statusId: bigint('status_id', { mode: 'number' })
      .notNull()
      .references(() => sceneStatuses.id, { onDelete: 'restrict', onUpdate: 'cascade' }),
    /** Poster frame (PRD-096): the picture shown for it in lists; a stored image, or a frame extracted from a video. */
    posterFileId: bigint('poster_file_id', { mode: 'number' }).references(() => mediaFiles.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    /** The video (the scene's or a segment's) the poster was extracted from, and which 0-based frame (null: the poster is the file itself). */
    posterSourceFileId: bigint('poster_source_file_id', { mode: 'number' }).references(() => mediaFiles.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    posterFrame: integer('poster_frame'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_scenes_public_id').on(t.publicId),
    uniqueIndex('uq_scenes_cell').on(t.characterId, t.sceneTypeId, t.variantTypeId),
    index('idx_scenes_scene_type_id').on(t.sceneTypeId),
    index('idx_scenes_variant_type_id').on(t.variantTypeId),
    index('idx_scenes_status_id').on(t.statusId),
    index('idx_scenes_poster_file_id').on(t.posterFileId),
    index('idx_scenes_poster_source_file_id').on(t.posterSourceFileId),
    check('ck_scenes_poster_frame', sql`${t.posterFrame} IS NULL OR ${t.posterFrame} >= 0`),
  ],
);

export const sceneRunStatuses = [
  'running',
  'awaiting_boundary',
  'needs_attention',
  'completed',
  'failed',
  'cancelled',
] as const;

/**
 * One generation of a scene (PRD-024): the pipeline's state between its jobs. Each segment is a render job (GPU)
 * followed by a QA job (CPU) that decides what comes next — the next segment, another attempt, a pause for a person,
 * or the end. At most one run of a scene is live at a time.
 */
export const sceneRuns = pgTable(
  'scene_runs',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    sceneId: bigint('scene_id', { mode: 'number' })
      .notNull()
      .references(() => scenes.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    /** `generate` (whole scene), `regenerate` (one segment, optionally cascading), `test_shot`. */
    purpose: text('purpose').notNull(),
    status: text('status').notNull(),
    tier: text('tier').notNull().default('production'),
    targetSeconds: doublePrecision('target_seconds').notNull(),
    toleranceSeconds: doublePrecision('tolerance_seconds').notNull(),
    segmentSeconds: doublePrecision('segment_seconds').notNull(),
    segmentsEstimated: integer('segments_estimated').notNull(),
    segmentsDone: integer('segments_done').notNull().default(0),
    secondsDone: doublePrecision('seconds_done').notNull().default(0),
    /** First and last segment index this run may write (a regeneration without cascade has both equal). */
    fromIndex: integer('from_index').notNull().default(1),
    cascade: boolean('cascade').notNull().default(true),
    /** The segment index where the transition variant takes over (recorded when it happens). */
    transitionAtSegment: integer('transition_at_segment'),
    /** Everything resolved when the run started: workflow versions, prompts, slots, QA rules, retry policy. */
    plan: jsonb('plan').notNull(),
    errorCode: text('error_code'),
    error: text('error'),
    startedByUserId: bigint('started_by_user_id', { mode: 'number' }).references(() => users.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    startedAt: tstz('started_at').notNull().defaultNow(),
    finishedAt: tstz('finished_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_scene_runs_public_id').on(t.publicId),
    index('idx_scene_runs_scene_id').on(t.sceneId, t.startedAt),
    index('idx_scene_runs_started_by_user_id').on(t.startedByUserId),
    uniqueIndex('uq_scene_runs_live')
      .on(t.sceneId)
      .where(sql`${t.status} IN ('running', 'awaiting_boundary', 'needs_attention')`),
    check('ck_scene_runs_status', sql.raw(`status IN (${sceneRunStatuses.map((s) => `'${s}'`).join(', ')})`)),
    check('ck_scene_runs_purpose', sql`${t.purpose} IN ('generate', 'regenerate', 'test_shot')`),
    check('ck_scene_runs_tier', sql`${t.tier} IN ('draft', 'production')`),
  ],
);

/**
 * One generated clip of a scene (ARCHITECTURE §5): seed frame in, output and boundary frame out, QA scores. Every
 * attempt and every regeneration is its own row (`version`); the one in use at its index is `is_current`.
 */
export const segments = pgTable(
  'segments',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    sceneId: bigint('scene_id', { mode: 'number' })
      .notNull()
      .references(() => scenes.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    sequenceIndex: integer('sequence_index').notNull(),
    version: integer('version').notNull().default(1),
    isCurrent: boolean('is_current').notNull().default(true),
    runId: bigint('run_id', { mode: 'number' }).references(() => sceneRuns.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    /** Attempt within its run at this index (smart auto-retry, PRD-071). */
    attempt: integer('attempt').notNull().default(1),
    statusId: bigint('status_id', { mode: 'number' })
      .notNull()
      .references(() => segmentStatuses.id, { onDelete: 'restrict', onUpdate: 'cascade' }),
    seedFileId: bigint('seed_file_id', { mode: 'number' }).references(() => mediaFiles.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    /** `hero`, `boundary` (the previous segment's chosen frame), `anchor` (hero again after drift), `transition`. */
    seedSource: text('seed_source'),
    variantTypeId: bigint('variant_type_id', { mode: 'number' }).references(() => imageVariantTypes.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    workflowVersionId: bigint('workflow_version_id', { mode: 'number' }).references(
      () => workflowVersions.id,
      { onDelete: 'set null', onUpdate: 'cascade' },
    ),
    renderJobId: bigint('render_job_id', { mode: 'number' }).references(() => jobs.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    qaJobId: bigint('qa_job_id', { mode: 'number' }).references(() => jobs.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    outputFileId: bigint('output_file_id', { mode: 'number' }).references(() => mediaFiles.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    boundaryFileId: bigint('boundary_file_id', { mode: 'number' }).references(() => mediaFiles.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    /** The prompt chosen for this segment's clip position, as sent (PRD-024). */
    prompt: jsonb('prompt'),
    clipPosition: text('clip_position'),
    /** Slot values sent to the workflow (seed included). */
    parameters: jsonb('parameters').notNull().default({}),
    tier: text('tier').notNull().default('production'),
    frameCount: integer('frame_count'),
    fps: doublePrecision('fps'),
    width: integer('width'),
    height: integer('height'),
    /** Frames dropped at the start when assembling (a chained segment repeats its seed frame). */
    trimStartFrames: integer('trim_start_frames').notNull().default(0),
    /** The chosen boundary frame (0-based): the next segment's seed and this segment's last frame when assembled. */
    boundaryFrameIndex: integer('boundary_frame_index'),
    boundaryMode: text('boundary_mode'),
    qaScores: jsonb('qa_scores').notNull().default({}),
    /** `pass`, `flag` (soft gate) or `fail` (hard gate). */
    qaVerdict: text('qa_verdict'),
    qaReasons: jsonb('qa_reasons').notNull().default([]),
    /** One number to rank attempts by (best-of-N). */
    qaRank: real('qa_rank'),
    durationSeconds: doublePrecision('duration_seconds'),
    errorCode: text('error_code'),
    error: text('error'),
    approvedByUserId: bigint('approved_by_user_id', { mode: 'number' }).references(() => users.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    approvedAt: tstz('approved_at'),
    /** Flagged for discussion by a reviewer (PRD-035 `F`); the reason is on the review decision. */
    flaggedAt: tstz('flagged_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_segments_public_id').on(t.publicId),
    uniqueIndex('uq_segments_scene_index_version').on(t.sceneId, t.sequenceIndex, t.version),
    uniqueIndex('uq_segments_current').on(t.sceneId, t.sequenceIndex).where(sql`${t.isCurrent}`),
    index('idx_segments_status_id').on(t.statusId),
    index('idx_segments_run_id').on(t.runId),
    index('idx_segments_seed_file_id').on(t.seedFileId),
    index('idx_segments_output_file_id').on(t.outputFileId),
    index('idx_segments_boundary_file_id').on(t.boundaryFileId),
    index('idx_segments_variant_type_id').on(t.variantTypeId),
    index('idx_segments_workflow_version_id').on(t.workflowVersionId),
    index('idx_segments_render_job_id').on(t.renderJobId),
    index('idx_segments_qa_job_id').on(t.qaJobId),
    index('idx_segments_approved_by_user_id').on(t.approvedByUserId),
    check('ck_segments_sequence_index', sql`${t.sequenceIndex} >= 1`),
    check('ck_segments_version', sql`${t.version} >= 1`),
    check('ck_segments_tier', sql`${t.tier} IN ('draft', 'production')`),
    check(
      'ck_segments_qa_verdict',
      sql`${t.qaVerdict} IS NULL OR ${t.qaVerdict} IN ('pass', 'flag', 'fail')`,
    ),
  ],
);

/** Face embedding of a stored image (PRD-076), computed once: the likeness baseline of a character's source image. */
export const faceEmbeddings = pgTable('face_embeddings', {
  fileId: bigint('file_id', { mode: 'number' })
    .primaryKey()
    .references(() => mediaFiles.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
  model: text('model').notNull(),
  /** null when no face was found. */
  embedding: real('embedding').array(),
  score: real('score').notNull(),
  /** Source-image QA (PRD-022): resolution, blur, face box. */
  quality: jsonb('quality').notNull().default({}),
  ...timestamps,
});

/**
 * Every video of a scene (PRD-109): assembled by the pipeline or imported from outside. At most one live version
 * per scene is final — the one delivered. Deleting is soft (`deleted_at`); purging removes the row and the file.
 */
export const sceneVideoVersions = pgTable(
  'scene_video_versions',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    sceneId: bigint('scene_id', { mode: 'number' })
      .notNull()
      .references(() => scenes.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    versionNumber: integer('version_number').notNull(),
    /** `generated` or `imported`. */
    source: text('source').notNull(),
    fileId: bigint('file_id', { mode: 'number' })
      .notNull()
      .references(() => mediaFiles.id, { onDelete: 'restrict', onUpdate: 'cascade' }),
    durationSeconds: doublePrecision('duration_seconds').notNull(),
    fps: doublePrecision('fps'),
    frameCount: integer('frame_count'),
    codec: text('codec').notNull(),
    isFinal: boolean('is_final').notNull().default(false),
    notes: text('notes').notNull().default(''),
    /** `draft` when assembled from draft-tier segments (never delivered). */
    tier: text('tier').notNull().default('production'),
    /** How a generated version was assembled: segment versions and frames used, copy or re-encode, smoothed joins. */
    assembly: jsonb('assembly'),
    createdByUserId: bigint('created_by_user_id', { mode: 'number' }).references(() => users.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    deletedAt: tstz('deleted_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_scene_video_versions_public_id').on(t.publicId),
    uniqueIndex('uq_scene_video_versions_scene_version').on(t.sceneId, t.versionNumber),
    uniqueIndex('uq_scene_video_versions_final')
      .on(t.sceneId)
      .where(sql`${t.isFinal} AND ${t.deletedAt} IS NULL`),
    index('idx_scene_video_versions_file_id').on(t.fileId),
    index('idx_scene_video_versions_created_by_user_id').on(t.createdByUserId),
    check('ck_scene_video_versions_source', sql`${t.source} IN ('generated', 'imported')`),
    check('ck_scene_video_versions_tier', sql`${t.tier} IN ('draft', 'production')`),
    check('ck_scene_video_versions_number', sql`${t.versionNumber} >= 1`),
    check('ck_scene_video_versions_final_live', sql`NOT (${t.isFinal} AND ${t.deletedAt} IS NOT NULL)`),
  ],
);

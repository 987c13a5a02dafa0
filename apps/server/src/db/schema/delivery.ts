// Review and delivery (6/6): review decisions on segments (PRD-035/092), output profiles (PRD-039), renditions of a
// scene video (profile transcodes and watermarked review cuts), and project deliveries (validated, streamed ZIPs).
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
import { mediaFiles } from './characters.js';
import { idColumn, timestamps, tstz } from './columns.js';
import { jobs } from './jobs.js';
import { projects } from './projects.js';
import { sceneRuns, scenes, sceneVideoVersions, segments } from './scenes.js';
import { users } from './users.js';

export const reviewDecisionKinds = ['approve', 'reject', 'flag', 'unflag'] as const;

/**
 * Every review decision on a segment, kept (PRD-035 §1.4): who, when, which version, why. Undoing a decision marks
 * it `undone_at` and restores the status it replaced (`previous_status`); a batch approval shares a `batch_id`.
 */
export const reviewDecisions = pgTable(
  'review_decisions',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    segmentId: bigint('segment_id', { mode: 'number' })
      .notNull()
      .references(() => segments.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    sceneId: bigint('scene_id', { mode: 'number' })
      .notNull()
      .references(() => scenes.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    projectId: bigint('project_id', { mode: 'number' })
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    decision: text('decision').notNull(),
    /** From the controlled list of failure tags (`face_artifact`, `motion_artifact`, …). */
    reasonCode: text('reason_code'),
    note: text('note').notNull().default(''),
    segmentVersion: integer('segment_version').notNull(),
    /** The segment status before the decision, restored by undo. */
    previousStatus: text('previous_status').notNull(),
    /** When the segment was flagged before the decision (null: not flagged), restored by undo. */
    previousFlaggedAt: tstz('previous_flagged_at'),
    batchId: uuid('batch_id'),
    /** The regeneration run a rejection requeued, if any. */
    regenerationRunId: bigint('regeneration_run_id', { mode: 'number' }).references(() => sceneRuns.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    decidedByUserId: bigint('decided_by_user_id', { mode: 'number' }).references(() => users.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    decidedAt: tstz('decided_at').notNull().defaultNow(),
    undoneAt: tstz('undone_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_review_decisions_public_id').on(t.publicId),
    index('idx_review_decisions_segment_id').on(t.segmentId, t.decidedAt),
    index('idx_review_decisions_scene_id').on(t.sceneId),
    index('idx_review_decisions_project_id').on(t.projectId, t.decidedAt),
    index('idx_review_decisions_decided_by_user_id').on(t.decidedByUserId, t.decidedAt),
    index('idx_review_decisions_batch_id').on(t.batchId),
    index('idx_review_decisions_regeneration_run_id').on(t.regenerationRunId),
    check(
      'ck_review_decisions_previous_status',
      sql`${t.previousStatus} IN ('pending', 'generating', 'qa_pass', 'qa_fail', 'approved', 'rejected', 'failed', 'cancelled')`,
    ),
    check(
      'ck_review_decisions_decision',
      sql.raw(`decision IN (${reviewDecisionKinds.map((k) => `'${k}'`).join(', ')})`),
    ),
  ],
);

/** A reusable delivery specification (PRD-039 §1.5): what a scene video is transcoded to before it ships. */
export const outputProfiles = pgTable(
  'output_profiles',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    container: text('container').notNull(),
    videoCodec: text('video_codec').notNull(),
    /** null keeps the source size; both or neither. */
    width: integer('width'),
    height: integer('height'),
    /** null keeps the source rate. */
    fps: doublePrecision('fps'),
    /** Constant quality, or a bitrate (exactly one). */
    crf: integer('crf'),
    bitrateKbps: integer('bitrate_kbps'),
    pixelFormat: text('pixel_format').notNull(),
    /** `drop` (no audio track) or `silent` (a silent AAC track, for platforms that require one). */
    audio: text('audio').notNull().default('drop'),
    isPreset: boolean('is_preset').notNull().default(false),
    createdByUserId: bigint('created_by_user_id', { mode: 'number' }).references(() => users.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_output_profiles_public_id').on(t.publicId),
    uniqueIndex('uq_output_profiles_name').on(sql`lower(${t.name})`),
    index('idx_output_profiles_created_by_user_id').on(t.createdByUserId),
    check('ck_output_profiles_container', sql`${t.container} IN ('mp4', 'mov', 'webm')`),
    check('ck_output_profiles_codec', sql`${t.videoCodec} IN ('h264', 'h265', 'vp9', 'prores')`),
    check('ck_output_profiles_audio', sql`${t.audio} IN ('drop', 'silent')`),
    check('ck_output_profiles_size', sql`(${t.width} IS NULL) = (${t.height} IS NULL)`),
    check('ck_output_profiles_rate', sql`(${t.crf} IS NULL) <> (${t.bitrateKbps} IS NULL)`),
  ],
);

export const renditionStatuses = ['queued', 'running', 'ready', 'failed'] as const;

/**
 * A derived file of a scene video version: a transcode to an output profile, or a watermarked review cut. Made
 * once by a `media.transcode` job and reused until the version changes.
 */
export const renditions = pgTable(
  'renditions',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    videoVersionId: bigint('video_version_id', { mode: 'number' })
      .notNull()
      .references(() => sceneVideoVersions.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    /** `profile` or `review_cut`. */
    kind: text('kind').notNull(),
    profileId: bigint('profile_id', { mode: 'number' }).references(() => outputProfiles.id, {
      onDelete: 'cascade',
      onUpdate: 'cascade',
    }),
    /** The profile or watermark as used, so a later edit of either is detected as stale. */
    settings: jsonb('settings').notNull(),
    status: text('status').notNull(),
    progress: doublePrecision('progress').notNull().default(0),
    fileId: bigint('file_id', { mode: 'number' }).references(() => mediaFiles.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    jobId: bigint('job_id', { mode: 'number' }).references(() => jobs.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    error: text('error'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_renditions_public_id').on(t.publicId),
    index('idx_renditions_video_version_id').on(t.videoVersionId),
    index('idx_renditions_profile_id').on(t.profileId),
    index('idx_renditions_file_id').on(t.fileId),
    index('idx_renditions_job_id').on(t.jobId),
    check('ck_renditions_kind', sql`${t.kind} IN ('profile', 'review_cut')`),
    check('ck_renditions_profile', sql`(${t.kind} = 'profile') = (${t.profileId} IS NOT NULL)`),
    check(
      'ck_renditions_status',
      sql.raw(`status IN (${renditionStatuses.map((s) => `'${s}'`).join(', ')})`),
    ),
  ],
);

export const deliveryStatuses = ['queued', 'running', 'ready', 'failed'] as const;

/**
 * One export of a project (PRD-039 §1.7–1.9, §2.1): validated, then packaged by a `delivery.package` job into a ZIP
 * that is offered for download only once complete. `full` packs every character; `incremental` only those whose
 * content changed since the last ready delivery.
 */
export const deliveries = pgTable(
  'deliveries',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    projectId: bigint('project_id', { mode: 'number' })
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    number: integer('number').notNull(),
    mode: text('mode').notNull(),
    profileId: bigint('profile_id', { mode: 'number' }).references(() => outputProfiles.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    /** Name of the profile as used (kept when the profile is deleted). */
    profileName: text('profile_name'),
    status: text('status').notNull(),
    progress: doublePrecision('progress').notNull().default(0),
    /** Characters included: public id, name, and the content fingerprint compared by the next incremental. */
    characters: jsonb('characters').notNull().default([]),
    /** Every file in the ZIP with size, sha256, duration, resolution, codec (also `manifest.json` inside). */
    manifest: jsonb('manifest'),
    fileId: bigint('file_id', { mode: 'number' }).references(() => mediaFiles.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    sha256: text('sha256'),
    jobId: bigint('job_id', { mode: 'number' }).references(() => jobs.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    errorCode: text('error_code'),
    error: text('error'),
    requestedByUserId: bigint('requested_by_user_id', { mode: 'number' }).references(() => users.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    finishedAt: tstz('finished_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_deliveries_public_id').on(t.publicId),
    uniqueIndex('uq_deliveries_project_number').on(t.projectId, t.number),
    index('idx_deliveries_profile_id').on(t.profileId),
    index('idx_deliveries_file_id').on(t.fileId),
    index('idx_deliveries_job_id').on(t.jobId),
    index('idx_deliveries_requested_by_user_id').on(t.requestedByUserId),
    check('ck_deliveries_mode', sql`${t.mode} IN ('full', 'incremental')`),
    check('ck_deliveries_status', sql.raw(`status IN (${deliveryStatuses.map((s) => `'${s}'`).join(', ')})`)),
  ],
);

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
import { characters, mediaFiles } from './characters.js';
import { idColumn, statusLookupTable, timestamps, tstz } from './columns.js';
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
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_scenes_public_id').on(t.publicId),
    uniqueIndex('uq_scenes_cell').on(t.characterId, t.sceneTypeId, t.variantTypeId),
    index('idx_scenes_scene_type_id').on(t.sceneTypeId),
    index('idx_scenes_variant_type_id').on(t.variantTypeId),
    index('idx_scenes_status_id').on(t.statusId),
  ],
);

/** One generated clip of a scene (ARCHITECTURE §5): seed frame in, output and boundary frame out, QA scores. */
export const segments = pgTable(
  'segments',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    sceneId: bigint('scene_id', { mode: 'number' })
      .notNull()
      .references(() => scenes.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    sequenceIndex: integer('sequence_index').notNull(),
    statusId: bigint('status_id', { mode: 'number' })
      .notNull()
      .references(() => segmentStatuses.id, { onDelete: 'restrict', onUpdate: 'cascade' }),
    seedFileId: bigint('seed_file_id', { mode: 'number' }).references(() => mediaFiles.id, {
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
    qaScores: jsonb('qa_scores').notNull().default({}),
    durationSeconds: doublePrecision('duration_seconds'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_segments_public_id').on(t.publicId),
    uniqueIndex('uq_segments_scene_sequence_index').on(t.sceneId, t.sequenceIndex),
    index('idx_segments_status_id').on(t.statusId),
    index('idx_segments_seed_file_id').on(t.seedFileId),
    index('idx_segments_output_file_id').on(t.outputFileId),
    index('idx_segments_boundary_file_id').on(t.boundaryFileId),
    check('ck_segments_sequence_index', sql`${t.sequenceIndex} >= 1`),
  ],
);

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
    check('ck_scene_video_versions_number', sql`${t.versionNumber} >= 1`),
    check('ck_scene_video_versions_final_live', sql`NOT (${t.isFinal} AND ${t.deletedAt} IS NOT NULL)`),
  ],
);

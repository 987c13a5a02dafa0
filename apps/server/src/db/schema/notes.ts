// Collaborative notes (PRD-038/095) and on-frame annotations (PRD-070). Poster frames (PRD-096) are columns of
// `characters` and `scenes`.
import { failureTags, noteCategories, noteEntityTypes, noteVisibilities } from '@i2v/contracts';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { characters, mediaFiles } from './characters.js';
import { idColumn, timestamps, tstz } from './columns.js';
import { projects } from './projects.js';
import { scenes, sceneVideoVersions, segments } from './scenes.js';
import { users } from './users.js';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * A note on an entity: the project itself, a character, a scene, a segment or a scene video version. Exactly the
 * entity's key is set (`project` sets none of them); a note on a video may name a frame. Replies point at their
 * thread's first note (`parent_id`, one level). Deleting is soft (`deleted_at`): replies keep their thread.
 */
export const notes = pgTable(
  'notes',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    projectId: bigint('project_id', { mode: 'number' })
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    entityType: text('entity_type').notNull(),
    characterId: bigint('character_id', { mode: 'number' }).references(() => characters.id, {
      onDelete: 'cascade',
      onUpdate: 'cascade',
    }),
    sceneId: bigint('scene_id', { mode: 'number' }).references(() => scenes.id, {
      onDelete: 'cascade',
      onUpdate: 'cascade',
    }),
    segmentId: bigint('segment_id', { mode: 'number' }).references(() => segments.id, {
      onDelete: 'cascade',
      onUpdate: 'cascade',
    }),
    videoVersionId: bigint('video_version_id', { mode: 'number' }).references(() => sceneVideoVersions.id, {
      onDelete: 'cascade',
      onUpdate: 'cascade',
    }),
    parentId: bigint('parent_id', { mode: 'number' }).references((): AnyPgColumn => notes.id, {
      onDelete: 'cascade',
      onUpdate: 'cascade',
    }),
    /** 0-based frame of the entity's video the note is about (segments and video versions). */
    frame: integer('frame'),
    body: text('body').notNull(),
    category: text('category').notNull().default('general'),
    visibility: text('visibility').notNull().default('team'),
    failureTags: text('failure_tags').array().notNull().default(sql`'{}'::text[]`),
    /** Pinned notes show as a banner on their entity. */
    pinned: boolean('pinned').notNull().default(false),
    pinnedAt: tstz('pinned_at'),
    resolvedAt: tstz('resolved_at'),
    resolvedByUserId: bigint('resolved_by_user_id', { mode: 'number' }).references(() => users.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    authorUserId: bigint('author_user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'restrict', onUpdate: 'cascade' }),
    editedAt: tstz('edited_at'),
    deletedAt: tstz('deleted_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_notes_public_id').on(t.publicId),
    index('idx_notes_project_id').on(t.projectId, t.entityType, t.id),
    index('idx_notes_character_id').on(t.characterId, t.id),
    index('idx_notes_scene_id').on(t.sceneId, t.id),
    index('idx_notes_segment_id').on(t.segmentId, t.id),
    index('idx_notes_video_version_id').on(t.videoVersionId, t.id),
    index('idx_notes_parent_id').on(t.parentId, t.id),
    index('idx_notes_resolved_by_user_id').on(t.resolvedByUserId),
    index('idx_notes_author_user_id').on(t.authorUserId),
    check('ck_notes_entity_type', sql.raw(`entity_type IN (${list(noteEntityTypes)})`)),
    check(
      'ck_notes_entity',
      sql.raw(
        `num_nonnulls(character_id, scene_id, segment_id, video_version_id) = CASE entity_type WHEN 'project' THEN 0 ELSE 1 END ` +
          `AND (entity_type <> 'character' OR character_id IS NOT NULL) AND (entity_type <> 'scene' OR scene_id IS NOT NULL) ` +
          `AND (entity_type <> 'segment' OR segment_id IS NOT NULL) AND (entity_type <> 'video_version' OR video_version_id IS NOT NULL)`,
      ),
    ),
    check('ck_notes_category', sql.raw(`category IN (${list(noteCategories)})`)),
    check('ck_notes_visibility', sql.raw(`visibility IN (${list(noteVisibilities)})`)),
    check('ck_notes_failure_tags', sql.raw(`failure_tags <@ ARRAY[${list(failureTags)}]::text[]`)),
    check('ck_notes_frame', sql`${t.frame} IS NULL OR ${t.frame} >= 0`),
    check('ck_notes_body', sql`length(${t.body}) > 0`),
  ],
);

/** A user @mentioned in a note; each is notified once. */
export const noteMentions = pgTable(
  'note_mentions',
  {
    id: idColumn(),
    noteId: bigint('note_id', { mode: 'number' })
      .notNull()
      .references(() => notes.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_note_mentions_note_user').on(t.noteId, t.userId),
    index('idx_note_mentions_user_id').on(t.userId, t.noteId),
  ],
);

/**
 * The drawing on one frame of a media file (PRD-070): a list of shapes (pen path, arrow, rectangle, text) with colour
 * and stroke, coordinates normalised 0–1 to the frame. One row per file and frame, shared by the team.
 */
export const annotations = pgTable(
  'annotations',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    fileId: bigint('file_id', { mode: 'number' })
      .notNull()
      .references(() => mediaFiles.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    projectId: bigint('project_id', { mode: 'number' })
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    frame: integer('frame').notNull(),
    shapes: jsonb('shapes').notNull().default([]),
    createdByUserId: bigint('created_by_user_id', { mode: 'number' }).references(() => users.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    updatedByUserId: bigint('updated_by_user_id', { mode: 'number' }).references(() => users.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_annotations_public_id').on(t.publicId),
    uniqueIndex('uq_annotations_file_frame').on(t.fileId, t.frame),
    index('idx_annotations_project_id').on(t.projectId),
    index('idx_annotations_created_by_user_id').on(t.createdByUserId),
    index('idx_annotations_updated_by_user_id').on(t.updatedByUserId),
    check('ck_annotations_frame', sql`${t.frame} >= 0`),
  ],
);

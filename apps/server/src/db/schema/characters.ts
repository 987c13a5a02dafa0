import { sql } from 'drizzle-orm';
import {
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
import { idColumn, statusLookupTable, timestamps, tstz } from './columns.js';
import { imageVariantTypes, projects } from './projects.js';
import { users } from './users.js';

/** A stored file and what we know of it; the bytes live in storage under `storage_key`. */
export const mediaFiles = pgTable(
  'media_files',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    storageKey: text('storage_key').notNull(),
    thumbnailKey: text('thumbnail_key'),
    sha256: text('sha256').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    mimeType: text('mime_type').notNull(),
    width: integer('width'),
    height: integer('height'),
    originalFilename: text('original_filename'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_media_files_public_id').on(t.publicId),
    uniqueIndex('uq_media_files_storage_key').on(t.storageKey),
    index('idx_media_files_sha256').on(t.sha256),
  ],
);

export const characters = pgTable(
  'characters',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    projectId: bigint('project_id', { mode: 'number' })
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    name: text('name').notNull(),
    /** Delivery metadata (PRD-013), validated against the project's schema when it has one. */
    metadata: jsonb('metadata').notNull().default({}),
    /** Pipeline settings (PRD-001 §1.2), free-form key-values distinct from metadata. */
    settings: jsonb('settings').notNull().default({}),
    createdByUserId: bigint('created_by_user_id', { mode: 'number' }).references(() => users.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    /** Poster frame (PRD-096): the picture shown for it in lists; a stored image, or a frame extracted from a video. */
    posterFileId: bigint('poster_file_id', { mode: 'number' }).references(() => mediaFiles.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    /** The video the poster was extracted from, and which 0-based frame (null: the poster is the file itself). */
    posterSourceFileId: bigint('poster_source_file_id', { mode: 'number' }).references(() => mediaFiles.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    posterFrame: integer('poster_frame'),
    deletedAt: tstz('deleted_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_characters_public_id').on(t.publicId),
    uniqueIndex('uq_characters_project_name')
      .on(t.projectId, sql`lower(${t.name})`)
      .where(sql`${t.deletedAt} IS NULL`),
    index('idx_characters_project_id').on(t.projectId, sql`lower(${t.name})`, t.id),
    index('idx_characters_created_by_user_id').on(t.createdByUserId),
    index('idx_characters_poster_file_id').on(t.posterFileId),
    index('idx_characters_poster_source_file_id').on(t.posterSourceFileId),
    check('ck_characters_poster_frame', sql`${t.posterFrame} IS NULL OR ${t.posterFrame} >= 0`),
  ],
);

/** A character's source images; exactly one is current, replaced ones are kept as history. */
export const sourceImages = pgTable(
  'source_images',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    characterId: bigint('character_id', { mode: 'number' })
      .notNull()
      .references(() => characters.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    fileId: bigint('file_id', { mode: 'number' })
      .notNull()
      .references(() => mediaFiles.id, { onDelete: 'restrict', onUpdate: 'cascade' }),
    isCurrent: boolean('is_current').notNull().default(true),
    replacedAt: tstz('replaced_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_source_images_public_id').on(t.publicId),
    uniqueIndex('uq_source_images_current').on(t.characterId).where(sql`${t.isCurrent}`),
    index('idx_source_images_character_id').on(t.characterId),
    index('idx_source_images_file_id').on(t.fileId),
  ],
);

/** Lookup table of image variant statuses (pending / generated / approved / rejected). */
export const imageVariantStatuses = statusLookupTable('image_variant_statuses');

export const imageVariants = pgTable(
  'image_variants',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    characterId: bigint('character_id', { mode: 'number' })
      .notNull()
      .references(() => characters.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    variantTypeId: bigint('variant_type_id', { mode: 'number' })
      .notNull()
      .references(() => imageVariantTypes.id, { onDelete: 'restrict', onUpdate: 'cascade' }),
    fileId: bigint('file_id', { mode: 'number' })
      .notNull()
      .references(() => mediaFiles.id, { onDelete: 'restrict', onUpdate: 'cascade' }),
    statusId: bigint('status_id', { mode: 'number' })
      .notNull()
      .references(() => imageVariantStatuses.id, { onDelete: 'restrict', onUpdate: 'cascade' }),
    /** The approved variant of its type that seeds generation; at most one per character and type. */
    isHero: boolean('is_hero').notNull().default(false),
    provenance: text('provenance').notNull(),
    decidedByUserId: bigint('decided_by_user_id', { mode: 'number' }).references(() => users.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    decidedAt: tstz('decided_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_image_variants_public_id').on(t.publicId),
    uniqueIndex('uq_image_variants_hero').on(t.characterId, t.variantTypeId).where(sql`${t.isHero}`),
    index('idx_image_variants_character_id').on(t.characterId, t.variantTypeId),
    index('idx_image_variants_variant_type_id').on(t.variantTypeId),
    index('idx_image_variants_file_id').on(t.fileId),
    index('idx_image_variants_status_id').on(t.statusId),
    index('idx_image_variants_decided_by_user_id').on(t.decidedByUserId),
    check('ck_image_variants_provenance', sql`${t.provenance} IN ('upload', 'generated', 'edited')`),
  ],
);

import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { characters } from './characters.js';
import { idColumn, timestamps } from './columns.js';
import { sceneTypes } from './scene-types.js';
import { scenes } from './scenes.js';

/** Freeform labels (PRD-047), created on first use; `namespace:value` is allowed. */
export const tags = pgTable('tags', { id: idColumn(), name: text('name').notNull(), ...timestamps }, (t) => [
  uniqueIndex('uq_tags_name').on(t.name),
  check(
    'ck_tags_name',
    sql`${t.name} ~ '^[a-z0-9][a-z0-9_-]*(:[a-z0-9][a-z0-9_-]*)?$' AND length(${t.name}) <= 60`,
  ),
]);

export const characterTags = pgTable(
  'character_tags',
  {
    id: idColumn(),
    characterId: bigint('character_id', { mode: 'number' })
      .notNull()
      .references(() => characters.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    tagId: bigint('tag_id', { mode: 'number' })
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_character_tags').on(t.characterId, t.tagId),
    index('idx_character_tags_tag_id').on(t.tagId),
  ],
);

export const sceneTypeTags = pgTable(
  'scene_type_tags',
  {
    id: idColumn(),
    sceneTypeId: bigint('scene_type_id', { mode: 'number' })
      .notNull()
      .references(() => sceneTypes.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    tagId: bigint('tag_id', { mode: 'number' })
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_scene_type_tags').on(t.sceneTypeId, t.tagId),
    index('idx_scene_type_tags_tag_id').on(t.tagId),
  ],
);

export const sceneTags = pgTable(
  'scene_tags',
  {
    id: idColumn(),
    sceneId: bigint('scene_id', { mode: 'number' })
      .notNull()
      .references(() => scenes.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    tagId: bigint('tag_id', { mode: 'number' })
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('uq_scene_tags').on(t.sceneId, t.tagId), index('idx_scene_tags_tag_id').on(t.tagId)],
);

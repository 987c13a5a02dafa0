// SQL for tags and their links to characters, scene types and scenes.
import { and, eq, inArray, notInArray, type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../db/client.js';
import { escapeLike } from '../../db/like.js';
import { characterTags, sceneTags, sceneTypeTags, tags } from '../../db/schema/index.js';

export type TaggedKind = 'character' | 'scene_type' | 'scene';

const links = {
  character: {
    table: characterTags,
    column: characterTags.characterId,
    raw: 'character_tags',
    key: 'character_id',
  },
  scene_type: {
    table: sceneTypeTags,
    column: sceneTypeTags.sceneTypeId,
    raw: 'scene_type_tags',
    key: 'scene_type_id',
  },
  scene: {
    table: sceneTags,
    column: sceneTags.sceneId,
    raw: 'scene_tags',
    key: 'scene_id',
  },
} as const;

/** The tag names of an entity, sorted. */
export async function tagsOf(db: Executor, kind: TaggedKind, entityId: number): Promise<string[]> {
  const l = links[kind];
  const found = await db
    .select({ name: tags.name })
    .from(l.table)
    .innerJoin(tags, eq(tags.id, l.table.tagId))
    .where(eq(l.column, entityId))
    .orderBy(tags.name);
  return found.map((f) => f.name);
}

/** Replaces an entity's tags with `names`, creating tags on first use. */
export async function setTags(
  db: Executor,
  kind: TaggedKind,
  entityId: number,
  names: string[],
): Promise<void> {
  const l = links[kind];
  if (names.length > 0) {
    await db
      .insert(tags)
      .values(names.map((name) => ({ name })))
      .onConflictDoNothing();
  }
  const ids =
    names.length > 0
      ? (await db.select({ id: tags.id }).from(tags).where(inArray(tags.name, names))).map((t) => t.id)
      : [];
  await db
    .delete(l.table)
    .where(and(eq(l.column, entityId), ids.length > 0 ? notInArray(l.table.tagId, ids) : undefined));
  if (ids.length > 0) {
    const column = { character: 'characterId', scene_type: 'sceneTypeId', scene: 'sceneId' }[kind];
    const values = ids.map((tagId) => ({ [column]: entityId, tagId }));
    await db
      .insert(l.table)
      .values(values as never)
      .onConflictDoNothing();
  }
}

/**
 * A WHERE condition on `<alias>.id` for a tag filter: every listed tag (`all`) or at least one (`any`); a name
 * ending in `:` matches its whole namespace.
 */
export function tagFilter(kind: TaggedKind, entityIdSql: SQL, names: string[], mode: 'all' | 'any'): SQL {
  const l = links[kind];
  const matchOne = (name: string) =>
    name.endsWith(':') ? sql`t.name LIKE ${`${escapeLike(name)}%`}` : sql`t.name = ${name}`;
  const exists = (name: string) =>
    sql`EXISTS (SELECT 1 FROM ${sql.raw(l.raw)} x JOIN tags t ON t.id = x.tag_id WHERE x.${sql.raw(l.key)} = ${entityIdSql} AND ${matchOne(name)})`;
  return sql.join(names.map(exists), mode === 'all' ? sql` AND ` : sql` OR `);
}

export async function listTags(db: Executor, prefix: string | undefined, limit: number) {
  const like = prefix ? `${escapeLike(prefix)}%` : '%';
  return rows<{ name: string; characters: number; sceneTypes: number }>(
    db,
    sql`SELECT name, characters, "sceneTypes" FROM (
          SELECT t.name,
            (SELECT count(*)::int FROM character_tags ct JOIN characters c ON c.id = ct.character_id
              WHERE ct.tag_id = t.id AND c.deleted_at IS NULL) AS characters,
            (SELECT count(*)::int FROM scene_type_tags st JOIN scene_types s ON s.id = st.scene_type_id
              WHERE st.tag_id = t.id AND s.deleted_at IS NULL) AS "sceneTypes"
          FROM tags t WHERE t.name LIKE ${like}) used
        ORDER BY characters + "sceneTypes" DESC, name LIMIT ${limit}`,
  );
}

// SQL for scenes (matrix cells) and their status lookup.
import { eq, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../db/client.js';
import { characters, imageVariantTypes, sceneStatuses, scenes, sceneTypes } from '../../db/schema/index.js';

/**
 * Scenes of the given characters, keyed by `characterId:sceneTypePublicId:variantTypePublicId`. The scene rows are
 * read without joins, as one JSON value, and the few lookup ids translated here (a 4,000-cell matrix is read ~5×
 * faster on PGlite this way than as joined rows).
 */
export async function scenesOfCharacters(db: Executor, characterIds: number[]) {
  const byKey = new Map<string, { publicId: string; status: string }>();
  if (characterIds.length === 0) return byKey;
  const [found, typeIds, variantIds, statusIds] = await Promise.all([
    // one JSON text instead of thousands of rows: decoding rows dominates on PGlite
    rows<{ cells: string | null }>(
      db,
      sql`SELECT json_agg(json_build_array(character_id, scene_type_id, variant_type_id, public_id, status_id))::text AS cells
          FROM ${scenes} WHERE character_id = ANY(${`{${characterIds.join(',')}}`}::bigint[])`,
    ).then((r) => JSON.parse(r[0]?.cells ?? '[]') as [number, number, number, string, number][]),
    db.select({ id: sceneTypes.id, publicId: sceneTypes.publicId }).from(sceneTypes),
    db.select({ id: imageVariantTypes.id, publicId: imageVariantTypes.publicId }).from(imageVariantTypes),
    db.select({ id: sceneStatuses.id, code: sceneStatuses.code }).from(sceneStatuses),
  ]);
  const typeOf = new Map(typeIds.map((t) => [t.id, t.publicId]));
  const variantOf = new Map(variantIds.map((v) => [v.id, v.publicId]));
  const statusOf = new Map(statusIds.map((st) => [st.id, st.code]));
  for (const [characterId, sceneTypeId, variantTypeId, publicId, statusId] of found) {
    byKey.set(`${characterId}:${typeOf.get(sceneTypeId)}:${variantOf.get(variantTypeId)}`, {
      publicId,
      status: statusOf.get(statusId)!,
    });
  }
  return byKey;
}

export interface NewScene {
  publicId: string;
  characterId: number;
  sceneTypePublicId: string;
  variantTypePublicId: string;
  isTransition: boolean;
}

/** Inserts the scenes that do not exist yet (the matrix is idempotent); returns how many were created. */
export async function insertMissingScenes(db: Executor, rows: NewScene[]): Promise<number> {
  let created = 0;
  const pending = sql`(SELECT id FROM ${sceneStatuses} WHERE code = 'pending')`;
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const values = sql.join(
      chunk.map(
        (r) =>
          sql`(${r.publicId}::uuid, ${r.characterId}::bigint, ${r.sceneTypePublicId}::uuid, ${r.variantTypePublicId}::uuid, ${r.isTransition}::boolean)`,
      ),
      sql`, `,
    );
    const result = await db.execute(sql`
      INSERT INTO ${scenes} (public_id, character_id, scene_type_id, variant_type_id, is_transition, status_id)
      SELECT v.public_id, v.character_id, st.id, vt.id, v.is_transition, ${pending}
      FROM (VALUES ${values}) AS v(public_id, character_id, scene_type_public_id, variant_type_public_id, is_transition)
      JOIN ${sceneTypes} st ON st.public_id = v.scene_type_public_id
      JOIN ${imageVariantTypes} vt ON vt.public_id = v.variant_type_public_id
      ON CONFLICT (character_id, scene_type_id, variant_type_id) DO NOTHING
      RETURNING 1`);
    created += ((result as unknown as { rows: unknown[] }).rows ?? []).length;
  }
  return created;
}

/** One scene with what names it: its character (and project), scene type, variant type and status. */
export async function findScene(db: Executor, by: { publicId: string } | { id: number }) {
  const where = 'publicId' in by ? eq(scenes.publicId, by.publicId) : eq(scenes.id, by.id);
  const found = await db
    .select({
      id: scenes.id,
      publicId: scenes.publicId,
      characterId: characters.id,
      characterPublicId: characters.publicId,
      characterName: characters.name,
      characterDeletedAt: characters.deletedAt,
      projectId: characters.projectId,
      sceneTypePublicId: sceneTypes.publicId,
      sceneTypeName: sceneTypes.name,
      variantTypePublicId: imageVariantTypes.publicId,
      variantTypeSlug: imageVariantTypes.slug,
      variantTypeName: imageVariantTypes.name,
      status: sceneStatuses.code,
      createdAt: scenes.createdAt,
      updatedAt: scenes.updatedAt,
    })
    .from(scenes)
    .innerJoin(characters, eq(characters.id, scenes.characterId))
    .innerJoin(sceneTypes, eq(sceneTypes.id, scenes.sceneTypeId))
    .innerJoin(imageVariantTypes, eq(imageVariantTypes.id, scenes.variantTypeId))
    .innerJoin(sceneStatuses, eq(sceneStatuses.id, scenes.statusId))
    .where(where);
  return found[0] ?? null;
}
export type SceneRow = NonNullable<Awaited<ReturnType<typeof findScene>>>;

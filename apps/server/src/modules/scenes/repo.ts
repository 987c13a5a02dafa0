// SQL for scenes (matrix cells) and their status lookup.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { imageVariantTypes, sceneStatuses, scenes, sceneTypes } from '../../db/schema/index.js';

/** Scenes of the given characters, keyed by `characterId:sceneTypePublicId:variantTypePublicId`. */
export async function scenesOfCharacters(db: Executor, characterIds: number[]) {
  if (characterIds.length === 0) return new Map<string, { publicId: string; status: string }>();
  const found = await db
    .select({
      characterId: scenes.characterId,
      publicId: scenes.publicId,
      status: sceneStatuses.code,
      sceneTypePublicId: sceneTypes.publicId,
      variantTypePublicId: imageVariantTypes.publicId,
    })
    .from(scenes)
    .innerJoin(sceneStatuses, eq(sceneStatuses.id, scenes.statusId))
    .innerJoin(sceneTypes, eq(sceneTypes.id, scenes.sceneTypeId))
    .innerJoin(imageVariantTypes, eq(imageVariantTypes.id, scenes.variantTypeId))
    .where(inArray(scenes.characterId, characterIds));
  return new Map(found.map((s) => [`${s.characterId}:${s.sceneTypePublicId}:${s.variantTypePublicId}`, s]));
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

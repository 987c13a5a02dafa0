// SQL for image variant types (studio data).
import { asc, eq, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../db/client.js';
import { imageVariantTypes } from '../../db/schema/index.js';

export type VariantTypeRow = typeof imageVariantTypes.$inferSelect & {
  generationWorkflowPublicId: string | null;
  generationWorkflowName: string | null;
};

const columns = {
  id: imageVariantTypes.id,
  publicId: imageVariantTypes.publicId,
  name: imageVariantTypes.name,
  slug: imageVariantTypes.slug,
  filePrefix: imageVariantTypes.filePrefix,
  isDefault: imageVariantTypes.isDefault,
  sortOrder: imageVariantTypes.sortOrder,
  generationWorkflowVersionId: imageVariantTypes.generationWorkflowVersionId,
  generationPrompt: imageVariantTypes.generationPrompt,
  generationWorkflowPublicId: sql<
    string | null
  >`(SELECT v.public_id FROM workflow_versions v WHERE v.id = ${imageVariantTypes.generationWorkflowVersionId})`,
  generationWorkflowName: sql<
    string | null
  >`(SELECT w.name || ' v' || v.version_number FROM workflow_versions v
    JOIN workflows w ON w.id = v.workflow_id WHERE v.id = ${imageVariantTypes.generationWorkflowVersionId})`,
  createdAt: imageVariantTypes.createdAt,
  updatedAt: imageVariantTypes.updatedAt,
};

export async function listVariantTypes(db: Executor): Promise<VariantTypeRow[]> {
  return db
    .select(columns)
    .from(imageVariantTypes)
    .orderBy(asc(imageVariantTypes.sortOrder), asc(imageVariantTypes.id));
}

export async function findVariantType(
  db: Executor,
  publicId: string,
  lock = false,
): Promise<VariantTypeRow | null> {
  const q = db.select(columns).from(imageVariantTypes).where(eq(imageVariantTypes.publicId, publicId));
  const found = lock ? await q.for('update') : await q;
  return found[0] ?? null;
}

export async function findVariantTypeBySlug(db: Executor, slug: string): Promise<VariantTypeRow | null> {
  const found = await db.select(columns).from(imageVariantTypes).where(eq(imageVariantTypes.slug, slug));
  return found[0] ?? null;
}

export async function insertVariantType(
  db: Executor,
  row: typeof imageVariantTypes.$inferInsert,
): Promise<void> {
  await db.insert(imageVariantTypes).values(row);
}

export async function updateVariantType(
  db: Executor,
  id: number,
  patch: Partial<
    Pick<
      VariantTypeRow,
      'name' | 'filePrefix' | 'isDefault' | 'sortOrder' | 'generationWorkflowVersionId' | 'generationPrompt'
    >
  >,
  now: Date,
): Promise<void> {
  await db
    .update(imageVariantTypes)
    .set({ ...patch, updatedAt: now })
    .where(eq(imageVariantTypes.id, id));
}

/** Clears the current default so another type can take it (the partial unique index allows one). */
export async function clearDefaultVariantType(db: Executor, now: Date): Promise<VariantTypeRow | null> {
  const [previous] = await db
    .update(imageVariantTypes)
    .set({ isDefault: false, updatedAt: now })
    .where(eq(imageVariantTypes.isDefault, true))
    .returning(columns);
  return previous ?? null;
}

/** True when any image variant, scene type or scene refers to the type (its foreign keys restrict deletes). */
export async function variantTypeInUse(db: Executor, id: number): Promise<boolean> {
  const found = await rows<{ used: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM image_variants WHERE variant_type_id = ${id})
        OR EXISTS (SELECT 1 FROM scene_type_variant_types WHERE variant_type_id = ${id})
        OR EXISTS (SELECT 1 FROM scene_types WHERE transition_from_variant_type_id = ${id} OR transition_to_variant_type_id = ${id})
        OR EXISTS (SELECT 1 FROM scenes WHERE variant_type_id = ${id}) AS used`,
  );
  return Boolean(found[0]?.used);
}

export async function deleteVariantType(db: Executor, id: number): Promise<void> {
  await db.delete(imageVariantTypes).where(eq(imageVariantTypes.id, id));
}

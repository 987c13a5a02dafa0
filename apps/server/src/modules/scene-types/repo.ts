// SQL for scene types and the image variant types they apply to.
import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { imageVariantTypes, projects, sceneTypes, sceneTypeVariantTypes } from '../../db/schema/index.js';

const fromType = alias(imageVariantTypes, 'from_type');
const toType = alias(imageVariantTypes, 'to_type');

export type SceneTypeRow = typeof sceneTypes.$inferSelect & {
  projectPublicId: string | null;
  fromTypePublicId: string | null;
  toTypePublicId: string | null;
  variantTypePublicIds: string[];
  tags: string[];
  workflowPin: WorkflowPin | null;
  transitionWorkflowPin: WorkflowPin | null;
};

export interface WorkflowPin {
  versionId: string;
  workflowId: string;
  workflowName: string;
  versionNumber: number;
  latestVersionNumber: number;
  productionReady: boolean;
}

/** The pinned version with its workflow's name and newest version number, as one JSON value. */
const pinOf = (column: 'workflow_version_id' | 'transition_workflow_version_id') =>
  sql<WorkflowPin | null>`(SELECT json_build_object(
      'versionId', v.public_id, 'workflowId', w.public_id, 'workflowName', w.name,
      'versionNumber', v.version_number, 'productionReady', v.production_ready,
      'latestVersionNumber', (SELECT max(x.version_number) FROM workflow_versions x WHERE x.workflow_id = w.id))
    FROM workflow_versions v JOIN workflows w ON w.id = v.workflow_id
    WHERE v.id = scene_types.${sql.raw(column)})`;

async function select(db: Executor, where: SQL | undefined): Promise<SceneTypeRow[]> {
  const found = await db
    .select({
      row: sceneTypes,
      projectPublicId: projects.publicId,
      fromTypePublicId: fromType.publicId,
      toTypePublicId: toType.publicId,
      variantTypePublicIds: sql<string[]>`coalesce((
        SELECT array_agg(vt.public_id::text ORDER BY vt.sort_order, vt.id)
        FROM ${sceneTypeVariantTypes} stv JOIN ${imageVariantTypes} vt ON vt.id = stv.variant_type_id
        WHERE stv.scene_type_id = scene_types.id), '{}')`,
      tags: sql<string[]>`coalesce((
        SELECT array_agg(t.name ORDER BY t.name) FROM scene_type_tags x JOIN tags t ON t.id = x.tag_id
        WHERE x.scene_type_id = scene_types.id), '{}')`,
      workflowPin: pinOf('workflow_version_id'),
      transitionWorkflowPin: pinOf('transition_workflow_version_id'),
    })
    .from(sceneTypes)
    .leftJoin(projects, eq(projects.id, sceneTypes.projectId))
    .leftJoin(fromType, eq(fromType.id, sceneTypes.transitionFromVariantTypeId))
    .leftJoin(toType, eq(toType.id, sceneTypes.transitionToVariantTypeId))
    .where(and(isNull(sceneTypes.deletedAt), where))
    .orderBy(asc(sceneTypes.sortOrder), asc(sql`lower(${sceneTypes.name})`), asc(sceneTypes.id));
  return found.map((f) => ({
    ...f.row,
    projectPublicId: f.projectPublicId,
    fromTypePublicId: f.fromTypePublicId,
    toTypePublicId: f.toTypePublicId,
    variantTypePublicIds: f.variantTypePublicIds,
    tags: f.tags,
    workflowPin: parsePin(f.workflowPin),
    transitionWorkflowPin: parsePin(f.transitionWorkflowPin),
  }));
}

// node-postgres parses json; PGlite may hand back text
function parsePin(v: unknown): WorkflowPin | null {
  if (v === null || v === undefined) return null;
  return (typeof v === 'string' ? JSON.parse(v) : v) as WorkflowPin;
}

export async function findSceneType(db: Executor, publicId: string): Promise<SceneTypeRow | null> {
  return (await select(db, eq(sceneTypes.publicId, publicId)))[0] ?? null;
}

/** Studio-level scene types, plus the project's own when a project is given. */
export function listSceneTypes(
  db: Executor,
  projectId: number | null,
  enabled?: boolean,
  extra?: SQL,
): Promise<SceneTypeRow[]> {
  const scope =
    projectId === null
      ? isNull(sceneTypes.projectId)
      : or(isNull(sceneTypes.projectId), eq(sceneTypes.projectId, projectId));
  return select(db, and(scope, enabled === undefined ? undefined : eq(sceneTypes.enabled, enabled), extra));
}

export async function sceneTypeNameTaken(
  db: Executor,
  projectId: number | null,
  name: string,
  exceptId?: number,
) {
  const found = await db
    .select({ id: sceneTypes.id })
    .from(sceneTypes)
    .where(
      and(
        isNull(sceneTypes.deletedAt),
        sql`coalesce(${sceneTypes.projectId}, 0) = ${projectId ?? 0}`,
        sql`lower(${sceneTypes.name}) = ${name.toLowerCase()}`,
        exceptId === undefined ? undefined : sql`${sceneTypes.id} <> ${exceptId}`,
      ),
    );
  return found.length > 0;
}

export async function variantTypeIdsByPublicId(
  db: Executor,
  publicIds: string[],
): Promise<Map<string, number>> {
  if (publicIds.length === 0) return new Map();
  const found = await db
    .select({ id: imageVariantTypes.id, publicId: imageVariantTypes.publicId })
    .from(imageVariantTypes)
    .where(inArray(imageVariantTypes.publicId, publicIds));
  return new Map(found.map((f) => [f.publicId, f.id]));
}

export type SceneTypeValues = Omit<typeof sceneTypes.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertSceneType(db: Executor, row: SceneTypeValues): Promise<number> {
  const [inserted] = await db.insert(sceneTypes).values(row).returning({ id: sceneTypes.id });
  return inserted!.id;
}

export async function updateSceneType(
  db: Executor,
  id: number,
  patch: Partial<SceneTypeValues>,
  now: Date,
): Promise<void> {
  await db
    .update(sceneTypes)
    .set({ ...patch, updatedAt: now })
    .where(eq(sceneTypes.id, id));
}

export async function setSceneTypeVariantTypes(
  db: Executor,
  sceneTypeId: number,
  variantTypeIds: number[],
): Promise<void> {
  await db.delete(sceneTypeVariantTypes).where(eq(sceneTypeVariantTypes.sceneTypeId, sceneTypeId));
  if (variantTypeIds.length > 0) {
    await db
      .insert(sceneTypeVariantTypes)
      .values(variantTypeIds.map((variantTypeId) => ({ sceneTypeId, variantTypeId })));
  }
}

export async function maxSortOrder(db: Executor): Promise<number> {
  const [r] = await db
    .select({ max: sql<number>`coalesce(max(${sceneTypes.sortOrder}), 0)::int` })
    .from(sceneTypes);
  return Number(r?.max ?? 0);
}

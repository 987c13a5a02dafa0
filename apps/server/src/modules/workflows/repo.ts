// SQL for workflows, their versions, the workers they validate on (read only) and the scene types pinning them.
import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  gt,
  ilike,
  inArray,
  isNull,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { sceneTypes, workers, workflows, workflowVersions } from '../../db/schema/index.js';

export type WorkflowRow = typeof workflows.$inferSelect;
export type VersionRow = typeof workflowVersions.$inferSelect;
export type WorkerRow = Pick<
  typeof workers.$inferSelect,
  'id' | 'publicId' | 'name' | 'url' | 'adminState' | 'health'
>;

const versionSummary = {
  id: workflowVersions.id,
  publicId: workflowVersions.publicId,
  workflowId: workflowVersions.workflowId,
  versionNumber: workflowVersions.versionNumber,
  sourceFormat: workflowVersions.sourceFormat,
  sha256: workflowVersions.sha256,
  nodeCount: workflowVersions.nodeCount,
  slotCount: sql<number>`jsonb_array_length(${workflowVersions.parameters})::int`,
  productionReady: workflowVersions.productionReady,
  notes: workflowVersions.notes,
  createdAt: workflowVersions.createdAt,
};
export type VersionSummaryRow = {
  [K in keyof typeof versionSummary]: K extends 'slotCount' ? number : VersionRow[K & keyof VersionRow];
};

export async function findWorkflow(db: Executor, publicId: string): Promise<WorkflowRow | null> {
  const [row] = await db
    .select()
    .from(workflows)
    .where(and(eq(workflows.publicId, publicId), isNull(workflows.deletedAt)));
  return row ?? null;
}

export async function findWorkflowById(db: Executor, id: number): Promise<WorkflowRow | null> {
  const [row] = await db.select().from(workflows).where(eq(workflows.id, id));
  return row ?? null;
}

export async function workflowNameTaken(db: Executor, name: string): Promise<boolean> {
  const found = await db
    .select({ id: workflows.id })
    .from(workflows)
    .where(and(isNull(workflows.deletedAt), sql`lower(${workflows.name}) = ${name.toLowerCase()}`));
  return found.length > 0;
}

export async function countWorkflows(db: Executor): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(workflows);
  return Number(r?.n ?? 0);
}

/** Live workflows by name, keyset-paginated on (lower(name), id). */
export async function listWorkflows(
  db: Executor,
  f: { limit: number; q?: string | undefined; after?: { name: string; id: number } | undefined },
): Promise<WorkflowRow[]> {
  const lowerName = sql`lower(${workflows.name})`;
  const conditions: (SQL | undefined)[] = [isNull(workflows.deletedAt)];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(workflows.name, like), ilike(workflows.description, like)));
  }
  if (f.after) {
    conditions.push(
      or(
        sql`${lowerName} > ${f.after.name}`,
        and(sql`${lowerName} = ${f.after.name}`, gt(workflows.id, f.after.id)),
      ),
    );
  }
  return db
    .select()
    .from(workflows)
    .where(and(...conditions))
    .orderBy(asc(lowerName), asc(workflows.id))
    .limit(f.limit + 1);
}

export async function insertWorkflow(
  db: Executor,
  row: Pick<typeof workflows.$inferInsert, 'publicId' | 'name' | 'description' | 'createdByUserId'>,
): Promise<number> {
  const [inserted] = await db.insert(workflows).values(row).returning({ id: workflows.id });
  return inserted!.id;
}

export async function touchWorkflow(db: Executor, id: number, patch: Partial<WorkflowRow>, now: Date) {
  await db
    .update(workflows)
    .set({ ...patch, updatedAt: now })
    .where(eq(workflows.id, id));
}

/** Version summaries of the given workflows, newest first. */
export async function versionSummaries(db: Executor, workflowIds: number[]): Promise<VersionSummaryRow[]> {
  if (workflowIds.length === 0) return [];
  return (await db
    .select(versionSummary)
    .from(workflowVersions)
    .where(inArray(workflowVersions.workflowId, workflowIds))
    .orderBy(desc(workflowVersions.versionNumber))) as VersionSummaryRow[];
}

export async function findVersion(db: Executor, publicId: string): Promise<VersionRow | null> {
  const [row] = await db.select().from(workflowVersions).where(eq(workflowVersions.publicId, publicId));
  return row ?? null;
}

export async function findVersionById(db: Executor, id: number): Promise<VersionRow | null> {
  const [row] = await db.select().from(workflowVersions).where(eq(workflowVersions.id, id));
  return row ?? null;
}

/** The live version with this content hash, with its workflow, if any. */
export async function findBySha(db: Executor, sha256: string) {
  const [row] = await db
    .select({ version: workflowVersions, workflow: workflows })
    .from(workflowVersions)
    .innerJoin(workflows, eq(workflows.id, workflowVersions.workflowId))
    .where(and(eq(workflowVersions.sha256, sha256), isNull(workflows.deletedAt)))
    .orderBy(asc(workflowVersions.id))
    .limit(1);
  return row ?? null;
}

export async function maxVersionNumber(db: Executor, workflowId: number): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`coalesce(max(${workflowVersions.versionNumber}), 0)::int` })
    .from(workflowVersions)
    .where(eq(workflowVersions.workflowId, workflowId));
  return Number(r?.n ?? 0);
}

export type VersionValues = Omit<typeof workflowVersions.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertVersion(
  db: Executor,
  row: VersionValues,
): Promise<{ id: number; createdAt: Date }> {
  const [inserted] = await db
    .insert(workflowVersions)
    .values(row)
    .returning({ id: workflowVersions.id, createdAt: workflowVersions.createdAt });
  return inserted!;
}

export async function updateVersion(db: Executor, id: number, patch: Partial<VersionValues>, now: Date) {
  await db
    .update(workflowVersions)
    .set({ ...patch, updatedAt: now })
    .where(eq(workflowVersions.id, id));
}

/** Locks the version row so concurrent validations and dry runs merge their results one after another. */
export async function lockVersion(db: Executor, id: number): Promise<VersionRow | null> {
  const [row] = await db.select().from(workflowVersions).where(eq(workflowVersions.id, id)).for('update');
  return row ?? null;
}

/** The checking state of a version, locked (without the large graph columns). */
export async function lockVersionChecks(db: Executor, publicId: string) {
  const [row] = await db
    .select({
      id: workflowVersions.id,
      publicId: workflowVersions.publicId,
      versionNumber: workflowVersions.versionNumber,
      validation: workflowVersions.validation,
      dryRun: workflowVersions.dryRun,
    })
    .from(workflowVersions)
    .where(eq(workflowVersions.publicId, publicId))
    .for('update');
  return row ?? null;
}

const { uiJson: _ui, ...viewColumns } = getTableColumns(workflowVersions);
/** A version without its UI-format copy (only whether there is one): what the API shows. */
export async function findVersionView(db: Executor, publicId: string) {
  const [row] = await db
    .select({ ...viewColumns, hasUiJson: sql<boolean>`${workflowVersions.uiJson} IS NOT NULL` })
    .from(workflowVersions)
    .where(eq(workflowVersions.publicId, publicId));
  return row ?? null;
}

/** Live scene types pinning any version of the workflow (main or transition). */
export async function scenesPinningWorkflow(db: Executor, workflowId: number) {
  const versionIds = db
    .select({ id: workflowVersions.id })
    .from(workflowVersions)
    .where(eq(workflowVersions.workflowId, workflowId));
  return db
    .select({ publicId: sceneTypes.publicId, name: sceneTypes.name })
    .from(sceneTypes)
    .where(
      and(
        isNull(sceneTypes.deletedAt),
        or(
          inArray(sceneTypes.workflowVersionId, versionIds),
          inArray(sceneTypes.transitionWorkflowVersionId, versionIds),
        ),
      ),
    )
    .orderBy(asc(sceneTypes.name));
}

/** Slot bindings of live scene types pinning this version. */
export async function bindingsOnVersion(db: Executor, versionId: number) {
  return db
    .select({ name: sceneTypes.name, slotBindings: sceneTypes.slotBindings })
    .from(sceneTypes)
    .where(
      and(
        isNull(sceneTypes.deletedAt),
        or(
          eq(sceneTypes.workflowVersionId, versionId),
          eq(sceneTypes.transitionWorkflowVersionId, versionId),
        ),
      ),
    );
}

const workerColumns = {
  id: workers.id,
  publicId: workers.publicId,
  name: workers.name,
  url: workers.url,
  adminState: workers.adminState,
  health: workers.health,
};

/** Workers that may take work: not disabled or decommissioned. */
export function activeWorkers(db: Executor): Promise<WorkerRow[]> {
  return db
    .select(workerColumns)
    .from(workers)
    .where(and(ne(workers.adminState, 'disabled'), ne(workers.adminState, 'decommissioned')))
    .orderBy(asc(sql`lower(${workers.name})`), asc(workers.id));
}

export async function findWorker(db: Executor, publicId: string): Promise<WorkerRow | null> {
  const [row] = await db
    .select(workerColumns)
    .from(workers)
    .where(and(eq(workers.publicId, publicId), ne(workers.adminState, 'decommissioned')));
  return row ?? null;
}

// SQL for projects and their lifecycle status lookup.
import { and, desc, eq, ilike, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { escapeLike } from '../../db/like.js';
import { projectStatuses, projects, users } from '../../db/schema/index.js';

export interface ProjectRow {
  id: number;
  publicId: string;
  name: string;
  description: string;
  status: 'setup' | 'active' | 'delivered' | 'archived' | 'closed';
  failedOutputsDays: number;
  cancelledArtifactsDays: number;
  trashGraceDays: number;
  settings: unknown;
  metadataSchema: unknown;
  creatorPublicId: string | null;
  creatorDisplayName: string | null;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const selection = {
  id: projects.id,
  publicId: projects.publicId,
  name: projects.name,
  description: projects.description,
  status: projectStatuses.code,
  failedOutputsDays: projects.failedOutputsDays,
  cancelledArtifactsDays: projects.cancelledArtifactsDays,
  trashGraceDays: projects.trashGraceDays,
  settings: projects.settings,
  metadataSchema: projects.metadataSchema,
  creatorPublicId: users.publicId,
  creatorDisplayName: users.displayName,
  deletedAt: projects.deletedAt,
  createdAt: projects.createdAt,
  updatedAt: projects.updatedAt,
};

function base(db: Executor) {
  return db
    .select(selection)
    .from(projects)
    .innerJoin(projectStatuses, eq(projectStatuses.id, projects.statusId))
    .leftJoin(users, eq(users.id, projects.createdByUserId));
}

/** Finds a project, trashed or not; `lock` takes a row lock for a read-modify-write in a transaction. */
export async function findProject(db: Executor, publicId: string, lock = false): Promise<ProjectRow | null> {
  const q = base(db).where(eq(projects.publicId, publicId));
  const found = lock ? await q.for('update', { of: projects }) : await q;
  return (found[0] as ProjectRow | undefined) ?? null;
}

export async function findProjectById(db: Executor, id: number, lock = false): Promise<ProjectRow | null> {
  const q = base(db).where(eq(projects.id, id));
  const found = lock ? await q.for('share', { of: projects }) : await q;
  return (found[0] as ProjectRow | undefined) ?? null;
}

export async function liveProjectNamed(db: Executor, name: string, exceptId?: number): Promise<boolean> {
  const found = await db
    .select({ id: projects.id })
    .from(projects)
    .where(
      and(
        sql`lower(${projects.name}) = ${name.toLowerCase()}`,
        isNull(projects.deletedAt),
        exceptId === undefined ? undefined : sql`${projects.id} <> ${exceptId}`,
      ),
    );
  return found.length > 0;
}

export interface ProjectListFilter {
  q?: string | undefined;
  status?: string | undefined;
  deleted: 'exclude' | 'only';
  after?: { createdAt: Date; id: number } | undefined;
  limit: number;
}

export async function listProjects(db: Executor, f: ProjectListFilter): Promise<ProjectRow[]> {
  const where: (SQL | undefined)[] = [
    f.deleted === 'only' ? isNotNull(projects.deletedAt) : isNull(projects.deletedAt),
  ];
  if (f.q) {
    const p = `%${escapeLike(f.q)}%`;
    where.push(or(ilike(projects.name, p), ilike(projects.description, p)));
  }
  if (f.status) where.push(eq(projectStatuses.code, f.status));
  if (f.after) {
    where.push(
      or(
        lt(projects.createdAt, f.after.createdAt),
        and(eq(projects.createdAt, f.after.createdAt), lt(projects.id, f.after.id)),
      ),
    );
  }
  return (await base(db)
    .where(and(...where))
    .orderBy(desc(projects.createdAt), desc(projects.id))
    .limit(f.limit)) as ProjectRow[];
}

export async function projectStatusIdOf(db: Executor, code: string): Promise<number> {
  const found = await db
    .select({ id: projectStatuses.id })
    .from(projectStatuses)
    .where(eq(projectStatuses.code, code));
  if (!found[0]) throw new Error(`project status ${code} missing from the lookup table`);
  return found[0].id;
}

export type NewProject = typeof projects.$inferInsert;

export async function insertProject(db: Executor, row: NewProject): Promise<void> {
  await db.insert(projects).values(row);
}

export type ProjectPatch = Partial<
  Pick<
    NewProject,
    | 'name'
    | 'description'
    | 'statusId'
    | 'failedOutputsDays'
    | 'cancelledArtifactsDays'
    | 'trashGraceDays'
    | 'settings'
    | 'metadataSchema'
    | 'deletedAt'
  >
>;

export async function updateProject(db: Executor, id: number, patch: ProjectPatch, now: Date): Promise<void> {
  await db
    .update(projects)
    .set({ ...patch, updatedAt: now })
    .where(eq(projects.id, id));
}

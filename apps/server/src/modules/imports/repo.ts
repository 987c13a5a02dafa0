// SQL for character imports, plus what planning an import needs to know of a project's characters.
import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  characterImportStatuses,
  characterImports,
  characters,
  imageVariants,
  imageVariantTypes,
  mediaFiles,
  projects,
  sourceImages,
  users,
} from '../../db/schema/index.js';

const columns = {
  id: characterImports.id,
  publicId: characterImports.publicId,
  projectId: characterImports.projectId,
  projectPublicId: projects.publicId,
  status: characterImportStatuses.code,
  sourceKind: characterImports.sourceKind,
  sourceName: characterImports.sourceName,
  stagingKey: characterImports.stagingKey,
  files: characterImports.files,
  overrides: characterImports.overrides,
  plan: characterImports.plan,
  progressDone: characterImports.progressDone,
  progressTotal: characterImports.progressTotal,
  report: characterImports.report,
  error: characterImports.error,
  startedAt: characterImports.startedAt,
  finishedAt: characterImports.finishedAt,
  createdAt: characterImports.createdAt,
  updatedAt: characterImports.updatedAt,
  creatorPublicId: users.publicId,
  creatorName: users.displayName,
};

export type ImportRow = Awaited<ReturnType<typeof selectImports>>[number];

function selectImports(db: Executor) {
  return db
    .select(columns)
    .from(characterImports)
    .innerJoin(projects, eq(projects.id, characterImports.projectId))
    .innerJoin(characterImportStatuses, eq(characterImportStatuses.id, characterImports.statusId))
    .leftJoin(users, eq(users.id, characterImports.createdByUserId));
}

export async function findImport(db: Executor, publicId: string, lock = false): Promise<ImportRow | null> {
  const q = selectImports(db).where(eq(characterImports.publicId, publicId));
  const found = lock ? await q.for('update', { of: characterImports }) : await q;
  return found[0] ?? null;
}

export async function listImports(
  db: Executor,
  projectId: number,
  after: { createdAt: Date; id: number } | undefined,
  limit: number,
): Promise<ImportRow[]> {
  const where = after
    ? and(
        eq(characterImports.projectId, projectId),
        or(
          lt(characterImports.createdAt, after.createdAt),
          and(eq(characterImports.createdAt, after.createdAt), lt(characterImports.id, after.id)),
        ),
      )
    : eq(characterImports.projectId, projectId);
  return selectImports(db)
    .where(where)
    .orderBy(desc(characterImports.createdAt), desc(characterImports.id))
    .limit(limit);
}

export async function importIdsInStatus(db: Executor, statuses: string[]): Promise<string[]> {
  const found = await db
    .select({ publicId: characterImports.publicId })
    .from(characterImports)
    .innerJoin(characterImportStatuses, eq(characterImportStatuses.id, characterImports.statusId))
    .where(inArray(characterImportStatuses.code, statuses));
  return found.map((f) => f.publicId);
}

const statusId = (code: string) => sql`(SELECT id FROM ${characterImportStatuses} WHERE code = ${code})`;

export async function insertImport(
  db: Executor,
  row: Omit<typeof characterImports.$inferInsert, 'statusId'> & { status: string },
): Promise<void> {
  const { status, ...rest } = row;
  await db.insert(characterImports).values({ ...rest, statusId: statusId(status) });
}

export async function updateImport(
  db: Executor,
  id: number,
  patch: Partial<
    Pick<
      typeof characterImports.$inferInsert,
      | 'files'
      | 'overrides'
      | 'plan'
      | 'progressDone'
      | 'progressTotal'
      | 'report'
      | 'error'
      | 'startedAt'
      | 'finishedAt'
    >
  > & { status?: string },
  now: Date,
): Promise<void> {
  const { status, ...rest } = patch;
  await db
    .update(characterImports)
    .set({ ...rest, ...(status ? { statusId: statusId(status) } : {}), updatedAt: now })
    .where(eq(characterImports.id, id));
}

/** Hashes of every image (source images and variants) of a project's live characters. */
export async function imageHashes(db: Executor, projectId: number) {
  const live = and(eq(characters.projectId, projectId), isNull(characters.deletedAt));
  const sources = db
    .select({ characterId: sourceImages.characterId, sha256: mediaFiles.sha256 })
    .from(sourceImages)
    .innerJoin(mediaFiles, eq(mediaFiles.id, sourceImages.fileId))
    .innerJoin(characters, eq(characters.id, sourceImages.characterId))
    .where(live);
  const variants = db
    .select({ characterId: imageVariants.characterId, sha256: mediaFiles.sha256 })
    .from(imageVariants)
    .innerJoin(mediaFiles, eq(mediaFiles.id, imageVariants.fileId))
    .innerJoin(characters, eq(characters.id, imageVariants.characterId))
    .where(live);
  return [...(await sources), ...(await variants)];
}

export async function variantTypes(db: Executor) {
  return db
    .select({
      id: imageVariantTypes.id,
      slug: imageVariantTypes.slug,
      name: imageVariantTypes.name,
      filePrefix: imageVariantTypes.filePrefix,
    })
    .from(imageVariantTypes)
    .orderBy(imageVariantTypes.sortOrder, imageVariantTypes.id);
}

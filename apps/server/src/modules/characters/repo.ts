// SQL for characters, their source images and image variants.
import { and, asc, desc, eq, gt, ilike, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { escapeLike } from '../../db/like.js';
import {
  characters,
  faceEmbeddings,
  imageVariantStatuses,
  imageVariants,
  imageVariantTypes,
  mediaFiles,
  sourceImages,
  users,
} from '../../db/schema/index.js';

export interface CharacterRow {
  id: number;
  publicId: string;
  projectId: number;
  name: string;
  metadata: unknown;
  settings: unknown;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  sourceFileId: string | null;
  sourceThumbnailKey: string | null;
  /** The chosen poster frame (PRD-096), when there is one. */
  posterFileId: string | null;
  posterThumbnailKey: string | null;
  heroCount: number;
  variantCount: number;
  /** Only when selected with tags (lists and details; the matrix leaves them out). */
  tags?: string[];
}

// Subqueries name `characters.id` literally: drizzle renders a lone column unqualified, which is ambiguous there.
const summary = {
  id: characters.id,
  publicId: characters.publicId,
  projectId: characters.projectId,
  name: characters.name,
  metadata: characters.metadata,
  settings: characters.settings,
  deletedAt: characters.deletedAt,
  createdAt: characters.createdAt,
  updatedAt: characters.updatedAt,
  sourceFileId: sql<
    string | null
  >`(SELECT f.public_id FROM ${sourceImages} s JOIN ${mediaFiles} f ON f.id = s.file_id WHERE s.character_id = characters.id AND s.is_current)`,
  sourceThumbnailKey: sql<
    string | null
  >`(SELECT f.thumbnail_key FROM ${sourceImages} s JOIN ${mediaFiles} f ON f.id = s.file_id WHERE s.character_id = characters.id AND s.is_current)`,
  posterFileId: sql<
    string | null
  >`(SELECT f.public_id FROM ${mediaFiles} f WHERE f.id = characters.poster_file_id)`,
  posterThumbnailKey: sql<
    string | null
  >`(SELECT f.thumbnail_key FROM ${mediaFiles} f WHERE f.id = characters.poster_file_id)`,
  heroCount: sql<number>`(SELECT count(*)::int FROM ${imageVariants} v WHERE v.character_id = characters.id AND v.is_hero)`,
  variantCount: sql<number>`(SELECT count(*)::int FROM ${imageVariants} v WHERE v.character_id = characters.id)`,
};

const summaryWithTags = {
  ...summary,
  tags: sql<
    string[]
  >`coalesce((SELECT array_agg(t.name ORDER BY t.name) FROM character_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.character_id = characters.id), '{}')`,
};

export async function findCharacter(
  db: Executor,
  publicId: string,
  lock = false,
): Promise<CharacterRow | null> {
  const q = db.select(summaryWithTags).from(characters).where(eq(characters.publicId, publicId));
  const found = lock ? await q.for('update', { of: characters }) : await q;
  return (found[0] as CharacterRow | undefined) ?? null;
}

export async function findCharacterById(
  db: Executor,
  id: number,
  lock = false,
): Promise<CharacterRow | null> {
  const q = db.select(summary).from(characters).where(eq(characters.id, id));
  const found = lock ? await q.for('update', { of: characters }) : await q;
  return (found[0] as CharacterRow | undefined) ?? null;
}

export async function liveCharacterNamed(db: Executor, projectId: number, name: string, exceptId?: number) {
  const found = await db
    .select({ id: characters.id })
    .from(characters)
    .where(
      and(
        eq(characters.projectId, projectId),
        sql`lower(${characters.name}) = ${name.toLowerCase()}`,
        isNull(characters.deletedAt),
        exceptId === undefined ? undefined : sql`${characters.id} <> ${exceptId}`,
      ),
    );
  return found.length > 0;
}

export interface CharacterListFilter {
  projectId: number;
  q?: string | undefined;
  after?: { name: string; id: number } | undefined;
  limit: number;
  withTags?: boolean;
  /** An extra condition, e.g. a tag filter built by the tags module. */
  where?: SQL | undefined;
  /** List the trash instead of the live characters. */
  trashed?: boolean;
  /** Skip the hero and variant counts (the scene matrix does not show them). */
  withoutCounts?: boolean;
}

/** Live characters of a project by name (the grid's order), keyset-paginated on (lower(name), id). */
export async function listCharacters(db: Executor, f: CharacterListFilter): Promise<CharacterRow[]> {
  const lowerName = sql`lower(${characters.name})`;
  const where: (SQL | undefined)[] = [
    eq(characters.projectId, f.projectId),
    f.trashed ? isNotNull(characters.deletedAt) : isNull(characters.deletedAt),
    f.where,
  ];
  if (f.q) where.push(ilike(characters.name, `%${escapeLike(f.q)}%`));
  if (f.after) {
    where.push(
      or(
        sql`${lowerName} > ${f.after.name}`,
        and(sql`${lowerName} = ${f.after.name}`, gt(characters.id, f.after.id)),
      ),
    );
  }
  const columns = f.withTags === false ? summary : summaryWithTags;
  return (await db
    .select(
      f.withoutCounts ? { ...columns, heroCount: sql<number>`0`, variantCount: sql<number>`0` } : columns,
    )
    .from(characters)
    .where(and(...where))
    .orderBy(asc(lowerName), asc(characters.id))
    .limit(f.limit)) as CharacterRow[];
}

export async function insertCharacter(db: Executor, row: typeof characters.$inferInsert): Promise<void> {
  await db.insert(characters).values(row);
}

export async function updateCharacter(
  db: Executor,
  id: number,
  patch: Partial<Pick<typeof characters.$inferInsert, 'name' | 'metadata' | 'settings' | 'deletedAt'>>,
  now: Date,
): Promise<void> {
  await db
    .update(characters)
    .set({ ...patch, updatedAt: now })
    .where(eq(characters.id, id));
}

const fileColumns = {
  filePublicId: mediaFiles.publicId,
  thumbnailKey: mediaFiles.thumbnailKey,
  mimeType: mediaFiles.mimeType,
  width: mediaFiles.width,
  height: mediaFiles.height,
  sizeBytes: mediaFiles.sizeBytes,
  sha256: mediaFiles.sha256,
  originalFilename: mediaFiles.originalFilename,
};

export async function listSourceImages(db: Executor, characterId: number) {
  return db
    .select({
      publicId: sourceImages.publicId,
      isCurrent: sourceImages.isCurrent,
      createdAt: sourceImages.createdAt,
      ...fileColumns,
      qaScore: faceEmbeddings.score,
      qaFaceFound: sql<boolean | null>`${faceEmbeddings.embedding} IS NOT NULL`,
      qaQuality: faceEmbeddings.quality,
      qaAt: faceEmbeddings.updatedAt,
    })
    .from(sourceImages)
    .innerJoin(mediaFiles, eq(mediaFiles.id, sourceImages.fileId))
    .leftJoin(faceEmbeddings, eq(faceEmbeddings.fileId, sourceImages.fileId))
    .where(eq(sourceImages.characterId, characterId))
    .orderBy(desc(sourceImages.id));
}

export type VariantRow = Awaited<ReturnType<typeof listVariants>>[number];

export async function listVariants(db: Executor, where: SQL) {
  return db
    .select({
      id: imageVariants.id,
      publicId: imageVariants.publicId,
      characterId: imageVariants.characterId,
      variantTypeId: imageVariants.variantTypeId,
      variantTypePublicId: imageVariantTypes.publicId,
      variantTypeSlug: imageVariantTypes.slug,
      variantTypeName: imageVariantTypes.name,
      status: imageVariantStatuses.code,
      isHero: imageVariants.isHero,
      provenance: imageVariants.provenance,
      deciderPublicId: users.publicId,
      deciderName: users.displayName,
      decidedAt: imageVariants.decidedAt,
      createdAt: imageVariants.createdAt,
      ...fileColumns,
    })
    .from(imageVariants)
    .innerJoin(imageVariantTypes, eq(imageVariantTypes.id, imageVariants.variantTypeId))
    .innerJoin(imageVariantStatuses, eq(imageVariantStatuses.id, imageVariants.statusId))
    .innerJoin(mediaFiles, eq(mediaFiles.id, imageVariants.fileId))
    .leftJoin(users, eq(users.id, imageVariants.decidedByUserId))
    .where(where)
    .orderBy(asc(imageVariantTypes.sortOrder), desc(imageVariants.id));
}

export const variantsOfCharacter = (db: Executor, characterId: number) =>
  listVariants(db, eq(imageVariants.characterId, characterId));

export async function findVariant(db: Executor, publicId: string): Promise<VariantRow | null> {
  return (await listVariants(db, eq(imageVariants.publicId, publicId)))[0] ?? null;
}

/** True when this character already has a file with these bytes, as source image or variant. */
export async function characterHasFile(db: Executor, characterId: number, sha256: string): Promise<boolean> {
  const found = await db.execute(sql`
    SELECT 1 FROM ${mediaFiles} f
    WHERE f.sha256 = ${sha256} AND (
      EXISTS (SELECT 1 FROM ${sourceImages} s WHERE s.file_id = f.id AND s.character_id = ${characterId}) OR
      EXISTS (SELECT 1 FROM ${imageVariants} v WHERE v.file_id = f.id AND v.character_id = ${characterId}))
    LIMIT 1`);
  return ((found as unknown as { rows: unknown[] }).rows ?? []).length > 0;
}

export async function replaceCurrentSource(
  db: Executor,
  characterId: number,
  fileId: number,
  publicId: string,
  now: Date,
) {
  await db
    .update(sourceImages)
    .set({ isCurrent: false, replacedAt: now, updatedAt: now })
    .where(and(eq(sourceImages.characterId, characterId), eq(sourceImages.isCurrent, true)));
  await db.insert(sourceImages).values({ publicId, characterId, fileId, isCurrent: true });
}

export async function variantStatusId(db: Executor, code: string): Promise<number> {
  const found = await db
    .select({ id: imageVariantStatuses.id })
    .from(imageVariantStatuses)
    .where(eq(imageVariantStatuses.code, code));
  if (!found[0]) throw new Error(`image variant status ${code} missing from the lookup table`);
  return found[0].id;
}

export async function variantTypeBySlug(db: Executor, slug: string) {
  const found = await db
    .select({ id: imageVariantTypes.id, slug: imageVariantTypes.slug, name: imageVariantTypes.name })
    .from(imageVariantTypes)
    .where(eq(imageVariantTypes.slug, slug));
  return found[0] ?? null;
}

export async function insertVariant(db: Executor, row: typeof imageVariants.$inferInsert): Promise<void> {
  await db.insert(imageVariants).values(row);
}

export async function setVariantDecision(
  db: Executor,
  variant: { id: number; characterId: number; variantTypeId: number },
  decision: { statusId: number; isHero: boolean; userId: number | null },
  now: Date,
): Promise<void> {
  if (decision.isHero) {
    // the previous hero of this type stays approved, as history
    await db
      .update(imageVariants)
      .set({ isHero: false, updatedAt: now })
      .where(
        and(
          eq(imageVariants.characterId, variant.characterId),
          eq(imageVariants.variantTypeId, variant.variantTypeId),
          eq(imageVariants.isHero, true),
        ),
      );
  }
  await db
    .update(imageVariants)
    .set({
      statusId: decision.statusId,
      isHero: decision.isHero,
      decidedByUserId: decision.userId,
      decidedAt: now,
      updatedAt: now,
    })
    .where(eq(imageVariants.id, variant.id));
}

/** Approved heroes of the given characters as (character public id, variant type public id) pairs. */
export async function heroPairs(db: Executor, characterIds: number[]) {
  if (characterIds.length === 0) return [];
  return db
    .select({ characterId: imageVariants.characterId, variantTypePublicId: imageVariantTypes.publicId })
    .from(imageVariants)
    .innerJoin(imageVariantTypes, eq(imageVariantTypes.id, imageVariants.variantTypeId))
    .where(and(inArray(imageVariants.characterId, characterIds), eq(imageVariants.isHero, true)));
}

/** A source image row with its file, for deletion. */
export async function findSourceImage(db: Executor, publicId: string) {
  const found = await db
    .select({
      id: sourceImages.id,
      characterId: sourceImages.characterId,
      isCurrent: sourceImages.isCurrent,
      fileId: mediaFiles.id,
      storageKey: mediaFiles.storageKey,
      thumbnailKey: mediaFiles.thumbnailKey,
      originalFilename: mediaFiles.originalFilename,
    })
    .from(sourceImages)
    .innerJoin(mediaFiles, eq(mediaFiles.id, sourceImages.fileId))
    .where(eq(sourceImages.publicId, publicId))
    .for('update', { of: sourceImages });
  return found[0] ?? null;
}

/** Deletes a source image; when it was the current one, the newest earlier one becomes current again. */
export async function deleteSourceImage(
  db: Executor,
  source: { id: number; characterId: number; isCurrent: boolean },
) {
  await db.delete(sourceImages).where(eq(sourceImages.id, source.id));
  if (!source.isCurrent) return;
  const previous = await db
    .select({ id: sourceImages.id })
    .from(sourceImages)
    .where(eq(sourceImages.characterId, source.characterId))
    .orderBy(desc(sourceImages.id))
    .limit(1);
  if (previous[0]) {
    await db
      .update(sourceImages)
      .set({ isCurrent: true, replacedAt: null })
      .where(eq(sourceImages.id, previous[0].id));
  }
}

export async function deleteVariantRow(db: Executor, id: number) {
  await db.delete(imageVariants).where(eq(imageVariants.id, id));
}

/** Every live character of a project with its metadata (imports plan against them, metadata exports them). */
export async function liveCharacters(db: Executor, projectId: number) {
  return db
    .select({
      id: characters.id,
      publicId: characters.publicId,
      name: characters.name,
      metadata: characters.metadata,
    })
    .from(characters)
    .where(and(eq(characters.projectId, projectId), isNull(characters.deletedAt)));
}

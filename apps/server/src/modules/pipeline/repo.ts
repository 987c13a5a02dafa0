// SQL of the generation pipeline: runs, segment versions, statuses.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  imageVariantTypes,
  jobs,
  mediaFiles,
  sceneRuns,
  sceneStatuses,
  scenes,
  segmentStatuses,
  segments,
  users,
} from '../../db/schema/index.js';

export type RunRow = typeof sceneRuns.$inferSelect;
export type SegmentRow = typeof segments.$inferSelect;

export const liveRunStatuses = ['running', 'awaiting_boundary', 'needs_attention'] as const;

export const segmentStatusId = (code: string) =>
  sql`(SELECT ${segmentStatuses.id} FROM ${segmentStatuses} WHERE ${segmentStatuses.code} = ${code})`;

export async function setSceneStatus(db: Executor, sceneId: number, code: string, now: Date): Promise<void> {
  await db
    .update(scenes)
    .set({
      statusId: sql`(SELECT ${sceneStatuses.id} FROM ${sceneStatuses} WHERE ${sceneStatuses.code} = ${code})`,
      updatedAt: now,
    })
    .where(eq(scenes.id, sceneId));
}

export async function findRun(db: Executor, by: { id: number } | { publicId: string }, lock = false) {
  const q = db
    .select()
    .from(sceneRuns)
    .where('id' in by ? eq(sceneRuns.id, by.id) : eq(sceneRuns.publicId, by.publicId));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function liveRunOf(db: Executor, sceneId: number, lock = false) {
  const q = db
    .select()
    .from(sceneRuns)
    .where(and(eq(sceneRuns.sceneId, sceneId), inArray(sceneRuns.status, [...liveRunStatuses])));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findSegment(db: Executor, by: { id: number } | { publicId: string }, lock = false) {
  const q = db
    .select({ segment: segments, status: segmentStatuses.code })
    .from(segments)
    .innerJoin(segmentStatuses, eq(segmentStatuses.id, segments.statusId))
    .where('id' in by ? eq(segments.id, by.id) : eq(segments.publicId, by.publicId));
  const [row] = lock ? await q.for('update', { of: segments }) : await q;
  return row ?? null;
}

/** The current version at each index of a scene, in order. */
export async function currentSegments(db: Executor, sceneId: number) {
  return db
    .select({ segment: segments, status: segmentStatuses.code })
    .from(segments)
    .innerJoin(segmentStatuses, eq(segmentStatuses.id, segments.statusId))
    .where(and(eq(segments.sceneId, sceneId), eq(segments.isCurrent, true)))
    .orderBy(segments.sequenceIndex);
}

export async function nextVersion(db: Executor, sceneId: number, index: number): Promise<number> {
  const [r] = await db
    .select({ v: sql<number>`coalesce(max(${segments.version}), 0)::int` })
    .from(segments)
    .where(and(eq(segments.sceneId, sceneId), eq(segments.sequenceIndex, index)));
  return (r?.v ?? 0) + 1;
}

/** Rows for the views: segments of a scene with their files, jobs and variant. */
export async function segmentViews(db: Executor, where: ReturnType<typeof eq>) {
  return db
    .select({
      segment: segments,
      status: segmentStatuses.code,
      runPublicId: sceneRuns.publicId,
      runPurpose: sceneRuns.purpose,
      scenePublicId: scenes.publicId,
      variantSlug: imageVariantTypes.slug,
      seedFile: sql<string | null>`(SELECT public_id FROM media_files f WHERE f.id = ${segments.seedFileId})`,
      seedThumb: sql<boolean>`(SELECT thumbnail_key IS NOT NULL FROM media_files f WHERE f.id = ${segments.seedFileId})`,
      outputFile: sql<
        string | null
      >`(SELECT public_id FROM media_files f WHERE f.id = ${segments.outputFileId})`,
      outputThumb: sql<boolean>`(SELECT thumbnail_key IS NOT NULL FROM media_files f WHERE f.id = ${segments.outputFileId})`,
      boundaryFile: sql<
        string | null
      >`(SELECT public_id FROM media_files f WHERE f.id = ${segments.boundaryFileId})`,
      boundaryThumb: sql<boolean>`(SELECT thumbnail_key IS NOT NULL FROM media_files f WHERE f.id = ${segments.boundaryFileId})`,
      renderJob: sql<string | null>`(SELECT public_id FROM jobs j WHERE j.id = ${segments.renderJobId})`,
      qaJob: sql<string | null>`(SELECT public_id FROM jobs j WHERE j.id = ${segments.qaJobId})`,
    })
    .from(segments)
    .innerJoin(segmentStatuses, eq(segmentStatuses.id, segments.statusId))
    .innerJoin(scenes, eq(scenes.id, segments.sceneId))
    .leftJoin(sceneRuns, eq(sceneRuns.id, segments.runId))
    .leftJoin(imageVariantTypes, eq(imageVariantTypes.id, segments.variantTypeId))
    .where(where)
    .orderBy(segments.sequenceIndex, desc(segments.version));
}
export type SegmentViewRow = Awaited<ReturnType<typeof segmentViews>>[number];

export async function runViews(db: Executor, where: ReturnType<typeof eq>, limit = 20) {
  return db
    .select({
      run: sceneRuns,
      scenePublicId: scenes.publicId,
      starterPublicId: users.publicId,
      starterName: users.displayName,
    })
    .from(sceneRuns)
    .innerJoin(scenes, eq(scenes.id, sceneRuns.sceneId))
    .leftJoin(users, eq(users.id, sceneRuns.startedByUserId))
    .where(where)
    .orderBy(desc(sceneRuns.startedAt), desc(sceneRuns.id))
    .limit(limit);
}
export type RunViewRow = Awaited<ReturnType<typeof runViews>>[number];

/** Output files of a finished render job (media public ids, in order). */
export async function renderOutputs(db: Executor, jobId: number) {
  const [j] = await db
    .select({ state: jobs.state, result: jobs.result, error: jobs.error, gpuSeconds: jobs.gpuSeconds })
    .from(jobs)
    .where(eq(jobs.id, jobId));
  if (!j) return null;
  const ids = ((j.result as { outputs?: string[] } | null)?.outputs ?? []).filter(
    (x) => typeof x === 'string',
  );
  const files = ids.length
    ? await db
        .select({
          id: mediaFiles.id,
          publicId: mediaFiles.publicId,
          key: mediaFiles.storageKey,
          mime: mediaFiles.mimeType,
        })
        .from(mediaFiles)
        .where(inArray(mediaFiles.publicId, ids))
    : [];
  return { ...j, files };
}

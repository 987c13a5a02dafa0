// SQL of the review queue: which current segments wait for a person, their decisions, counts per state.
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../db/client.js';
import { reviewDecisions } from '../../db/schema/index.js';

export type DecisionRow = typeof reviewDecisions.$inferSelect;

export interface ReviewFilter {
  sceneTypeId?: string | undefined;
  characterId?: string | undefined;
  qa?: 'pass' | 'flag' | 'fail' | undefined;
}

export type StateFilter = 'unreviewed' | 'flagged' | 'approved' | 'rejected' | 'all';

/** The review states partition the reviewable segments: a flag holds a segment whatever its status. */
const stateConditions: Record<StateFilter, SQL> = {
  unreviewed: sql`ss.code IN ('qa_pass', 'qa_fail') AND g.flagged_at IS NULL`,
  flagged: sql`g.flagged_at IS NOT NULL`,
  approved: sql`ss.code = 'approved' AND g.flagged_at IS NULL`,
  rejected: sql`ss.code = 'rejected' AND g.flagged_at IS NULL`,
  all: sql`TRUE`,
};

const fromReviewable = sql`
  FROM segments g
  JOIN segment_statuses ss ON ss.id = g.status_id
  JOIN scenes s ON s.id = g.scene_id
  JOIN scene_statuses sc ON sc.id = s.status_id
  JOIN characters c ON c.id = s.character_id
  JOIN scene_types st ON st.id = s.scene_type_id
  LEFT JOIN scene_runs r ON r.id = g.run_id
  LEFT JOIN users u ON u.id = r.started_by_user_id`;

/** Current, reviewable segments of a project's live characters, narrowed by the filter. */
function baseConditions(projectId: number, f: ReviewFilter): SQL[] {
  const conds = [
    sql`c.project_id = ${projectId}`,
    sql`c.deleted_at IS NULL`,
    sql`g.is_current`,
    sql`ss.code IN ('qa_pass', 'qa_fail', 'approved', 'rejected')`,
  ];
  if (f.sceneTypeId) conds.push(sql`st.public_id = ${f.sceneTypeId}`);
  if (f.characterId) conds.push(sql`c.public_id = ${f.characterId}`);
  if (f.qa) conds.push(sql`g.qa_verdict = ${f.qa}`);
  return conds;
}

export interface ItemRow {
  id: number;
  publicId: string;
  sceneId: number;
  index: number;
  status: string;
  runId: number | null;
  flaggedAt: Date | null;
  scenePublicId: string;
  sceneStatus: string;
  characterPublicId: string;
  characterName: string;
  sceneTypePublicId: string;
  sceneTypeName: string;
  inScene: number;
  generatorUserId: number | null;
  generatorPublicId: string | null;
  generatorName: string | null;
}

const itemColumns = sql`
  g.id, g.public_id AS "publicId", g.scene_id AS "sceneId", g.sequence_index AS index, ss.code AS status,
  g.run_id AS "runId", g.flagged_at AS "flaggedAt", s.public_id AS "scenePublicId", sc.code AS "sceneStatus",
  c.public_id AS "characterPublicId", c.name AS "characterName", st.public_id AS "sceneTypePublicId",
  st.name AS "sceneTypeName",
  (SELECT count(*)::int FROM segments x WHERE x.scene_id = s.id AND x.is_current) AS "inScene",
  r.started_by_user_id AS "generatorUserId", u.public_id AS "generatorPublicId", u.display_name AS "generatorName"`;

function itemOf(r: ItemRow): ItemRow {
  return {
    ...r,
    id: Number(r.id),
    sceneId: Number(r.sceneId),
    runId: r.runId === null ? null : Number(r.runId),
    generatorUserId: r.generatorUserId === null ? null : Number(r.generatorUserId),
    flaggedAt: r.flaggedAt ? new Date(r.flaggedAt) : null,
    inScene: Number(r.inScene),
  };
}

/**
 * One page of the queue in review order: by character name, the scene type's place, scene, then segment index.
 * `after` is the (scene id, index) of the previous page's last item; its sort key is looked up again.
 */
export async function queueItems(
  db: Executor,
  projectId: number,
  f: ReviewFilter & { state: StateFilter },
  after: { sceneId: number; index: number } | undefined,
  limit: number,
): Promise<ItemRow[]> {
  const conds = [...baseConditions(projectId, f), stateConditions[f.state]];
  if (after) {
    conds.push(
      sql`(lower(c.name), st.sort_order, s.id, g.sequence_index) >
          (SELECT lower(c2.name), st2.sort_order, s2.id, ${after.index}::int FROM scenes s2
           JOIN characters c2 ON c2.id = s2.character_id JOIN scene_types st2 ON st2.id = s2.scene_type_id
           WHERE s2.id = ${after.sceneId})`,
    );
  }
  const found = await rows<ItemRow>(
    db,
    sql`SELECT ${itemColumns} ${fromReviewable} WHERE ${sql.join(conds, sql` AND `)}
        ORDER BY lower(c.name), st.sort_order, s.id, g.sequence_index LIMIT ${limit}`,
  );
  return found.map(itemOf);
}

/** The items of the given segments, whatever their state (a decision's answer shows the segment it changed). */
export async function itemsByIds(db: Executor, ids: number[]): Promise<ItemRow[]> {
  if (!ids.length) return [];
  const found = await rows<ItemRow>(
    db,
    sql`SELECT ${itemColumns} ${fromReviewable}
        WHERE g.id IN (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
  return found.map(itemOf);
}

/** Segments matching a filter that a batch approval would approve: reviewable and not approved yet. */
export async function batchCandidates(
  db: Executor,
  projectId: number,
  f: ReviewFilter & { state: StateFilter },
): Promise<ItemRow[]> {
  const conds = [...baseConditions(projectId, f), stateConditions[f.state], sql`ss.code <> 'approved'`];
  const found = await rows<ItemRow>(
    db,
    sql`SELECT ${itemColumns} ${fromReviewable} WHERE ${sql.join(conds, sql` AND `)}
        ORDER BY lower(c.name), st.sort_order, s.id, g.sequence_index`,
  );
  return found.map(itemOf);
}

export async function queueCounts(
  db: Executor,
  projectId: number,
  f: ReviewFilter,
): Promise<Record<StateFilter, number>> {
  const [r] = await rows<Record<StateFilter, number>>(
    db,
    sql`SELECT
          count(*) FILTER (WHERE ${stateConditions.unreviewed})::int AS unreviewed,
          count(*) FILTER (WHERE ${stateConditions.flagged})::int AS flagged,
          count(*) FILTER (WHERE ${stateConditions.approved})::int AS approved,
          count(*) FILTER (WHERE ${stateConditions.rejected})::int AS rejected,
          count(*)::int AS "all"
        ${fromReviewable} WHERE ${sql.join(baseConditions(projectId, f), sql` AND `)}`,
  );
  return {
    unreviewed: Number(r?.unreviewed ?? 0),
    flagged: Number(r?.flagged ?? 0),
    approved: Number(r?.approved ?? 0),
    rejected: Number(r?.rejected ?? 0),
    all: Number(r?.all ?? 0),
  };
}

export interface DecisionViewRow {
  id: number;
  publicId: string;
  segmentId: number;
  segmentPublicId: string;
  scenePublicId: string;
  decision: string;
  reasonCode: string | null;
  note: string;
  segmentVersion: number;
  previousStatus: string;
  batchId: string | null;
  regenerationRunPublicId: string | null;
  deciderPublicId: string | null;
  deciderName: string | null;
  decidedAt: Date;
  undoneAt: Date | null;
}

const decisionSelect = sql`
  SELECT d.id, d.public_id AS "publicId", d.segment_id AS "segmentId", g.public_id AS "segmentPublicId",
    s.public_id AS "scenePublicId", d.decision, d.reason_code AS "reasonCode", d.note,
    d.segment_version AS "segmentVersion", d.previous_status AS "previousStatus", d.batch_id AS "batchId",
    rr.public_id AS "regenerationRunPublicId", u.public_id AS "deciderPublicId", u.display_name AS "deciderName",
    d.decided_at AS "decidedAt", d.undone_at AS "undoneAt"
  FROM review_decisions d
  JOIN segments g ON g.id = d.segment_id
  JOIN scenes s ON s.id = d.scene_id
  LEFT JOIN scene_runs rr ON rr.id = d.regeneration_run_id
  LEFT JOIN users u ON u.id = d.decided_by_user_id`;

function decisionOf(r: DecisionViewRow): DecisionViewRow {
  return {
    ...r,
    id: Number(r.id),
    segmentId: Number(r.segmentId),
    segmentVersion: Number(r.segmentVersion),
    decidedAt: new Date(r.decidedAt),
    undoneAt: r.undoneAt ? new Date(r.undoneAt) : null,
  };
}

export async function decisionViews(db: Executor, ids: number[]): Promise<DecisionViewRow[]> {
  if (!ids.length) return [];
  const found = await rows<DecisionViewRow>(
    db,
    sql`${decisionSelect} WHERE d.id IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}) ORDER BY d.decided_at DESC, d.id DESC`,
  );
  return found.map(decisionOf);
}

/** The latest decision not undone on each of the given segments. */
export async function latestDecisions(db: Executor, segmentIds: number[]): Promise<DecisionViewRow[]> {
  if (!segmentIds.length) return [];
  const found = await rows<DecisionViewRow>(
    db,
    sql`SELECT DISTINCT ON (x."segmentId") x.* FROM (${decisionSelect}
          WHERE d.undone_at IS NULL AND d.segment_id IN (${sql.join(
            segmentIds.map((id) => sql`${id}`),
            sql`, `,
          )})) x
        ORDER BY x."segmentId", x."decidedAt" DESC, x.id DESC`,
  );
  return found.map(decisionOf);
}

/**
 * What an undo takes back: the given batch of the user's, or the user's latest decision in the project not undone
 * (with the rest of its batch when it was part of one). Locked, newest first.
 */
export async function undoable(
  tx: Executor,
  projectId: number,
  userId: number,
  batchId: string | undefined,
): Promise<DecisionRow[]> {
  let batch = batchId ?? null;
  if (!batch) {
    const [latest] = await tx
      .select()
      .from(reviewDecisions)
      .where(
        sql`${reviewDecisions.projectId} = ${projectId} AND ${reviewDecisions.decidedByUserId} = ${userId}
            AND ${reviewDecisions.undoneAt} IS NULL`,
      )
      .orderBy(sql`${reviewDecisions.decidedAt} DESC, ${reviewDecisions.id} DESC`)
      .limit(1)
      .for('update');
    if (!latest) return [];
    if (!latest.batchId) return [latest];
    batch = latest.batchId;
  }
  return tx
    .select()
    .from(reviewDecisions)
    .where(
      sql`${reviewDecisions.projectId} = ${projectId} AND ${reviewDecisions.decidedByUserId} = ${userId}
          AND ${reviewDecisions.undoneAt} IS NULL AND ${reviewDecisions.batchId} = ${batch}`,
    )
    .orderBy(sql`${reviewDecisions.decidedAt} DESC, ${reviewDecisions.id} DESC`)
    .for('update');
}

/** A decision on the segment made after the given one and not undone (by anyone): an undo would overwrite it. */
export async function laterDecision(
  tx: Executor,
  d: DecisionRow,
): Promise<{ decider: string | null } | null> {
  const [r] = await rows<{ decider: string | null }>(
    tx,
    sql`SELECT u.display_name AS decider FROM review_decisions d LEFT JOIN users u ON u.id = d.decided_by_user_id
        WHERE d.segment_id = ${d.segmentId} AND d.undone_at IS NULL AND d.id <> ${d.id}
          AND (d.decided_at, d.id) > (${d.decidedAt.toISOString()}::timestamptz, ${d.id}::bigint)
        LIMIT 1`,
  );
  return r ?? null;
}

/** The latest approval not undone of a segment: who approved it and when (restored when a rejection is undone). */
export async function latestApproval(
  tx: Executor,
  segmentId: number,
): Promise<{ userId: number | null; at: Date } | null> {
  const [r] = await rows<{ user_id: number | null; at: Date }>(
    tx,
    sql`SELECT decided_by_user_id AS user_id, decided_at AS at FROM review_decisions
        WHERE segment_id = ${segmentId} AND decision = 'approve' AND undone_at IS NULL
        ORDER BY decided_at DESC, id DESC LIMIT 1`,
  );
  return r ? { userId: r.user_id === null ? null : Number(r.user_id), at: new Date(r.at) } : null;
}

/** Later segments generated by the same run after an approval let it go on (undoing it would orphan them). */
export async function runWentOnAfter(tx: Executor, runId: number, index: number, since: Date) {
  const [r] = await rows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM segments
        WHERE run_id = ${runId} AND sequence_index > ${index} AND created_at >= ${since.toISOString()}::timestamptz`,
  );
  return Number(r?.n ?? 0) > 0;
}

/** The latest scene run of a purpose, and whether any run other than a test shot is live. */
export async function runState(tx: Executor, sceneId: number) {
  const [r] = await rows<{ latest: string | null; live: boolean }>(
    tx,
    sql`SELECT
          (SELECT status FROM scene_runs WHERE scene_id = ${sceneId} AND purpose = 'generate'
           ORDER BY started_at DESC, id DESC LIMIT 1) AS latest,
          EXISTS (SELECT 1 FROM scene_runs WHERE scene_id = ${sceneId} AND purpose <> 'test_shot'
                  AND status IN ('running', 'awaiting_boundary', 'needs_attention')) AS live`,
  );
  return { latestGenerate: r?.latest ?? null, live: Boolean(r?.live) };
}

/** Who started the runs behind the current segments of a scene (independent approval, PRD-003). */
export async function generatorsOf(tx: Executor, sceneId: number): Promise<number[]> {
  const found = await rows<{ id: number }>(
    tx,
    sql`SELECT DISTINCT r.started_by_user_id AS id FROM segments g JOIN scene_runs r ON r.id = g.run_id
        WHERE g.scene_id = ${sceneId} AND g.is_current AND r.started_by_user_id IS NOT NULL`,
  );
  return found.map((r) => Number(r.id));
}

export async function projectOfScene(tx: Executor, sceneId: number) {
  const [r] = await rows<{ id: number; settings: unknown }>(
    tx,
    sql`SELECT p.id, p.settings FROM scenes s JOIN characters c ON c.id = s.character_id
        JOIN projects p ON p.id = c.project_id WHERE s.id = ${sceneId}`,
  );
  return r ? { id: Number(r.id), settings: r.settings } : null;
}

/** Decisions on one scene queue behind each other (the scene row first, then its segments). */
export async function lockScene(tx: Executor, sceneId: number): Promise<void> {
  await tx.execute(sql`SELECT id FROM scenes WHERE id = ${sceneId} FOR UPDATE`);
}

export async function sceneStatusOf(tx: Executor, sceneId: number): Promise<string> {
  const [r] = await rows<{ code: string }>(
    tx,
    sql`SELECT sc.code FROM scenes s JOIN scene_statuses sc ON sc.id = s.status_id WHERE s.id = ${sceneId}`,
  );
  return r?.code ?? 'pending';
}

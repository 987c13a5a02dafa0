// SQL for notes and their mentions.
import type { NoteCategory, NoteEntityType } from '@i2v/contracts';
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import {
  characters,
  noteMentions,
  notes,
  projects,
  roles,
  scenes,
  sceneVideoVersions,
  segments,
  users,
} from '../../db/schema/index.js';

const author = alias(users, 'note_author');
const resolver = alias(users, 'note_resolver');
const parent = alias(notes, 'note_parent');

/** The key column of each entity type (`project` notes are keyed by their project). */
export const entityColumn = {
  project: notes.projectId,
  character: notes.characterId,
  scene: notes.sceneId,
  segment: notes.segmentId,
  video_version: notes.videoVersionId,
} as const;

const selection = {
  id: notes.id,
  publicId: notes.publicId,
  projectId: notes.projectId,
  projectPublicId: projects.publicId,
  entityType: notes.entityType,
  entityPublicId: sql<string>`CASE ${notes.entityType}
    WHEN 'project' THEN ${projects.publicId}
    WHEN 'character' THEN (SELECT public_id FROM ${characters} WHERE id = ${notes.characterId})
    WHEN 'scene' THEN (SELECT public_id FROM ${scenes} WHERE id = ${notes.sceneId})
    WHEN 'segment' THEN (SELECT public_id FROM ${segments} WHERE id = ${notes.segmentId})
    ELSE (SELECT public_id FROM ${sceneVideoVersions} WHERE id = ${notes.videoVersionId}) END`,
  parentId: notes.parentId,
  parentPublicId: parent.publicId,
  frame: notes.frame,
  body: notes.body,
  category: notes.category,
  visibility: notes.visibility,
  failureTags: notes.failureTags,
  pinned: notes.pinned,
  pinnedAt: notes.pinnedAt,
  resolvedAt: notes.resolvedAt,
  resolverPublicId: resolver.publicId,
  resolverName: resolver.displayName,
  authorUserId: notes.authorUserId,
  authorPublicId: author.publicId,
  authorName: author.displayName,
  mentions: sql<{ id: string; displayName: string }[]>`coalesce((
    SELECT json_agg(json_build_object('id', u.public_id, 'displayName', u.display_name) ORDER BY m.id)
    FROM ${noteMentions} m JOIN ${users} u ON u.id = m.user_id WHERE m.note_id = ${notes.id}), '[]'::json)`,
  editedAt: notes.editedAt,
  deletedAt: notes.deletedAt,
  createdAt: notes.createdAt,
  updatedAt: notes.updatedAt,
};
export type NoteRow = Awaited<ReturnType<typeof selectNotes>>[number];

function selectNotes(db: Executor) {
  return db
    .select(selection)
    .from(notes)
    .innerJoin(projects, eq(projects.id, notes.projectId))
    .innerJoin(author, eq(author.id, notes.authorUserId))
    .leftJoin(resolver, eq(resolver.id, notes.resolvedByUserId))
    .leftJoin(parent, eq(parent.id, notes.parentId));
}

export async function findNote(db: Executor, publicId: string, lock = false): Promise<NoteRow | null> {
  const q = selectNotes(db).where(eq(notes.publicId, publicId));
  const found = lock ? await q.for('update', { of: notes }) : await q;
  return found[0] ?? null;
}

export async function insertNote(db: Executor, row: typeof notes.$inferInsert): Promise<number> {
  const [inserted] = await db.insert(notes).values(row).returning({ id: notes.id });
  return inserted!.id;
}

export async function updateNote(
  db: Executor,
  id: number,
  set: Partial<typeof notes.$inferInsert>,
): Promise<void> {
  await db.update(notes).set(set).where(eq(notes.id, id));
}

export interface ThreadFilter {
  entityType: NoteEntityType;
  entityId: number;
  /** Reviewers see team notes only. */
  teamOnly: boolean;
  category?: NoteCategory | undefined;
  tag?: string | undefined;
  pinned?: boolean | undefined;
  resolved?: boolean | undefined;
  order: 'newest' | 'oldest' | 'frame';
  limit: number;
  after?: number[] | undefined;
}

const noFrame = 2_147_483_647;

function threadWhere(f: Omit<ThreadFilter, 'order' | 'limit' | 'after'>): SQL {
  return and(
    eq(entityColumn[f.entityType], f.entityId),
    eq(notes.entityType, f.entityType),
    isNull(notes.parentId),
    f.teamOnly ? eq(notes.visibility, 'team') : undefined,
    f.category ? eq(notes.category, f.category) : undefined,
    f.tag ? sql`${notes.failureTags} @> ARRAY[${f.tag}]::text[]` : undefined,
    f.pinned === undefined ? undefined : eq(notes.pinned, f.pinned),
    f.resolved === undefined
      ? undefined
      : f.resolved
        ? isNotNull(notes.resolvedAt)
        : isNull(notes.resolvedAt),
    // a deleted first note stays while its thread has live replies
    or(
      isNull(notes.deletedAt),
      sql`EXISTS (SELECT 1 FROM ${notes} r WHERE r.parent_id = ${notes.id} AND r.deleted_at IS NULL)`,
    ),
  )!;
}

/** One page of threads (first notes) of an entity and the number of threads matching the filter. */
export async function listThreads(
  db: Executor,
  f: ThreadFilter,
): Promise<{ rows: NoteRow[]; total: number }> {
  const frameKey = sql`coalesce(${notes.frame}, ${noFrame})`;
  const cursor =
    f.after === undefined
      ? undefined
      : f.order === 'newest'
        ? lt(notes.id, f.after[0]!)
        : f.order === 'oldest'
          ? gt(notes.id, f.after[0]!)
          : sql`(${frameKey}, ${notes.id}) > (${f.after[0]!}, ${f.after[1]!})`;
  const order =
    f.order === 'newest'
      ? [desc(notes.id)]
      : f.order === 'oldest'
        ? [asc(notes.id)]
        : [asc(frameKey), asc(notes.id)];
  const where = threadWhere(f);
  const [rows, [count]] = await Promise.all([
    selectNotes(db)
      .where(and(where, cursor))
      .orderBy(...order)
      .limit(f.limit + 1),
    db.select({ n: sql<number>`count(*)::int` }).from(notes).where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

/** The live replies of the given threads, oldest first. */
export async function repliesOf(db: Executor, threadIds: number[]): Promise<NoteRow[]> {
  if (threadIds.length === 0) return [];
  return selectNotes(db)
    .where(and(inArray(notes.parentId, threadIds), isNull(notes.deletedAt)))
    .orderBy(asc(notes.id));
}

export async function liveReplyCount(db: Executor, threadId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notes)
    .where(and(eq(notes.parentId, threadId), isNull(notes.deletedAt)));
  return row?.n ?? 0;
}

export async function mentionedUserIds(db: Executor, noteId: number): Promise<number[]> {
  const found = await db
    .select({ userId: noteMentions.userId })
    .from(noteMentions)
    .where(eq(noteMentions.noteId, noteId));
  return found.map((f) => f.userId);
}

/** Makes the note's mentions exactly `userIds`; returns the users newly mentioned. */
export async function replaceMentions(db: Executor, noteId: number, userIds: number[]): Promise<number[]> {
  const before = new Set(await mentionedUserIds(db, noteId));
  const wanted = new Set(userIds);
  const gone = [...before].filter((u) => !wanted.has(u));
  const added = [...wanted].filter((u) => !before.has(u));
  if (gone.length) {
    await db
      .delete(noteMentions)
      .where(and(eq(noteMentions.noteId, noteId), inArray(noteMentions.userId, gone)));
  }
  if (added.length) {
    await db
      .insert(noteMentions)
      .values(added.map((userId) => ({ noteId, userId })))
      .onConflictDoNothing();
  }
  return added;
}

/** Active users who may be mentioned: id, public id, display name, role. */
export async function mentionableUsers(db: Executor) {
  return db
    .select({ id: users.id, publicId: users.publicId, displayName: users.displayName, role: roles.code })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(isNull(users.deactivatedAt));
}

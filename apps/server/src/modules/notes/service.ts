// Notes (PRD-038 review notes, PRD-095 production notes): threaded notes on a project, character, scene, segment or
// scene video version; at a frame of its video when it has one; categorised, tagged with failure tags, pinned as a
// banner, resolved, edited and soft-deleted by their author (admins delete any). @mentions notify the people named.
import type {
  EventType,
  FailureTag,
  Note,
  NoteCategory,
  NoteEntityType,
  NoteThread,
  NoteVisibility,
} from '@i2v/contracts';
import type { RoleName } from '@i2v/domain';
import { roleCan } from '@i2v/domain';
import { eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { notes } from '../../db/schema/index.js';
import type { Clock } from '../../platform/clock.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { AppError } from '../../platform/errors.js';
import { newPublicId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { Storage } from '../../platform/storage.js';
import type { AuditService } from '../audit/service.js';
import type { EventBus, EventDraft } from '../events/bus.js';
import type { NotificationsService } from '../events/notifications.js';
import { assertFrame, type EntityRef, entityVideo, framesOf, resolveEntity, timecodeOf } from './entities.js';
import { parseMentions } from './mentions.js';
import * as repo from './repo.js';

/** Who is reading or writing: their row id, public id and role. */
export interface Viewer {
  id: number;
  publicId: string;
  displayName: string;
  role: RoleName;
}

export interface NoteInput {
  body: string;
  frame?: number | undefined;
  category?: NoteCategory | undefined;
  visibility?: NoteVisibility | undefined;
  failureTags?: FailureTag[] | undefined;
  mentions?: string[] | undefined;
}

export interface NoteListQuery {
  entityType: NoteEntityType;
  entityId: string;
  category?: NoteCategory | undefined;
  tag?: FailureTag | undefined;
  pinned?: boolean | undefined;
  resolved?: boolean | undefined;
  order: 'newest' | 'oldest' | 'frame';
  limit: number;
  cursor?: string | undefined;
}

type Emit = <E extends EventType>(d: EventDraft<E>) => Promise<void>;

const noteNotFound = (id: string) => new AppError('note.not_found', `No note with id ${id}.`);
const maxBody = 10_000;
const excerpt = (s: string, n = 140) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export class NotesService {
  constructor(
    private readonly d: {
      db: Db;
      clock: Clock;
      audit: AuditService;
      bus: EventBus;
      notifications: NotificationsService;
      storage: Storage;
    },
  ) {}

  /** Threads of an entity, filtered and paged; reviewers see team notes only. */
  async list(
    viewer: Viewer,
    q: NoteListQuery,
  ): Promise<{ items: NoteThread[]; nextCursor: string | null; total: number }> {
    const entity = await resolveEntity(this.d.db, q.entityType, q.entityId);
    const after = q.cursor
      ? (decodeCursor(q.cursor, q.order === 'frame' ? ['number', 'number'] : ['number']) as number[])
      : undefined;
    const { rows, total } = await repo.listThreads(this.d.db, {
      entityType: entity.type,
      entityId: entity.id,
      teamOnly: !this.seesInternal(viewer),
      category: q.category,
      tag: q.tag,
      pinned: q.pinned,
      resolved: q.resolved,
      order: q.order,
      limit: q.limit,
      after,
    });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > q.limit && last
        ? encodeCursor(q.order === 'frame' ? [last.frame ?? 2_147_483_647, last.id] : [last.id])
        : null;
    const fps = await this.fpsOf(entity);
    const replies = await repo.repliesOf(
      this.d.db,
      page.map((r) => r.id),
    );
    return {
      items: page.map((r) => ({
        ...this.toDto(r, fps),
        replies: replies.filter((x) => x.parentId === r.id).map((x) => this.toDto(x, fps)),
      })),
      nextCursor,
      total,
    };
  }

  /** Active users whose display name (or a word of it) starts with `q`, for the composer's @mention autocomplete. */
  async people(q: string, limit: number) {
    const needle = q.trim().toLowerCase();
    const everyone = await repo.mentionableUsers(this.d.db);
    const matches = everyone
      .filter(
        (p) =>
          !needle ||
          p.displayName.toLowerCase().startsWith(needle) ||
          p.displayName
            .toLowerCase()
            .split(/\s+/)
            .some((w) => w.startsWith(needle)),
      )
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
      .slice(0, limit);
    return {
      items: matches.map((p) => ({ id: p.publicId, displayName: p.displayName, role: p.role as RoleName })),
    };
  }

  /** A thread: the note (or the thread a reply belongs to) with its replies. */
  async thread(viewer: Viewer, publicId: string): Promise<NoteThread> {
    const row = await this.visible(this.d.db, viewer, publicId);
    const rootId = row.parentPublicId ?? row.publicId;
    const root = rootId === row.publicId ? row : await this.visible(this.d.db, viewer, rootId);
    const entity = await resolveEntity(this.d.db, root.entityType as NoteEntityType, root.entityPublicId);
    const fps = await this.fpsOf(entity);
    const replies = await repo.repliesOf(this.d.db, [root.id]);
    return { ...this.toDto(root, fps), replies: replies.map((x) => this.toDto(x, fps)) };
  }

  async create(
    ctx: RequestContext,
    viewer: Viewer,
    target: { entityType: NoteEntityType; entityId: string },
    input: NoteInput,
  ): Promise<NoteThread> {
    const body = this.checkBody(input.body);
    const visibility = input.visibility ?? 'team';
    this.checkVisibility(viewer, visibility);
    const entity = await resolveEntity(this.d.db, target.entityType, target.entityId);
    if (input.frame !== undefined) await this.checkFrame(entity, input.frame);
    const publicId = newPublicId();
    await this.d.bus.transaction(async (tx, emit) => {
      const id = await repo.insertNote(tx, {
        publicId,
        projectId: entity.projectId,
        entityType: entity.type,
        ...this.entityKey(entity),
        frame: input.frame ?? null,
        body,
        category: input.category ?? 'general',
        visibility,
        failureTags: unique(input.failureTags ?? []),
        authorUserId: viewer.id,
      });
      const mentioned = await this.mention(
        tx,
        emit,
        viewer,
        entity,
        { id, publicId, body, visibility },
        input.mentions,
      );
      await this.d.audit.record(tx, ctx, {
        action: 'note.created',
        entityType: entity.type,
        entityId: entity.publicId,
        summary: `Added a ${input.category ?? 'general'} note on ${entity.label}${input.frame !== undefined ? ` at frame ${input.frame}` : ''}`,
        details: {
          noteId: publicId,
          frame: input.frame ?? null,
          failureTags: input.failureTags ?? [],
          mentioned,
        },
      });
      await this.changed(emit, entity, publicId, publicId, 'created');
    });
    return this.thread(viewer, publicId);
  }

  async reply(
    ctx: RequestContext,
    viewer: Viewer,
    notePublicId: string,
    input: Pick<NoteInput, 'body' | 'failureTags' | 'mentions'>,
  ): Promise<NoteThread> {
    const body = this.checkBody(input.body);
    const target = await this.visible(this.d.db, viewer, notePublicId);
    const rootPublicId = target.parentPublicId ?? target.publicId;
    const entity = await resolveEntity(this.d.db, target.entityType as NoteEntityType, target.entityPublicId);
    const publicId = newPublicId();
    await this.d.bus.transaction(async (tx, emit) => {
      const root = await repo.findNote(tx, rootPublicId, true);
      if (!root) throw noteNotFound(rootPublicId);
      const id = await repo.insertNote(tx, {
        publicId,
        projectId: root.projectId,
        entityType: root.entityType,
        ...this.entityKey(entity),
        parentId: root.id,
        body,
        category: root.category,
        visibility: root.visibility,
        failureTags: unique(input.failureTags ?? []),
        authorUserId: viewer.id,
      });
      const mentioned = await this.mention(
        tx,
        emit,
        viewer,
        entity,
        { id, publicId, body, visibility: root.visibility as NoteVisibility },
        input.mentions,
      );
      await this.d.audit.record(tx, ctx, {
        action: 'note.replied',
        entityType: entity.type,
        entityId: entity.publicId,
        summary: `Replied to a note on ${entity.label}`,
        details: { noteId: publicId, threadId: rootPublicId, mentioned },
      });
      await this.changed(emit, entity, publicId, rootPublicId, 'created');
    });
    return this.thread(viewer, rootPublicId);
  }

  /** Edits the author's own note; its mentions follow the new body (newly mentioned people are notified). */
  async update(
    ctx: RequestContext,
    viewer: Viewer,
    publicId: string,
    input: Partial<Omit<NoteInput, 'frame'>> & { frame?: number | null | undefined },
  ): Promise<NoteThread> {
    const current = await this.visible(this.d.db, viewer, publicId);
    const entity = await resolveEntity(
      this.d.db,
      current.entityType as NoteEntityType,
      current.entityPublicId,
    );
    const isReply = current.parentId !== null;
    if (
      isReply &&
      (input.frame !== undefined || input.category !== undefined || input.visibility !== undefined)
    ) {
      const field =
        input.frame !== undefined ? 'frame' : input.category !== undefined ? 'category' : 'visibility';
      throw new AppError(
        'note.invalid',
        `A reply takes its ${field} from its thread; change the first note.`,
        [{ field: `body.${field}`, message: 'cannot be set on a reply' }],
      );
    }
    const body = input.body === undefined ? undefined : this.checkBody(input.body);
    if (input.visibility) this.checkVisibility(viewer, input.visibility);
    if (input.frame !== undefined && input.frame !== null) await this.checkFrame(entity, input.frame);
    await this.d.bus.transaction(async (tx, emit) => {
      const row = await repo.findNote(tx, publicId, true);
      if (!row || row.deletedAt) throw noteNotFound(publicId);
      if (row.authorUserId !== viewer.id) {
        throw new AppError('note.not_yours', 'Only its author can edit a note.');
      }
      const now = this.d.clock.now();
      const visibility = (input.visibility ?? row.visibility) as NoteVisibility;
      await repo.updateNote(tx, row.id, {
        ...(body !== undefined ? { body } : {}),
        ...(input.frame !== undefined ? { frame: input.frame } : {}),
        ...(input.category ? { category: input.category } : {}),
        ...(input.visibility ? { visibility: input.visibility } : {}),
        ...(input.failureTags ? { failureTags: unique(input.failureTags) } : {}),
        editedAt: now,
        updatedAt: now,
      });
      if (input.visibility && !isReply) {
        // replies follow their thread's visibility
        await tx
          .update(notes)
          .set({ visibility: input.visibility, updatedAt: now })
          .where(eq(notes.parentId, row.id));
      }
      let mentioned: string[] = [];
      if (body !== undefined || input.mentions !== undefined) {
        mentioned = await this.mention(
          tx,
          emit,
          viewer,
          entity,
          { id: row.id, publicId, body: body ?? row.body, visibility },
          input.mentions,
        );
      }
      await this.d.audit.record(tx, ctx, {
        action: 'note.edited',
        entityType: entity.type,
        entityId: entity.publicId,
        summary: `Edited a note on ${entity.label}`,
        details: {
          noteId: publicId,
          fields: Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined),
          mentioned,
        },
      });
      await this.changed(emit, entity, publicId, row.parentPublicId ?? publicId, 'updated');
    });
    return this.thread(viewer, row0(current));
  }

  /** Soft-deletes a note: its author's, or anyone's for an admin. A thread with live replies keeps its place. */
  async remove(ctx: RequestContext, viewer: Viewer, publicId: string): Promise<void> {
    const current = await this.visible(this.d.db, viewer, publicId);
    const entity = await resolveEntity(
      this.d.db,
      current.entityType as NoteEntityType,
      current.entityPublicId,
    );
    await this.d.bus.transaction(async (tx, emit) => {
      const row = await repo.findNote(tx, publicId, true);
      if (!row || row.deletedAt) throw noteNotFound(publicId);
      if (row.authorUserId !== viewer.id && viewer.role !== 'admin') {
        throw new AppError('note.not_yours', 'Only its author or an admin can delete a note.');
      }
      const now = this.d.clock.now();
      await repo.updateNote(tx, row.id, { deletedAt: now, pinned: false, pinnedAt: null, updatedAt: now });
      await this.d.audit.record(tx, ctx, {
        action: 'note.deleted',
        entityType: entity.type,
        entityId: entity.publicId,
        summary: `Deleted a note by ${row.authorName} on ${entity.label}`,
        details: { noteId: publicId, authorId: row.authorPublicId, body: excerpt(row.body, 500) },
      });
      await this.changed(emit, entity, publicId, row.parentPublicId ?? publicId, 'deleted');
    });
  }

  /** Pins or unpins a thread (a pinned thread shows as a banner on its entity). */
  async pin(ctx: RequestContext, viewer: Viewer, publicId: string, pinned: boolean): Promise<NoteThread> {
    return this.threadFlag(ctx, viewer, publicId, pinned ? 'note.pinned' : 'note.unpinned', (now) =>
      pinned ? { pinned: true, pinnedAt: now } : { pinned: false, pinnedAt: null },
    );
  }

  /** Resolves or reopens a thread. */
  async resolve(
    ctx: RequestContext,
    viewer: Viewer,
    publicId: string,
    resolved: boolean,
  ): Promise<NoteThread> {
    return this.threadFlag(ctx, viewer, publicId, resolved ? 'note.resolved' : 'note.reopened', (now) =>
      resolved
        ? { resolvedAt: now, resolvedByUserId: viewer.id }
        : { resolvedAt: null, resolvedByUserId: null },
    );
  }

  private async threadFlag(
    ctx: RequestContext,
    viewer: Viewer,
    publicId: string,
    action: string,
    set: (now: Date) => Partial<typeof notes.$inferInsert>,
  ): Promise<NoteThread> {
    const current = await this.visible(this.d.db, viewer, publicId);
    if (current.parentId !== null) {
      throw new AppError('note.not_a_thread', 'Pin and resolve the first note of a thread, not a reply.');
    }
    if (current.deletedAt) throw noteNotFound(publicId);
    const entity = await resolveEntity(
      this.d.db,
      current.entityType as NoteEntityType,
      current.entityPublicId,
    );
    await this.d.bus.transaction(async (tx, emit) => {
      const row = await repo.findNote(tx, publicId, true);
      if (!row || row.deletedAt) throw noteNotFound(publicId);
      const now = this.d.clock.now();
      const changes = set(now);
      const already =
        ('pinned' in changes && changes.pinned === row.pinned) ||
        ('resolvedAt' in changes && (changes.resolvedAt === null) === (row.resolvedAt === null));
      if (already) return;
      await repo.updateNote(tx, row.id, { ...changes, updatedAt: now });
      const verb = action.split('.')[1];
      await this.d.audit.record(tx, ctx, {
        action,
        entityType: entity.type,
        entityId: entity.publicId,
        summary: `${verb![0]!.toUpperCase()}${verb!.slice(1)} a note on ${entity.label}`,
        details: { noteId: publicId },
      });
      await this.changed(emit, entity, publicId, publicId, 'updated');
    });
    return this.thread(viewer, publicId);
  }

  /** Records the note's mentions and notifies whoever is newly mentioned (not the author, not who cannot see it). */
  private async mention(
    tx: Executor,
    emit: Emit,
    viewer: Viewer,
    entity: EntityRef,
    note: { id: number; publicId: string; body: string; visibility: NoteVisibility },
    explicit: string[] | undefined,
  ): Promise<string[]> {
    const people = await repo.mentionableUsers(tx);
    const chosen = new Map<number, (typeof people)[number]>();
    for (const [i, id] of (explicit ?? []).entries()) {
      const person = people.find((p) => p.publicId === id);
      if (!person) {
        throw new AppError('note.mention_unknown', `There is no active user with id ${id} to mention.`, [
          { field: `body.mentions.${i}`, message: 'is not an active user' },
        ]);
      }
      chosen.set(person.id, person);
    }
    for (const person of parseMentions(note.body, people)) chosen.set(person.id, person);
    const seeing = [...chosen.values()].filter(
      (p) => note.visibility === 'team' || roleCan(p.role as RoleName, 'content.write'),
    );
    const added = await repo.replaceMentions(
      tx,
      note.id,
      seeing.map((p) => p.id),
    );
    for (const userId of added) {
      if (userId === viewer.id) continue;
      const person = chosen.get(userId)!;
      await this.d.notifications.notify(tx, emit, userId, person.publicId, {
        kind: 'note.mentioned',
        level: 'info',
        title: `${viewer.displayName} mentioned you on ${entity.label}`,
        body: excerpt(note.body, 300),
        link: `${entity.link}?note=${note.publicId}`,
      });
    }
    return seeing.map((p) => p.publicId);
  }

  private async changed(
    emit: Emit,
    entity: EntityRef,
    noteId: string,
    threadId: string,
    action: 'created' | 'updated' | 'deleted',
  ): Promise<void> {
    await emit({
      type: 'note.changed',
      projectId: entity.projectPublicId,
      userId: null,
      payload: { noteId, threadId, entityType: entity.type, entityId: entity.publicId, action },
    });
  }

  private async visible(db: Executor, viewer: Viewer, publicId: string): Promise<repo.NoteRow> {
    const row = await repo.findNote(db, publicId);
    if (!row || (row.visibility === 'internal' && !this.seesInternal(viewer))) throw noteNotFound(publicId);
    return row;
  }

  private seesInternal(viewer: Viewer): boolean {
    return roleCan(viewer.role, 'content.write');
  }

  private checkVisibility(viewer: Viewer, visibility: NoteVisibility): void {
    if (visibility === 'internal' && !this.seesInternal(viewer)) {
      throw new AppError('auth.forbidden', 'Internal notes are for creators and admins; write a team note.', [
        { field: 'body.visibility', message: 'internal needs the content.write permission' },
      ]);
    }
  }

  private checkBody(body: string): string {
    const trimmed = body.trim();
    if (!trimmed) {
      throw new AppError('note.body_empty', 'A note needs some text.', [
        { field: 'body.body', message: 'is empty' },
      ]);
    }
    if (trimmed.length > maxBody) {
      throw new AppError('note.invalid', `A note has at most ${maxBody} characters.`, [
        { field: 'body.body', message: `is longer than ${maxBody} characters` },
      ]);
    }
    return trimmed;
  }

  private async checkFrame(entity: EntityRef, frame: number): Promise<void> {
    const video = await entityVideo(this.d.db, entity);
    if (!video) {
      throw new AppError(
        'frame.out_of_range',
        `${entity.label} has no video, so a note on it cannot name a frame.`,
        [{ field: 'body.frame', message: 'the entity has no video' }],
      );
    }
    const { frameCount } = await framesOf(this.d.storage, video);
    assertFrame(frame, frameCount, 'body.frame', `the video of ${entity.label}`);
  }

  private async fpsOf(entity: EntityRef): Promise<number | null> {
    const video = await entityVideo(this.d.db, entity);
    return video?.fps ?? null;
  }

  private entityKey(entity: EntityRef) {
    switch (entity.type) {
      case 'project':
        return {};
      case 'character':
        return { characterId: entity.id };
      case 'scene':
        return { sceneId: entity.id };
      case 'segment':
        return { segmentId: entity.id };
      case 'video_version':
        return { videoVersionId: entity.id };
    }
  }

  private toDto(r: repo.NoteRow, fps: number | null): Note {
    const deleted = r.deletedAt !== null;
    return {
      id: r.publicId,
      projectId: r.projectPublicId,
      entityType: r.entityType as NoteEntityType,
      entityId: r.entityPublicId,
      threadId: r.parentPublicId ?? r.publicId,
      parentId: r.parentPublicId,
      frame: r.frame,
      timecode: r.frame === null ? null : timecodeOf(r.frame, fps),
      body: deleted ? '' : r.body,
      category: r.category as NoteCategory,
      visibility: r.visibility as NoteVisibility,
      failureTags: r.failureTags as FailureTag[],
      pinned: r.pinned,
      pinnedAt: r.pinnedAt?.toISOString() ?? null,
      resolved: r.resolvedAt !== null,
      resolvedAt: r.resolvedAt?.toISOString() ?? null,
      resolvedBy: r.resolverPublicId ? { id: r.resolverPublicId, displayName: r.resolverName ?? '' } : null,
      author: { id: r.authorPublicId, displayName: r.authorName },
      mentions: deleted ? [] : r.mentions,
      editedAt: r.editedAt?.toISOString() ?? null,
      deleted,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  }
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
const row0 = (r: repo.NoteRow) => r.parentPublicId ?? r.publicId;

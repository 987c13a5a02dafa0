// Output profiles (PRD-039 §1.5): studio-wide delivery specifications. Presets ship with the studio and are read-only
// (duplicate one to change it); a profile no encoder could honour is refused when saved, naming the fields.
import type { CreateOutputProfileBody, OutputProfile, UpdateOutputProfileBody } from '@i2v/contracts';
import { type OutputProfileSpec, profileProblems } from '@i2v/domain';
import { and, asc, eq, getTableColumns, gt, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { outputProfiles, renditions, users } from '../../db/schema/index.js';
import type { Clock } from '../../platform/clock.js';
import { decodeNameCursor, pageOf } from '../../platform/cursor.js';
import { AppError } from '../../platform/errors.js';
import { newPublicId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/service.js';
import type { MediaService } from '../media/service.js';

export type OutputProfileRow = typeof outputProfiles.$inferSelect;

const specKeys = [
  'container',
  'videoCodec',
  'width',
  'height',
  'fps',
  'crf',
  'bitrateKbps',
  'pixelFormat',
  'audio',
] as const satisfies readonly (keyof OutputProfileSpec)[];

/** The encoding part of a profile: what a rendition records as used, to tell later whether it is stale. */
export function specOf(r: Pick<OutputProfileRow, (typeof specKeys)[number]>): OutputProfileSpec {
  return {
    container: r.container as OutputProfileSpec['container'],
    videoCodec: r.videoCodec as OutputProfileSpec['videoCodec'],
    width: r.width,
    height: r.height,
    fps: r.fps,
    crf: r.crf,
    bitrateKbps: r.bitrateKbps,
    pixelFormat: r.pixelFormat,
    audio: r.audio as OutputProfileSpec['audio'],
  };
}

const notFound = (id: string) => new AppError('output_profile.not_found', `No output profile with id ${id}.`);
const nameTaken = (name: string) =>
  new AppError('output_profile.name_taken', `An output profile named "${name}" already exists.`, [
    { field: 'body.name', message: 'is already used' },
  ]);
const presetReadOnly = (name: string) =>
  new AppError(
    'output_profile.preset',
    `"${name}" is a preset and cannot be changed or deleted; duplicate it to make your own.`,
  );

/** 422 with every reason the spec cannot be encoded, each on its body field. */
function assertEncodable(spec: OutputProfileSpec): void {
  const problems = profileProblems(spec);
  if (problems.length === 0) return;
  throw new AppError(
    'output_profile.invalid',
    `This profile cannot be encoded: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`,
    problems.map((p) => ({ field: `body.${p.field}`, message: p.message })),
  );
}

function selectProfiles(db: Executor) {
  return db
    .select({
      ...getTableColumns(outputProfiles),
      creatorPublicId: users.publicId,
      creatorName: users.displayName,
    })
    .from(outputProfiles)
    .leftJoin(users, eq(users.id, outputProfiles.createdByUserId));
}
type ProfileView = Awaited<ReturnType<typeof selectProfiles>>[number];

export class OutputProfilesService {
  constructor(private readonly d: { db: Db; clock: Clock; audit: AuditService; media: MediaService }) {}

  async list(q: { limit: number; cursor?: string | undefined; q?: string | undefined }) {
    const after = decodeNameCursor(q.cursor);
    const lowerName = sql`lower(${outputProfiles.name})`;
    const conditions: (SQL | undefined)[] = [];
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conditions.push(or(ilike(outputProfiles.name, like), ilike(outputProfiles.description, like)));
    }
    if (after) {
      conditions.push(
        or(
          sql`${lowerName} > ${after.name}`,
          and(sql`${lowerName} = ${after.name}`, gt(outputProfiles.id, after.id)),
        ),
      );
    }
    const found = await selectProfiles(this.d.db)
      .where(and(...conditions))
      .orderBy(asc(lowerName), asc(outputProfiles.id))
      .limit(q.limit + 1);
    const { page, nextCursor } = pageOf(found, q.limit, (p) => [p.name.toLowerCase(), p.id]);
    return { items: page.map(toProfile), nextCursor };
  }

  async get(publicId: string): Promise<OutputProfile> {
    return toProfile(await this.find(this.d.db, publicId));
  }

  /** The row behind a public id (for renditions and deliveries); 404 when there is none. */
  async find(db: Executor, publicId: string, lock = false): Promise<ProfileView> {
    const q = selectProfiles(db).where(eq(outputProfiles.publicId, publicId));
    const [row] = lock ? await q.for('update', { of: outputProfiles }) : await q;
    if (!row) throw notFound(publicId);
    return row;
  }

  async create(ctx: RequestContext, body: CreateOutputProfileBody): Promise<OutputProfile> {
    assertEncodable(specOf(body));
    const publicId = newPublicId();
    await this.write(body.name, async (tx) => {
      await tx.insert(outputProfiles).values({
        publicId,
        ...body,
        isPreset: false,
        createdByUserId: ctx.actor?.userId ?? null,
      });
      await this.d.audit.record(tx, ctx, {
        action: 'output_profile.created',
        entityType: 'output_profile',
        entityId: publicId,
        summary: `Created output profile "${body.name}"`,
        details: { ...specOf(body) },
      });
    });
    return this.get(publicId);
  }

  async update(ctx: RequestContext, publicId: string, edit: UpdateOutputProfileBody): Promise<OutputProfile> {
    await this.write(edit.name ?? '', async (tx) => {
      const row = await this.find(tx, publicId, true);
      if (row.isPreset) throw presetReadOnly(row.name);
      const next = { ...row, ...edit };
      assertEncodable(specOf(next));
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const [key, to] of Object.entries(edit)) {
        const from = row[key as keyof typeof edit];
        if (from !== to) changes[key] = { from, to };
      }
      if (Object.keys(changes).length === 0) return;
      await tx
        .update(outputProfiles)
        .set({ ...edit, updatedAt: this.d.clock.now() })
        .where(eq(outputProfiles.id, row.id));
      await this.d.audit.record(tx, ctx, {
        action: 'output_profile.updated',
        entityType: 'output_profile',
        entityId: publicId,
        summary: `Changed ${Object.keys(changes).join(', ')} of output profile "${next.name}"`,
        details: { changes },
      });
    });
    return this.get(publicId);
  }

  /** An editable copy (of a preset, typically) named "<name> (copy)", "<name> (copy 2)", … unless named. */
  async duplicate(ctx: RequestContext, publicId: string, name?: string): Promise<OutputProfile> {
    const source = await this.find(this.d.db, publicId);
    const taken = new Set(
      (
        await this.d.db
          .select({ name: sql<string>`lower(${outputProfiles.name})` })
          .from(outputProfiles)
          .where(ilike(outputProfiles.name, `${source.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))
      ).map((r) => r.name),
    );
    let copyName = name;
    for (let n = 1; !copyName; n++) {
      const candidate = `${source.name} (copy${n > 1 ? ` ${n}` : ''})`.slice(0, 100);
      if (!taken.has(candidate.toLowerCase())) copyName = candidate;
    }
    return this.create(ctx, {
      ...specOf(source),
      pixelFormat: source.pixelFormat as CreateOutputProfileBody['pixelFormat'],
      name: copyName,
      description: source.description,
    });
  }

  /** Deletes a custom profile; its renditions go with it, and their files once the deletion has committed. */
  async remove(ctx: RequestContext, publicId: string): Promise<void> {
    const keys = await this.d.db.transaction(async (tx) => {
      const row = await this.find(tx, publicId, true);
      if (row.isPreset) throw presetReadOnly(row.name);
      const made = await tx
        .select({ fileId: renditions.fileId })
        .from(renditions)
        .where(eq(renditions.profileId, row.id));
      await tx.delete(outputProfiles).where(eq(outputProfiles.id, row.id));
      const dropped = await this.d.media.dropRows(
        tx,
        made.flatMap((m) => (m.fileId === null ? [] : [m.fileId])),
      );
      await this.d.audit.record(tx, ctx, {
        action: 'output_profile.deleted',
        entityType: 'output_profile',
        entityId: publicId,
        summary: `Deleted output profile "${row.name}"${made.length ? ` and its ${made.length} rendition(s)` : ''}`,
        details: { name: row.name, renditions: made.length },
      });
      return dropped;
    });
    await this.d.media.deleteStored(keys);
  }

  /** Runs a write in a transaction; a unique violation there is the name being taken. */
  private async write(name: string, work: (tx: Executor) => Promise<void>): Promise<void> {
    try {
      await this.d.db.transaction(work);
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(name);
      throw err;
    }
  }
}

export function toProfile(r: ProfileView): OutputProfile {
  return {
    id: r.publicId,
    name: r.name,
    description: r.description,
    ...specOf(r),
    pixelFormat: r.pixelFormat as OutputProfile['pixelFormat'],
    isPreset: r.isPreset,
    createdBy: r.creatorPublicId ? { id: r.creatorPublicId, displayName: r.creatorName ?? '' } : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

// Projects: creation, edits under the lifecycle's edit lock, lifecycle transitions, trash and restore; all audited.
import type { Project, ProjectRetention, ProjectSettings, ProjectStatus } from '@i2v/contracts';
import { allowedProjectTransitions, canTransitionProject, isProjectLocked } from '@i2v/domain';
import type { Db, Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Clock } from '../../platform/clock.js';
import { decodeTimeCursor, pageOf } from '../../platform/cursor.js';
import { AppError } from '../../platform/errors.js';
import { newPublicId } from '../../platform/ids.js';
import { compileSchema } from '../../platform/json-schema.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/service.js';
import { projectEtag, readSettings, toProject } from './dto.js';
import * as repo from './repo.js';

export const defaultRetention: ProjectRetention = {
  failedOutputsDays: 30,
  cancelledArtifactsDays: 7,
  trashGraceDays: 7,
};

export interface ProjectEdit {
  name?: string | undefined;
  description?: string | undefined;
  retention?: Partial<ProjectRetention> | undefined;
  settings?: Partial<ProjectSettings> | undefined;
}

const notFound = (id: string) => new AppError('project.not_found', `No project with id ${id}.`);
const nameTaken = (name: string) =>
  new AppError('project.name_taken', `A project named "${name}" already exists.`, [
    { field: 'body.name', message: 'is already used by another project' },
  ]);

export class ProjectsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async list(q: {
    limit: number;
    cursor?: string | undefined;
    q?: string | undefined;
    status?: ProjectStatus | undefined;
    deleted: 'exclude' | 'only';
  }): Promise<{ items: Project[]; nextCursor: string | null }> {
    const after = decodeTimeCursor(q.cursor);
    const found = await repo.listProjects(this.db, { ...q, after, limit: q.limit + 1 });
    const { page, nextCursor } = pageOf(found, q.limit, (last) => [last.createdAt.toISOString(), last.id]);
    return { items: page.map(toProject), nextCursor };
  }

  async get(publicId: string): Promise<{ project: Project; etag: string }> {
    const row = await repo.findProject(this.db, publicId);
    if (!row) throw notFound(publicId);
    return { project: toProject(row), etag: projectEtag(row) };
  }

  async create(
    ctx: RequestContext,
    body: ProjectEdit & { name: string },
  ): Promise<{ project: Project; etag: string }> {
    const publicId = newPublicId();
    const retention = { ...defaultRetention, ...body.retention };
    const settings = { ...readSettings({}), ...body.settings };
    try {
      await this.db.transaction(async (tx) => {
        if (await repo.liveProjectNamed(tx, body.name)) throw nameTaken(body.name);
        await repo.insertProject(tx, {
          publicId,
          name: body.name,
          description: body.description ?? '',
          statusId: await repo.projectStatusIdOf(tx, 'setup'),
          ...retention,
          settings,
          createdByUserId: ctx.actor?.userId ?? null,
        });
        await this.audit.record(tx, ctx, {
          action: 'project.created',
          entityType: 'project',
          entityId: publicId,
          summary: `Created project "${body.name}"`,
          details: { name: body.name, retention, settings },
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(body.name);
      throw err;
    }
    return this.get(publicId);
  }

  async update(
    ctx: RequestContext,
    publicId: string,
    edit: ProjectEdit,
    ifMatch: string | undefined,
  ): Promise<{ project: Project; etag: string }> {
    const now = this.clock.now();
    try {
      await this.db.transaction(async (tx) => {
        const row = await this.editable(tx, publicId, ifMatch);
        const patch: repo.ProjectPatch = {};
        const changes: Record<string, { from: unknown; to: unknown }> = {};
        const note = (field: string, from: unknown, to: unknown) => {
          if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
        };
        if (edit.name !== undefined && edit.name !== row.name) {
          if (await repo.liveProjectNamed(tx, edit.name, row.id)) throw nameTaken(edit.name);
          patch.name = edit.name;
          note('name', row.name, edit.name);
        }
        if (edit.description !== undefined && edit.description !== row.description) {
          patch.description = edit.description;
          note('description', row.description, edit.description);
        }
        for (const [key, value] of Object.entries(edit.retention ?? {}) as [
          keyof ProjectRetention,
          number,
        ][]) {
          if (value !== row[key]) {
            patch[key] = value;
            note(`retention.${key}`, row[key], value);
          }
        }
        if (edit.settings) {
          const current = readSettings(row.settings);
          const next = { ...current, ...edit.settings };
          for (const key of Object.keys(edit.settings) as (keyof ProjectSettings)[]) {
            note(`settings.${key}`, current[key], next[key]);
          }
          patch.settings = next;
        }
        if (Object.keys(changes).length === 0) return;
        await repo.updateProject(tx, row.id, patch, now);
        await this.audit.record(tx, ctx, {
          action: 'project.updated',
          entityType: 'project',
          entityId: publicId,
          summary: `Changed ${Object.keys(changes).join(', ')} of project "${patch.name ?? row.name}"`,
          details: { changes },
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(edit.name ?? '');
      throw err;
    }
    return this.get(publicId);
  }

  /** Sets or removes the JSON Schema of the characters' metadata; characters are checked against it on save. */
  async setMetadataSchema(
    ctx: RequestContext,
    publicId: string,
    schema: Record<string, unknown> | null,
  ): Promise<{ project: Project; etag: string }> {
    if (schema !== null) {
      if (schema.type !== 'object') {
        throw new AppError(
          'project.metadata_schema_invalid',
          'The metadata schema must describe an object (`"type": "object"`).',
          [{ field: 'body.schema.type', message: 'must be "object"' }],
        );
      }
      try {
        compileSchema(schema);
      } catch (err) {
        throw new AppError(
          'project.metadata_schema_invalid',
          `This is not a valid JSON Schema: ${(err as Error).message}`,
          [{ field: 'body.schema', message: (err as Error).message }],
        );
      }
    }
    await this.db.transaction(async (tx) => {
      const row = await this.editable(tx, publicId, undefined);
      await repo.updateProject(tx, row.id, { metadataSchema: schema }, this.clock.now());
      await this.audit.record(tx, ctx, {
        action: 'project.metadata_schema_changed',
        entityType: 'project',
        entityId: publicId,
        summary: schema
          ? `Set the metadata schema of project "${row.name}"`
          : `Removed the metadata schema of project "${row.name}"`,
        details: { from: row.metadataSchema ?? null, to: schema },
      });
    });
    return this.get(publicId);
  }

  async transition(
    ctx: RequestContext,
    publicId: string,
    to: ProjectStatus,
    note: string | undefined,
  ): Promise<{ project: Project; etag: string }> {
    await this.db.transaction(async (tx) => {
      const row = await this.live(tx, publicId);
      if (!canTransitionProject(row.status, to)) {
        const allowed = allowedProjectTransitions(row.status);
        throw new AppError(
          'project.illegal_transition',
          `A ${row.status} project cannot move to ${to}; it can move to ${allowed.join(', ') || 'nothing (closed is final)'}.`,
          [{ field: 'body.to', message: `must be one of: ${allowed.join(', ') || '(none)'}` }],
        );
      }
      await repo.updateProject(
        tx,
        row.id,
        { statusId: await repo.projectStatusIdOf(tx, to) },
        this.clock.now(),
      );
      await this.audit.record(tx, ctx, {
        action: 'project.status_changed',
        entityType: 'project',
        entityId: publicId,
        summary: `Moved project "${row.name}" from ${row.status} to ${to}${isProjectLocked(row.status) && to === 'active' ? ' (re-opened)' : ''}`,
        details: { from: row.status, to, ...(note ? { note } : {}) },
      });
    });
    return this.get(publicId);
  }

  /** Moves a project to the trash; it stays restorable. Locked projects must be re-opened first. */
  async trash(ctx: RequestContext, publicId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await repo.findProject(tx, publicId, true);
      if (!row) throw notFound(publicId);
      if (row.deletedAt) return;
      this.assertUnlocked(row);
      await repo.updateProject(tx, row.id, { deletedAt: this.clock.now() }, this.clock.now());
      await this.audit.record(tx, ctx, {
        action: 'project.deleted',
        entityType: 'project',
        entityId: publicId,
        summary: `Moved project "${row.name}" to the trash`,
        details: { trashGraceDays: row.trashGraceDays },
      });
    });
  }

  async restore(ctx: RequestContext, publicId: string): Promise<{ project: Project; etag: string }> {
    try {
      await this.db.transaction(async (tx) => {
        const row = await repo.findProject(tx, publicId, true);
        if (!row) throw notFound(publicId);
        if (!row.deletedAt) return;
        if (await repo.liveProjectNamed(tx, row.name)) {
          throw new AppError(
            'project.name_taken',
            `Another project is now named "${row.name}"; rename that one before restoring this.`,
          );
        }
        await repo.updateProject(tx, row.id, { deletedAt: null }, this.clock.now());
        await this.audit.record(tx, ctx, {
          action: 'project.restored',
          entityType: 'project',
          entityId: publicId,
          summary: `Restored project "${row.name}" from the trash`,
        });
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw new AppError('project.name_taken', 'Another project now has this name.');
      throw err;
    }
    return this.get(publicId);
  }

  /**
   * For other modules: the project that content is being added to or read from. `forEdit` also requires it to be
   * out of the trash and unlocked, and holds a share lock so a concurrent transition waits for the edit.
   */
  async resolveForContent(
    tx: Executor,
    ref: { publicId: string } | { id: number },
    forEdit: boolean,
  ): Promise<{ id: number; publicId: string; name: string; metadataSchema: Record<string, unknown> | null }> {
    const row =
      'publicId' in ref
        ? await repo.findProject(tx, ref.publicId, false)
        : await repo.findProjectById(tx, ref.id, forEdit);
    if (!row) throw notFound('publicId' in ref ? ref.publicId : String(ref.id));
    if (forEdit) {
      if (row.deletedAt)
        throw new AppError('project.deleted', `Project "${row.name}" is in the trash; restore it first.`);
      this.assertUnlocked(row);
    }
    return {
      id: row.id,
      publicId: row.publicId,
      name: row.name,
      metadataSchema: (row.metadataSchema ?? null) as Record<string, unknown> | null,
    };
  }

  private async live(tx: Executor, publicId: string): Promise<repo.ProjectRow> {
    const row = await repo.findProject(tx, publicId, true);
    if (!row) throw notFound(publicId);
    if (row.deletedAt) {
      throw new AppError('project.deleted', `Project "${row.name}" is in the trash; restore it first.`);
    }
    return row;
  }

  private async editable(
    tx: Executor,
    publicId: string,
    ifMatch: string | undefined,
  ): Promise<repo.ProjectRow> {
    const row = await this.live(tx, publicId);
    this.assertUnlocked(row);
    if (ifMatch !== undefined && ifMatch !== projectEtag(row)) {
      throw new AppError(
        'request.version_conflict',
        'Someone else changed this project since you loaded it. Reload to see their changes, then edit again.',
        [{ field: 'headers.if-match', message: 'does not match the current version' }],
      );
    }
    return row;
  }

  private assertUnlocked(row: repo.ProjectRow): void {
    if (isProjectLocked(row.status)) {
      throw new AppError(
        'project.locked',
        `Project "${row.name}" is ${row.status} and locked against changes; re-open it to edit.`,
      );
    }
  }
}

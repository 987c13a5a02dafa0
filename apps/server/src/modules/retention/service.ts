// Trash retention: characters, projects and scene video versions left in the trash longer than their project's
// grace period (`retention.trashGraceDays`) are purged — rows and files. A character can also be purged at once
// from the trash. Each purge is one transaction and audited; files go once it has committed.
import { type AnyColumn, and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import {
  characters,
  imageVariants,
  projects,
  scenes,
  sceneVideoVersions,
  sourceImages,
} from '../../db/schema/index.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { type RequestContext, systemContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/service.js';
import type { MediaService } from '../media/service.js';

export interface SweepResult {
  characters: number;
  projects: number;
  videoVersions: number;
  files: number;
}

export class RetentionService {
  constructor(
    private readonly d: {
      db: Db;
      clock: Clock;
      audit: AuditService;
      media: MediaService;
      onError?: (err: unknown) => void;
    },
  ) {}

  /** Purges what has been in the trash longer than its project's grace period. */
  async sweep(): Promise<SweepResult> {
    const now = this.d.clock.now();
    const result: SweepResult = { characters: 0, projects: 0, videoVersions: 0, files: 0 };
    const graceOver = (column: AnyColumn) =>
      sql`${column} < ${now}::timestamptz - (${projects.trashGraceDays} * interval '1 day')`;

    const expiredProjects = await this.d.db
      .select({ id: projects.id })
      .from(projects)
      .where(and(isNotNull(projects.deletedAt), graceOver(projects.deletedAt)));
    for (const p of expiredProjects) {
      result.files += await this.purgeProject(p.id);
      result.projects += 1;
    }
    const expiredCharacters = await this.d.db
      .select({ id: characters.id })
      .from(characters)
      .innerJoin(projects, eq(projects.id, characters.projectId))
      .where(and(isNotNull(characters.deletedAt), graceOver(characters.deletedAt)));
    for (const c of expiredCharacters) {
      result.files += await this.purgeCharacterById(systemContext, c.id, 'its trash grace period ended');
      result.characters += 1;
    }
    const expiredVersions = await this.d.db
      .select({ id: sceneVideoVersions.id })
      .from(sceneVideoVersions)
      .innerJoin(scenes, eq(scenes.id, sceneVideoVersions.sceneId))
      .innerJoin(characters, eq(characters.id, scenes.characterId))
      .innerJoin(projects, eq(projects.id, characters.projectId))
      .where(and(isNotNull(sceneVideoVersions.deletedAt), graceOver(sceneVideoVersions.deletedAt)));
    for (const v of expiredVersions) {
      result.files += await this.purgeVersions([v.id]);
      result.videoVersions += 1;
    }
    return result;
  }

  /** Purges a character that is in the trash now, without waiting for the grace period. */
  async purgeCharacter(ctx: RequestContext, publicId: string): Promise<void> {
    const found = await this.d.db
      .select({ id: characters.id, deletedAt: characters.deletedAt, name: characters.name })
      .from(characters)
      .where(eq(characters.publicId, publicId));
    const row = found[0];
    if (!row) throw new AppError('character.not_found', `No character with id ${publicId}.`);
    if (!row.deletedAt) {
      throw new AppError(
        'character.not_in_trash',
        `"${row.name}" is not in the trash; move it there before purging it.`,
      );
    }
    await this.purgeCharacterById(ctx, row.id, 'purged from the trash');
  }

  private async purgeCharacterById(ctx: RequestContext, characterId: number, why: string): Promise<number> {
    const keys: string[] = [];
    await this.d.db.transaction(async (tx) => {
      const found = await tx
        .select({
          publicId: characters.publicId,
          name: characters.name,
          deletedAt: characters.deletedAt,
          projectPublicId: projects.publicId,
        })
        .from(characters)
        .innerJoin(projects, eq(projects.id, characters.projectId))
        .where(eq(characters.id, characterId))
        .for('update', { of: characters });
      const c = found[0];
      if (!c?.deletedAt) return;
      const files = await this.filesOfCharacter(tx, characterId);
      await tx.delete(characters).where(eq(characters.id, characterId));
      keys.push(...(await this.d.media.dropRows(tx, files)));
      await this.d.audit.record(tx, ctx, {
        action: 'character.purged',
        entityType: 'character',
        entityId: c.publicId,
        summary: `Purged character "${c.name}" and ${files.length} files (${why})`,
        details: { projectId: c.projectPublicId, files: files.length, trashedAt: c.deletedAt.toISOString() },
      });
    });
    await this.d.media.deleteStored(keys);
    return keys.length;
  }

  private async purgeProject(projectId: number): Promise<number> {
    const keys: string[] = [];
    await this.d.db.transaction(async (tx) => {
      const found = await tx
        .select({ publicId: projects.publicId, name: projects.name, deletedAt: projects.deletedAt })
        .from(projects)
        .where(eq(projects.id, projectId))
        .for('update', { of: projects });
      const p = found[0];
      if (!p?.deletedAt) return;
      const ids = (
        await tx.select({ id: characters.id }).from(characters).where(eq(characters.projectId, projectId))
      ).map((c) => c.id);
      const files = (await Promise.all(ids.map((id) => this.filesOfCharacter(tx, id)))).flat();
      // characters first: their scenes must go before the project's own scene types they point at
      await tx.delete(characters).where(eq(characters.projectId, projectId));
      await tx.delete(projects).where(eq(projects.id, projectId));
      keys.push(...(await this.d.media.dropRows(tx, files)));
      await this.d.audit.record(tx, systemContext, {
        action: 'project.purged',
        entityType: 'project',
        entityId: p.publicId,
        summary: `Purged project "${p.name}" with ${ids.length} characters and ${files.length} files (its trash grace period ended)`,
        details: { characters: ids.length, files: files.length, trashedAt: p.deletedAt.toISOString() },
      });
    });
    await this.d.media.deleteStored(keys);
    return keys.length;
  }

  private async purgeVersions(versionIds: number[]): Promise<number> {
    const keys: string[] = [];
    await this.d.db.transaction(async (tx) => {
      const rows = await tx
        .select({ id: sceneVideoVersions.id, fileId: sceneVideoVersions.fileId })
        .from(sceneVideoVersions)
        .where(and(inArray(sceneVideoVersions.id, versionIds), isNotNull(sceneVideoVersions.deletedAt)));
      if (rows.length === 0) return;
      await tx.delete(sceneVideoVersions).where(
        inArray(
          sceneVideoVersions.id,
          rows.map((r) => r.id),
        ),
      );
      keys.push(
        ...(await this.d.media.dropRows(
          tx,
          rows.map((r) => r.fileId),
        )),
      );
      await this.d.audit.record(tx, systemContext, {
        action: 'scene.video_purged',
        entityType: 'scene_video_version',
        summary: `Purged ${rows.length} scene video version(s) whose trash grace period ended`,
        details: { versions: rows.length },
      });
    });
    await this.d.media.deleteStored(keys);
    return keys.length;
  }

  /** Media rows used by a character: its source images, variants and the videos of its scenes. */
  private async filesOfCharacter(tx: Executor, characterId: number): Promise<number[]> {
    const [a, b, c] = await Promise.all([
      tx
        .select({ id: sourceImages.fileId })
        .from(sourceImages)
        .where(eq(sourceImages.characterId, characterId)),
      tx
        .select({ id: imageVariants.fileId })
        .from(imageVariants)
        .where(eq(imageVariants.characterId, characterId)),
      tx
        .select({ id: sceneVideoVersions.fileId })
        .from(sceneVideoVersions)
        .innerJoin(scenes, eq(scenes.id, sceneVideoVersions.sceneId))
        .where(eq(scenes.characterId, characterId)),
    ]);
    return [...a, ...b, ...c].map((r) => r.id);
  }
}

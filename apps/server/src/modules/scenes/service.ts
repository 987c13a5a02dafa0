// The scene matrix: columns from the project's enabled scene types, rows of characters, cells with status,
// delivered file names and blockers; creating scenes for selected cells is idempotent and audited.
import type { Scene, SceneMatrix } from '@i2v/contracts';
import { cellBlockers, matrixColumns } from '@i2v/domain';
import type { Db, Executor } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { newPublicId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/service.js';
import { findCharacter } from '../characters/repo.js';
import type { CharactersService } from '../characters/service.js';
import type { MediaService } from '../media/service.js';
import type { ProjectsService } from '../projects/service.js';
import type { SceneTypesService } from '../scene-types/service.js';
import type { TagsService } from '../tags/service.js';
import type { VariantTypesService } from '../variant-types/service.js';
import * as repo from './repo.js';

const sceneNotFound = (id: string) => new AppError('scene.not_found', `No scene with id ${id}.`);

export class ScenesService {
  constructor(
    private readonly d: {
      db: Db;
      audit: AuditService;
      projects: ProjectsService;
      characters: CharactersService;
      sceneTypes: SceneTypesService;
      variantTypes: VariantTypesService;
      tags: TagsService;
      media: MediaService;
      finalVersionIds: (db: Executor, sceneIds: number[]) => Promise<Map<number, string>>;
    },
  ) {}

  /** A scene with its names, delivered file name, tags and final version. */
  async get(publicId: string): Promise<Scene> {
    const row = await repo.findScene(this.d.db, { publicId });
    if (!row) throw sceneNotFound(publicId);
    const project = await this.d.projects.resolveForContent(this.d.db, { id: row.projectId }, false);
    const shape = await this.columnsFor(project.publicId);
    const column = shape.columns.find(
      (c) => c.sceneTypeId === row.sceneTypePublicId && c.variantTypeId === row.variantTypePublicId,
    );
    // only the thumbnail of the character is shown: its summary row, not the whole character
    const character = await findCharacter(this.d.db, row.characterPublicId);
    const thumbnailUrl =
      character?.sourceFileId && character.sourceThumbnailKey
        ? this.d.media.links.url(character.sourceFileId, 'thumbnail')
        : null;
    const finals = await this.d.finalVersionIds(this.d.db, [row.id]);
    return {
      id: row.publicId,
      projectId: project.publicId,
      character: {
        id: row.characterPublicId,
        name: row.characterName,
        thumbnailUrl,
      },
      sceneType: { id: row.sceneTypePublicId, name: row.sceneTypeName },
      variantType: { id: row.variantTypePublicId, slug: row.variantTypeSlug, name: row.variantTypeName },
      transition: column?.transition ?? null,
      status: row.status as Scene['status'],
      fileName: column?.fileName ?? null,
      tags: await this.d.tags.tagsOf(this.d.db, 'scene', row.id),
      finalVersionId: finals.get(row.id) ?? null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  /** The scene behind an id for its videos: checked editable (project live and unlocked, character live) when asked. */
  async ref(db: Executor, by: { publicId: string } | { id: number }, forEdit: boolean) {
    const row = await repo.findScene(db, by);
    if (!row) throw sceneNotFound('publicId' in by ? by.publicId : String(by.id));
    await this.d.projects.resolveForContent(db, { id: row.projectId }, forEdit);
    if (forEdit && row.characterDeletedAt) {
      throw new AppError(
        'character.not_found',
        `The character "${row.characterName}" of this scene is in the trash.`,
      );
    }
    return {
      id: row.id,
      publicId: row.publicId,
      label: `scene ${row.sceneTypeName} of "${row.characterName}"`,
    };
  }

  async setTags(ctx: RequestContext, publicId: string, names: string[]): Promise<Scene> {
    await this.d.db.transaction(async (tx) => {
      const scene = await this.ref(tx, { publicId }, true);
      await this.d.tags.replace(
        tx,
        ctx,
        { kind: 'scene', id: scene.id, publicId, label: scene.label },
        names,
      );
    });
    return this.get(publicId);
  }

  private async columnsFor(projectPublicId: string, onlySceneTypeIds?: string[]) {
    const [sceneTypes, variantTypes] = await Promise.all([
      this.d.sceneTypes.list(projectPublicId, true),
      this.d.variantTypes.list(),
    ]);
    const selected = onlySceneTypeIds
      ? sceneTypes.filter((s) => onlySceneTypeIds.includes(s.id))
      : sceneTypes;
    return { sceneTypes: selected, variantTypes, columns: matrixColumns(selected, variantTypes) };
  }

  async matrix(
    projectPublicId: string,
    q: { limit: number; cursor?: string | undefined },
  ): Promise<SceneMatrix> {
    const [page, shape] = await Promise.all([
      this.d.characters.readinessPage(projectPublicId, q),
      this.columnsFor(projectPublicId),
    ]);
    const existing = await repo.scenesOfCharacters(
      this.d.db,
      page.characters.map((c) => c.id),
    );
    let created = 0;
    let ready = 0;
    const rows = page.characters.map((c) => ({
      // the poster frame stands for the character where one was chosen
      character: {
        id: c.summary.id,
        name: c.summary.name,
        thumbnailUrl: c.summary.posterUrl ?? c.summary.thumbnailUrl,
      },
      cells: shape.columns.map((col) => {
        const scene = existing.get(`${c.id}:${col.sceneTypeId}:${col.variantTypeId}`);
        const blockers = cellBlockers(col, {
          hasSourceImage: c.summary.thumbnailUrl !== null,
          heroVariantTypeIds: c.heroVariantTypeIds,
        });
        if (scene) created++;
        if (blockers.length === 0) ready++;
        return {
          sceneId: scene?.publicId ?? null,
          status: (scene?.status ?? 'not_created') as SceneMatrix['rows'][number]['cells'][number]['status'],
          blockers,
        };
      }),
    }));
    return {
      projectId: page.project.publicId,
      variantTypes: shape.variantTypes.map((v) => ({ id: v.id, slug: v.slug, name: v.name })),
      sceneTypes: shape.sceneTypes.map((s) => ({ id: s.id, name: s.name, contentName: s.contentName })),
      columns: shape.columns,
      rows,
      nextCursor: page.nextCursor,
      totals: { cells: rows.length * shape.columns.length, created, ready },
    };
  }

  /** Creates the scenes of the selected cells that do not exist yet. */
  async createScenes(
    ctx: RequestContext,
    projectPublicId: string,
    selection: { characterIds?: string[] | undefined; sceneTypeIds?: string[] | undefined },
  ): Promise<{ created: number; existing: number }> {
    const shape = await this.columnsFor(projectPublicId, selection.sceneTypeIds);
    const unknownType =
      selection.sceneTypeIds?.findIndex((id) => !shape.sceneTypes.some((s) => s.id === id)) ?? -1;
    if (unknownType >= 0) {
      throw new AppError(
        'scene_type.not_found',
        'A selected scene type is not an enabled scene type of this project.',
        [
          {
            field: `body.sceneTypeIds.${unknownType}`,
            message: 'is not an enabled scene type of this project',
          },
        ],
      );
    }
    const characters: { id: number; publicId: string }[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.d.characters.readinessPage(projectPublicId, { limit: 500, cursor });
      characters.push(...page.characters.map((c) => ({ id: c.id, publicId: c.summary.id })));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const wanted = selection.characterIds
      ? selection.characterIds.map((id, i) => {
          const found = characters.find((c) => c.publicId === id);
          if (!found) {
            throw new AppError('character.not_found', 'A selected character is not in this project.', [
              { field: `body.characterIds.${i}`, message: 'is not a character of this project' },
            ]);
          }
          return found;
        })
      : characters;
    const rows = wanted.flatMap((c) =>
      shape.columns.map((col) => ({
        publicId: newPublicId(),
        characterId: c.id,
        sceneTypePublicId: col.sceneTypeId,
        variantTypePublicId: col.variantTypeId,
        isTransition: col.transition !== null,
      })),
    );
    const created = await this.d.db.transaction(async (tx) => {
      const project = await this.d.projects.resolveForContent(tx, { publicId: projectPublicId }, true);
      const n = await repo.insertMissingScenes(tx, rows);
      if (n > 0) {
        await this.d.audit.record(tx, ctx, {
          action: 'scene.matrix_created',
          entityType: 'project',
          entityId: project.publicId,
          summary: `Planned ${n} scene(s) in project "${project.name}"`,
          details: { created: n, characters: wanted.length, columns: shape.columns.length },
        });
      }
      return n;
    });
    return { created, existing: rows.length - created };
  }
}

// The scene matrix: columns from the project's enabled scene types, rows of characters, cells with status,
// delivered file names and blockers; creating scenes for selected cells is idempotent and audited.
import type { SceneMatrix } from '@i2v/contracts';
import { cellBlockers, matrixColumns } from '@i2v/domain';
import type { Db } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { newPublicId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/service.js';
import type { CharactersService } from '../characters/service.js';
import type { ProjectsService } from '../projects/service.js';
import type { SceneTypesService } from '../scene-types/service.js';
import type { VariantTypesService } from '../variant-types/service.js';
import * as repo from './repo.js';

export class ScenesService {
  constructor(
    private readonly d: {
      db: Db;
      audit: AuditService;
      projects: ProjectsService;
      characters: CharactersService;
      sceneTypes: SceneTypesService;
      variantTypes: VariantTypesService;
    },
  ) {}

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
      character: { id: c.summary.id, name: c.summary.name, thumbnailUrl: c.summary.thumbnailUrl },
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

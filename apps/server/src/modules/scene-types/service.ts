// Scene types: validation of durations, applicability and names; studio or project scope; prompt previews.
import type {
  createSceneTypeBodySchema,
  promptPreviewSchema,
  SceneType,
  updateSceneTypeBodySchema,
} from '@i2v/contracts';
import {
  type ClipPosition,
  clipPositions,
  type PromptTemplates,
  renderTemplate,
  segmentCountFor,
  selectPrompt,
  toSnakeCase,
} from '@i2v/domain';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newPublicId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/service.js';
import type { CharactersService } from '../characters/service.js';
import { generationColumns, generationSettingsOf } from '../pipeline/settings.js';
import type { ProjectsService } from '../projects/service.js';
import { parseTagList, type TagsService } from '../tags/service.js';
import type { WorkflowsService } from '../workflows/service.js';
import * as repo from './repo.js';

type CreateBody = z.infer<typeof createSceneTypeBodySchema>;
type UpdateBody = z.infer<typeof updateSceneTypeBodySchema>;
type Applicability = CreateBody['applicability'];

const invalid = (field: string, message: string) =>
  new AppError('scene_type.invalid', `${field}: ${message}`, [{ field, message }]);
const notFound = (id: string) => new AppError('scene_type.not_found', `No scene type with id ${id}.`);
const nameTaken = (name: string) =>
  new AppError('scene_type.name_taken', `A scene type named "${name}" already exists here.`, [
    { field: 'body.name', message: 'is already used by another scene type in this scope' },
  ]);

function toSceneType(r: repo.SceneTypeRow): SceneType {
  const applicability: SceneType['applicability'] =
    r.transitionFromVariantTypeId !== null
      ? {
          kind: 'transition',
          fromVariantTypeId: r.fromTypePublicId!,
          toVariantTypeId: r.toTypePublicId!,
          atSegment: r.transitionAtSegment!,
          suffix: r.transitionSuffix!,
          transitionWorkflowRef: r.transitionWorkflowRef,
        }
      : { kind: 'variants', variantTypeIds: r.variantTypePublicIds };
  return {
    id: r.publicId,
    projectId: r.projectPublicId,
    name: r.name,
    contentName: toSnakeCase(r.name),
    description: r.description,
    workflowRef: r.workflowRef,
    workflowVersionId: r.workflowPin?.versionId ?? null,
    workflow: r.workflowPin,
    transitionWorkflowVersionId: r.transitionWorkflowPin?.versionId ?? null,
    transitionWorkflow: r.transitionWorkflowPin,
    slotBindings: (r.slotBindings ?? {}) as SceneType['slotBindings'],
    loras: r.loras as SceneType['loras'],
    prompts: r.prompts as SceneType['prompts'],
    targetDurationSeconds: r.targetDurationSeconds,
    segmentDurationSeconds: r.segmentDurationSeconds,
    toleranceSeconds: r.toleranceSeconds,
    segmentCount: segmentCountFor(r.targetDurationSeconds, r.segmentDurationSeconds, r.toleranceSeconds),
    applicability,
    generation: generationSettingsOf(r),
    enabled: r.enabled,
    sortOrder: r.sortOrder,
    tags: r.tags,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export class SceneTypesService {
  constructor(
    private readonly d: {
      db: Db;
      clock: Clock;
      audit: AuditService;
      projects: ProjectsService;
      characters: CharactersService;
      tags: TagsService;
      workflows: WorkflowsService;
    },
  ) {}

  async list(
    projectPublicId: string | undefined,
    enabled: boolean | undefined,
    tagFilter: { tags?: string | undefined; tagMode?: 'all' | 'any' | undefined } = {},
  ): Promise<SceneType[]> {
    const project = projectPublicId
      ? await this.d.projects.resolveForContent(this.d.db, { publicId: projectPublicId }, false)
      : null;
    const extra = this.d.tags.filter(
      'scene_type',
      sql`scene_types.id`,
      parseTagList(tagFilter.tags),
      tagFilter.tagMode ?? 'all',
    );
    return (await repo.listSceneTypes(this.d.db, project?.id ?? null, enabled, extra)).map(toSceneType);
  }

  async get(publicId: string): Promise<SceneType> {
    const row = await repo.findSceneType(this.d.db, publicId);
    if (!row) throw notFound(publicId);
    return toSceneType(row);
  }

  async create(ctx: RequestContext, body: CreateBody): Promise<SceneType> {
    const publicId = newPublicId();
    try {
      await this.d.db.transaction(async (tx) => {
        const project = body.projectId
          ? await this.d.projects.resolveForContent(tx, { publicId: body.projectId }, true)
          : null;
        this.checkShape(body);
        if (await repo.sceneTypeNameTaken(tx, project?.id ?? null, body.name)) throw nameTaken(body.name);
        const resolved = await this.resolveApplicability(tx, body.applicability);
        const pins = await this.resolvePins(
          tx,
          body.workflowVersionId,
          body.transitionWorkflowVersionId,
          body.slotBindings,
        );
        const id = await repo.insertSceneType(tx, {
          publicId,
          projectId: project?.id ?? null,
          name: body.name,
          description: body.description,
          workflowRef: body.workflowRef,
          workflowVersionId: pins.workflowVersionId,
          transitionWorkflowVersionId: pins.transitionWorkflowVersionId,
          slotBindings: body.slotBindings,
          loras: body.loras,
          prompts: body.prompts,
          targetDurationSeconds: body.targetDurationSeconds,
          segmentDurationSeconds: body.segmentDurationSeconds,
          toleranceSeconds: body.toleranceSeconds,
          enabled: body.enabled,
          sortOrder: body.sortOrder ?? (await repo.maxSortOrder(tx)) + 10,
          ...generationColumns(body.generation, null),
          ...resolved.columns,
        });
        await repo.setSceneTypeVariantTypes(tx, id, resolved.variantTypeIds);
        await this.d.audit.record(tx, ctx, {
          action: 'scene_type.created',
          entityType: 'scene_type',
          entityId: publicId,
          summary: `Created scene type "${body.name}"${project ? ` in project "${project.name}"` : ' for the studio'}`,
          details: { projectId: project?.publicId ?? null, applicability: body.applicability },
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(body.name);
      throw err;
    }
    return this.get(publicId);
  }

  async update(ctx: RequestContext, publicId: string, body: UpdateBody): Promise<SceneType> {
    try {
      await this.d.db.transaction(async (tx) => {
        const row = await repo.findSceneType(tx, publicId);
        if (!row) throw notFound(publicId);
        if (row.projectId !== null) await this.d.projects.resolveForContent(tx, { id: row.projectId }, true);
        const current = toSceneType(row);
        const next = { ...current, ...body };
        this.checkShape(next);
        if (body.name !== undefined && body.name !== row.name) {
          if (await repo.sceneTypeNameTaken(tx, row.projectId, body.name, row.id)) throw nameTaken(body.name);
        }
        const { applicability, workflowVersionId, transitionWorkflowVersionId, generation, ...fields } = body;
        const patch: Partial<repo.SceneTypeValues> = {
          ...fields,
          ...generationColumns(generation, current.generation),
        };
        if (
          workflowVersionId !== undefined ||
          transitionWorkflowVersionId !== undefined ||
          body.slotBindings !== undefined
        ) {
          Object.assign(
            patch,
            await this.resolvePins(
              tx,
              workflowVersionId === undefined ? current.workflowVersionId : workflowVersionId,
              transitionWorkflowVersionId === undefined
                ? current.transitionWorkflowVersionId
                : transitionWorkflowVersionId,
              body.slotBindings ?? current.slotBindings,
            ),
          );
        }
        if (applicability) {
          const resolved = await this.resolveApplicability(tx, applicability);
          Object.assign(patch, resolved.columns);
          await repo.setSceneTypeVariantTypes(tx, row.id, resolved.variantTypeIds);
        }
        await repo.updateSceneType(tx, row.id, patch, this.d.clock.now());
        await this.d.audit.record(tx, ctx, {
          action: 'scene_type.updated',
          entityType: 'scene_type',
          entityId: publicId,
          summary: `Changed ${Object.keys(body).join(', ')} of scene type "${next.name}"`,
          details: {
            changes: Object.fromEntries(
              Object.keys(body).map((k) => [
                k,
                { from: current[k as keyof SceneType], to: body[k as keyof UpdateBody] },
              ]),
            ),
          },
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(body.name ?? '');
      throw err;
    }
    return this.get(publicId);
  }

  /** Replaces the scene type's tags (created on first use). */
  async setTags(ctx: RequestContext, publicId: string, names: string[]): Promise<SceneType> {
    await this.d.db.transaction(async (tx) => {
      const row = await repo.findSceneType(tx, publicId);
      if (!row) throw notFound(publicId);
      if (row.projectId !== null) await this.d.projects.resolveForContent(tx, { id: row.projectId }, true);
      await this.d.tags.replace(
        tx,
        ctx,
        { kind: 'scene_type', id: row.id, publicId, label: `scene type "${row.name}"` },
        names,
      );
    });
    return this.get(publicId);
  }

  async remove(ctx: RequestContext, publicId: string): Promise<void> {
    await this.d.db.transaction(async (tx) => {
      const row = await repo.findSceneType(tx, publicId);
      if (!row) throw notFound(publicId);
      if (row.projectId !== null) await this.d.projects.resolveForContent(tx, { id: row.projectId }, true);
      await repo.updateSceneType(tx, row.id, { deletedAt: this.d.clock.now() }, this.d.clock.now());
      await this.d.audit.record(tx, ctx, {
        action: 'scene_type.deleted',
        entityType: 'scene_type',
        entityId: publicId,
        summary: `Deleted scene type "${row.name}"`,
      });
    });
  }

  /** Resolves every clip position's prompt for a character, with the fallback used and unresolved placeholders. */
  async previewPrompts(
    publicId: string,
    characterId: string,
    override: PromptTemplates | undefined,
  ): Promise<z.infer<typeof promptPreviewSchema>> {
    const sceneType = await this.get(publicId);
    const character = await this.d.characters.get(characterId);
    const templates = (override ?? sceneType.prompts) as PromptTemplates;
    const ctx = { characterName: character.name, metadata: character.metadata };
    const all = new Set<string>();
    const positions = clipPositions.map((position: ClipPosition) => {
      const chosen = selectPrompt(templates, position);
      const positive = renderTemplate(chosen?.prompt.positive ?? '', ctx);
      const negative = renderTemplate(chosen?.prompt.negative ?? '', ctx);
      for (const u of [...positive.unresolved, ...negative.unresolved]) all.add(u);
      return { position, source: chosen?.source ?? null, positive, negative };
    });
    return { positions, unresolved: [...all] };
  }

  private checkShape(
    b: Pick<
      CreateBody,
      | 'name'
      | 'prompts'
      | 'targetDurationSeconds'
      | 'segmentDurationSeconds'
      | 'toleranceSeconds'
      | 'applicability'
    >,
  ): void {
    if (toSnakeCase(b.name) === '') {
      throw invalid(
        'body.name',
        'must contain letters or digits, so delivered file names can be made from it',
      );
    }
    if (b.targetDurationSeconds < b.segmentDurationSeconds) {
      throw invalid('body.targetDurationSeconds', 'must be at least the segment duration');
    }
    if (b.toleranceSeconds >= b.segmentDurationSeconds) {
      throw invalid('body.toleranceSeconds', 'must be less than the segment duration');
    }
    if (!selectPrompt(b.prompts as PromptTemplates, 'full_clip')) {
      throw invalid('body.prompts.full_clip', 'a full_clip (or start_clip) prompt is required');
    }
    if (b.applicability.kind === 'transition') {
      const count = segmentCountFor(b.targetDurationSeconds, b.segmentDurationSeconds, b.toleranceSeconds);
      if (b.applicability.fromVariantTypeId === b.applicability.toVariantTypeId) {
        throw invalid(
          'body.applicability.toVariantTypeId',
          'must differ from the variant type the scene starts from',
        );
      }
      if (b.applicability.atSegment < 2 || b.applicability.atSegment > count) {
        throw invalid(
          'body.applicability.atSegment',
          count < 2
            ? 'a transition needs at least two segments; raise the target duration'
            : `must be between 2 and ${count}, the segment count of this scene type`,
        );
      }
    }
  }

  /** Pinned versions must be live; bound slot keys must be slots of a pinned version. */
  private async resolvePins(
    tx: Executor,
    main: string | null,
    transition: string | null,
    bindings: SceneType['slotBindings'],
  ) {
    const pin = async (publicId: string | null, field: string) => {
      if (!publicId) return null;
      const found = await this.d.workflows.resolvePin(tx, publicId);
      if (!found) throw invalid(field, 'is not a version of a workflow in the studio (missing or deleted)');
      return found;
    };
    const a = await pin(main, 'body.workflowVersionId');
    const b = await pin(transition, 'body.transitionWorkflowVersionId');
    const slots = new Set([...(a?.slots ?? []), ...(b?.slots ?? [])]);
    for (const key of Object.keys(bindings)) {
      if (!a && !b) throw invalid('body.slotBindings', 'pin a workflow version before binding slots');
      if (!slots.has(key)) {
        const owner = [a, b]
          .filter((p) => p !== null)
          .map((p) => `"${p.name}" v${p.number}`)
          .join(' or ');
        throw invalid(
          `body.slotBindings.${key}`,
          `is not a slot of ${owner}; its slots are ${[...slots].join(', ') || 'none'}`,
        );
      }
    }
    return { workflowVersionId: a?.id ?? null, transitionWorkflowVersionId: b?.id ?? null };
  }

  private async resolveApplicability(tx: Executor, a: Applicability) {
    const wanted = a.kind === 'variants' ? a.variantTypeIds : [a.fromVariantTypeId, a.toVariantTypeId];
    const ids = await repo.variantTypeIdsByPublicId(tx, wanted);
    const fields =
      a.kind === 'variants'
        ? a.variantTypeIds.map((_, i) => `variantTypeIds.${i}`)
        : ['fromVariantTypeId', 'toVariantTypeId'];
    wanted.forEach((publicId, i) => {
      if (!ids.has(publicId))
        throw invalid(`body.applicability.${fields[i]}`, 'is not an image variant type');
    });
    if (a.kind === 'variants') {
      return {
        variantTypeIds: [...new Set(a.variantTypeIds.map((p) => ids.get(p)!))],
        columns: {
          transitionFromVariantTypeId: null,
          transitionToVariantTypeId: null,
          transitionAtSegment: null,
          transitionSuffix: null,
          transitionWorkflowRef: null,
        },
      };
    }
    return {
      variantTypeIds: [],
      columns: {
        transitionFromVariantTypeId: ids.get(a.fromVariantTypeId)!,
        transitionToVariantTypeId: ids.get(a.toVariantTypeId)!,
        transitionAtSegment: a.atSegment,
        transitionSuffix: a.suffix,
        transitionWorkflowRef: a.transitionWorkflowRef ?? null,
      },
    };
  }
}

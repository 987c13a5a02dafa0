// What a scene run needs, resolved and checked once when it starts (PRD-024 §1.1): the pinned workflow versions and
// their slots, the bound slot values and prompts with placeholders filled from the character, the heroes that seed
// it, the transition, QA rules and retry policy. Every problem is a 422 naming what to fix, before anything is written.
import type { ApiWorkflow } from '@i2v/comfy';
import type { startGenerationBodySchema } from '@i2v/contracts';
import {
  type ClipPosition,
  clipPositionOf,
  clipPositions,
  framesFor,
  type PromptTemplates,
  type QaThresholds,
  type RetryPolicy,
  renderTemplate,
  segmentCountFor,
  selectPrompt,
} from '@i2v/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import {
  characters,
  imageVariants,
  imageVariantTypes,
  mediaFiles,
  projects,
  scenes,
  sceneTypes,
  sourceImages,
  workflows,
  workflowVersions,
} from '../../db/schema/index.js';
import { AppError } from '../../platform/errors.js';
import { generationSettingsOf } from './settings.js';

export type SimRule = NonNullable<z.infer<typeof startGenerationBodySchema>['sim']>[number];

interface WorkflowPlan {
  id: number;
  publicId: string;
  name: string;
  /** Slot keys of the version. */
  slots: string[];
}

export interface PromptPlan {
  source: string;
  positive: string;
  negative: string;
  unresolved: string[];
}

/** Stored on the run as JSON: everything later steps need, fixed at the start. */
export interface RunPlan {
  projectId: number;
  projectPublicId: string;
  characterId: number;
  characterName: string;
  sceneTypeName: string;
  workflow: WorkflowPlan;
  transitionWorkflow: WorkflowPlan | null;
  /** Slot values bound by the scene type (placeholders filled), before the pipeline's own. */
  bindings: Record<string, string | number | boolean>;
  prompts: Partial<Record<ClipPosition, PromptPlan>>;
  lora: { name: string; weight: number } | null;
  fps: number;
  width: number | null;
  height: number | null;
  /** Hero image (media file public id) per variant type id. */
  heroes: Record<string, string>;
  startVariantTypeId: number;
  transition: { at: number; from: number; to: number } | null;
  sourceFileId: number | null;
  qa: QaThresholds;
  retry: RetryPolicy;
  boundaryMode: 'last' | 'auto' | 'manual';
  boundaryWindowFrames: number;
  anchorBelow: number | null;
  colourMatch: boolean;
  sim: SimRule[];
  /** Seeds per segment index to reuse (an upscale of a draft chain). */
  seeds?: Record<string, number>;
}

/** Slots the pipeline fills itself on every segment. */
const pipelineSlots = new Set([
  'positive_prompt',
  'negative_prompt',
  'input_image',
  'end_image',
  'seed',
  'frame_count',
  'fps',
  'width',
  'height',
]);

const notGeneratable = (detail: string, field: string, message: string) =>
  new AppError('scene.not_generatable', detail, [{ field, message }]);

interface StoredSlot {
  key: string;
  value?: unknown;
}

async function workflowPlan(
  db: Executor,
  versionId: number,
): Promise<WorkflowPlan & { stored: StoredSlot[]; api: ApiWorkflow }> {
  const [v] = await db
    .select({
      id: workflowVersions.id,
      publicId: workflowVersions.publicId,
      parameters: workflowVersions.parameters,
      api: workflowVersions.apiJson,
      name: workflows.name,
    })
    .from(workflowVersions)
    .innerJoin(workflows, eq(workflows.id, workflowVersions.workflowId))
    .where(eq(workflowVersions.id, versionId));
  if (!v) throw new Error(`workflow version ${versionId} vanished`);
  const stored = v.parameters as StoredSlot[];
  return {
    id: v.id,
    publicId: v.publicId,
    name: v.name,
    slots: [...new Set(stored.map((s) => s.key))],
    stored,
    api: v.api as ApiWorkflow,
  };
}

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Resolves and checks a run's plan. `targetSeconds` overrides the scene type's target for this run. Throws
 * `scene.not_generatable` (422) naming the scene type, character or body field to fix.
 */
export async function resolvePlan(
  db: Executor,
  sceneId: number,
  options: { targetSeconds?: number | undefined; sim?: SimRule[] | undefined },
): Promise<{
  plan: RunPlan;
  targetSeconds: number;
  toleranceSeconds: number;
  segmentSeconds: number;
  segments: number;
}> {
  const [row] = await db
    .select({
      scene: scenes,
      type: sceneTypes,
      characterName: characters.name,
      metadata: characters.metadata,
      projectId: characters.projectId,
      projectPublicId: projects.publicId,
    })
    .from(scenes)
    .innerJoin(sceneTypes, eq(sceneTypes.id, scenes.sceneTypeId))
    .innerJoin(characters, eq(characters.id, scenes.characterId))
    .innerJoin(projects, eq(projects.id, characters.projectId))
    .where(eq(scenes.id, sceneId));
  if (!row) throw new AppError('scene.not_found', `No scene ${sceneId}.`);
  const t = row.type;
  if (!t.workflowVersionId) {
    throw notGeneratable(
      `The scene type "${t.name}" has no workflow version pinned; pin one on the scene type before generating.`,
      'sceneType.workflowVersionId',
      'no workflow version is pinned',
    );
  }
  const segmentSeconds = t.segmentDurationSeconds;
  const targetSeconds = options.targetSeconds ?? t.targetDurationSeconds;
  const toleranceSeconds = t.toleranceSeconds;
  if (targetSeconds < segmentSeconds) {
    throw notGeneratable(
      `The target of ${targetSeconds} s is shorter than one segment (${segmentSeconds} s); ask for at least ${segmentSeconds} s.`,
      'body.targetSeconds',
      `must be at least the segment duration (${segmentSeconds} s)`,
    );
  }
  const workflow = await workflowPlan(db, t.workflowVersionId);
  const transitionWorkflow = t.transitionWorkflowVersionId
    ? await workflowPlan(db, t.transitionWorkflowVersionId)
    : null;

  const ctx = { characterName: row.characterName, metadata: (row.metadata ?? {}) as Record<string, unknown> };
  const bindings: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(
    (t.slotBindings ?? {}) as Record<string, string | number | boolean>,
  )) {
    if (!workflow.slots.includes(key)) {
      throw notGeneratable(
        `The scene type "${t.name}" binds "${key}", which workflow "${workflow.name}" has no slot for.`,
        `sceneType.slotBindings.${key}`,
        'is not a slot of the pinned workflow version',
      );
    }
    bindings[key] = typeof value === 'string' ? renderTemplate(value, ctx).text : value;
  }
  const templates = (t.prompts ?? {}) as PromptTemplates;
  const prompts: RunPlan['prompts'] = {};
  for (const position of clipPositions) {
    const chosen = selectPrompt(templates, position);
    if (!chosen) continue;
    const positive = renderTemplate(chosen.prompt.positive, ctx);
    const negative = renderTemplate(chosen.prompt.negative, ctx);
    prompts[position] = {
      source: chosen.source,
      positive: positive.text,
      negative: negative.text,
      unresolved: [...new Set([...positive.unresolved, ...negative.unresolved])],
    };
  }
  const loras = (t.loras ?? []) as { name: string; weight: number }[];
  const lora = loras[0] ?? null;
  const filled = new Set(pipelineSlots);
  // the prompt slots are the pipeline's only when the scene type has a prompt to put there
  if (!Object.keys(prompts).length) {
    filled.delete('positive_prompt');
    filled.delete('negative_prompt');
  }
  if (lora) {
    filled.add('lora_name');
    filled.add('lora_strength');
  }
  for (const wf of [workflow, ...(transitionWorkflow ? [transitionWorkflow] : [])]) {
    for (const slot of wf.stored) {
      if (filled.has(slot.key) || slot.key in bindings) continue;
      if (isEmpty(slot.value)) {
        throw notGeneratable(
          `The slot "${slot.key}" of workflow "${wf.name}" has no value: bind one on the scene type "${t.name}".`,
          `sceneType.slotBindings.${slot.key}`,
          'is a required slot with no value',
        );
      }
    }
  }
  const slotDefault = (key: string) => workflow.stored.find((s) => s.key === key)?.value;
  const num = (v: unknown) => (typeof v === 'number' && v > 0 ? v : null);
  const fps = num(bindings.fps) ?? num(slotDefault('fps')) ?? 16;

  // heroes: the scene's variant (and the transition's target) must each have an approved hero
  const variantIds = [row.scene.variantTypeId];
  const transition =
    t.transitionFromVariantTypeId !== null &&
    t.transitionToVariantTypeId !== null &&
    t.transitionAtSegment !== null
      ? { at: t.transitionAtSegment, from: t.transitionFromVariantTypeId, to: t.transitionToVariantTypeId }
      : null;
  if (transition) variantIds.push(transition.to);
  const heroRows = await db
    .select({ variantTypeId: imageVariants.variantTypeId, fileId: mediaFiles.publicId })
    .from(imageVariants)
    .innerJoin(mediaFiles, eq(mediaFiles.id, imageVariants.fileId))
    .where(
      and(
        eq(imageVariants.characterId, row.scene.characterId),
        inArray(imageVariants.variantTypeId, variantIds),
        eq(imageVariants.isHero, true),
      ),
    );
  const heroes: Record<string, string> = {};
  for (const h of heroRows) heroes[String(h.variantTypeId)] = h.fileId;
  for (const id of variantIds) {
    if (heroes[String(id)]) continue;
    const [vt] = await db
      .select({ slug: imageVariantTypes.slug, name: imageVariantTypes.name })
      .from(imageVariantTypes)
      .where(eq(imageVariantTypes.id, id));
    throw notGeneratable(
      `"${row.characterName}" has no approved hero image for the variant "${vt?.name ?? id}"; approve one on the character before generating.`,
      `character.heroes.${vt?.slug ?? id}`,
      'no approved hero image',
    );
  }
  const [source] = await db
    .select({ fileId: sourceImages.fileId })
    .from(sourceImages)
    .where(and(eq(sourceImages.characterId, row.scene.characterId), eq(sourceImages.isCurrent, true)));
  const settings = generationSettingsOf(t);
  return {
    targetSeconds,
    toleranceSeconds,
    segmentSeconds,
    segments: segmentCountFor(targetSeconds, segmentSeconds, toleranceSeconds),
    plan: {
      projectId: row.projectId,
      projectPublicId: row.projectPublicId,
      characterId: row.scene.characterId,
      characterName: row.characterName,
      sceneTypeName: t.name,
      workflow: { id: workflow.id, publicId: workflow.publicId, name: workflow.name, slots: workflow.slots },
      transitionWorkflow: transitionWorkflow
        ? {
            id: transitionWorkflow.id,
            publicId: transitionWorkflow.publicId,
            name: transitionWorkflow.name,
            slots: transitionWorkflow.slots,
          }
        : null,
      bindings,
      prompts,
      lora,
      fps,
      width: num(bindings.width) ?? num(slotDefault('width')),
      height: num(bindings.height) ?? num(slotDefault('height')),
      heroes,
      startVariantTypeId: row.scene.variantTypeId,
      transition,
      sourceFileId: source?.fileId ?? null,
      qa: settings.qaThresholds as QaThresholds,
      retry: settings.retryPolicy,
      boundaryMode: settings.boundaryMode,
      boundaryWindowFrames: settings.boundaryWindowFrames,
      anchorBelow: settings.anchorBelow,
      colourMatch: settings.colourMatch,
      sim: options.sim ?? [],
    },
  };
}

export interface SegmentRequest {
  parameters: Record<string, string | number | boolean>;
  prompt: PromptPlan | null;
  clipPosition: ClipPosition;
  frameCount: number;
  width: number | null;
  height: number | null;
}

/** Draft tier (PRD-059): half the size (multiples of 16) and at most 12 steps. */
const draftSize = (n: number | null) => (n === null ? null : Math.max(64, Math.round(n / 2 / 16) * 16));

/**
 * The slot values of one segment: the scene type's bindings, then the prompt of its clip position, the LoRA, the
 * frame count for the segment duration, the size of the tier and the seed.
 */
export function segmentRequest(
  plan: RunPlan,
  workflowSlots: readonly string[],
  at: { index: number; count: number; segmentSeconds: number; tier: 'draft' | 'production'; seed: number },
): SegmentRequest {
  const clipPosition = clipPositionOf(Math.min(at.index, at.count), Math.max(at.count, at.index));
  const prompt = plan.prompts[clipPosition] ?? null;
  const frameCount = framesFor(at.segmentSeconds, plan.fps);
  const has = (k: string) => workflowSlots.includes(k);
  const p: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(plan.bindings)) if (has(k)) p[k] = v;
  if (prompt && has('positive_prompt')) p.positive_prompt = prompt.positive;
  if (prompt && has('negative_prompt')) p.negative_prompt = prompt.negative;
  if (plan.lora && has('lora_name')) p.lora_name = plan.lora.name;
  if (plan.lora && has('lora_strength')) p.lora_strength = plan.lora.weight;
  if (has('frame_count')) p.frame_count = frameCount;
  if (has('fps')) p.fps = plan.fps;
  let width = plan.width;
  let height = plan.height;
  if (at.tier === 'draft') {
    width = draftSize(width);
    height = draftSize(height);
    if (typeof p.steps === 'number') p.steps = Math.min(p.steps, 12);
  }
  if (width !== null && has('width')) p.width = width;
  if (height !== null && has('height')) p.height = height;
  if (has('seed')) p.seed = at.seed;
  return {
    parameters: p,
    prompt,
    clipPosition,
    frameCount: has('frame_count') ? frameCount : 0,
    width,
    height,
  };
}

/** The comfy-sim faults for a segment attempt: every matching rule, later rules winning. */
export function simFor(plan: RunPlan, index: number, attempt: number): SimRule['faults'] | undefined {
  const rules = plan.sim.filter(
    (r) =>
      (r.segment === undefined || r.segment === index) && (r.attempt === undefined || r.attempt === attempt),
  );
  if (!rules.length) return undefined;
  return Object.assign({}, ...rules.map((r) => r.faults));
}

// The scene type form: its values, the body sent to the server, and what the list and editor show about a type.
import {
  type ClipPosition,
  clipPositions,
  sceneVideoBaseName,
  segmentCountFor,
  toSnakeCase,
} from '@i2v/domain';
import type { ImageVariantType, Project, SceneType } from '@/api/types';

export type { ClipPosition };
export { clipPositions };

export const sceneTypeNameMaxLength = 120;
export const loraLimit = 20;

export interface PromptTextValues {
  positive: string;
  negative: string;
}
export type PromptTemplatesBody = Partial<Record<ClipPosition, PromptTextValues>>;

export interface SceneTypeFormValues {
  scope: 'project' | 'studio';
  name: string;
  description: string;
  workflowRef: string;
  workflowVersionId: string | null;
  transitionWorkflowVersionId: string | null;
  slotBindings: Record<string, string | number | boolean>;
  loras: { name: string; weight: number | string }[];
  prompts: Record<ClipPosition, PromptTextValues>;
  targetDurationSeconds: number | string;
  segmentDurationSeconds: number | string;
  toleranceSeconds: number | string;
  applicability: {
    kind: 'variants' | 'transition';
    variantTypeIds: string[];
    fromVariantTypeId: string | null;
    toVariantTypeId: string | null;
    atSegment: number | string;
    suffix: string;
    transitionWorkflowRef: string;
  };
  enabled: boolean;
  tags: string[];
}

export type SceneTypeBody = Omit<
  SceneType,
  | 'generation'
  | 'id'
  | 'projectId'
  | 'contentName'
  | 'segmentCount'
  | 'sortOrder'
  | 'tags'
  | 'createdAt'
  | 'updatedAt'
  | 'workflow'
  | 'transitionWorkflow'
>;

const blankPrompt = (): PromptTextValues => ({ positive: '', negative: '' });

export function blankSceneType(variantTypes: readonly ImageVariantType[]): SceneTypeFormValues {
  const fallback = variantTypes.find((t) => t.isDefault) ?? variantTypes[0];
  return {
    scope: 'project',
    name: '',
    description: '',
    workflowRef: '',
    workflowVersionId: null,
    transitionWorkflowVersionId: null,
    slotBindings: {},
    loras: [],
    prompts: { full_clip: blankPrompt(), start_clip: blankPrompt(), continuation_clip: blankPrompt() },
    targetDurationSeconds: 15,
    segmentDurationSeconds: 5,
    toleranceSeconds: 0,
    applicability: {
      kind: 'variants',
      variantTypeIds: fallback ? [fallback.id] : [],
      fromVariantTypeId: null,
      toVariantTypeId: null,
      atSegment: 2,
      suffix: '',
      transitionWorkflowRef: '',
    },
    enabled: true,
    tags: [],
  };
}

export function valuesOf(sceneType: SceneType): SceneTypeFormValues {
  const a = sceneType.applicability;
  const prompt = (position: ClipPosition) => ({
    positive: sceneType.prompts[position]?.positive ?? '',
    negative: sceneType.prompts[position]?.negative ?? '',
  });
  return {
    scope: sceneType.projectId === null ? 'studio' : 'project',
    name: sceneType.name,
    description: sceneType.description,
    workflowRef: sceneType.workflowRef ?? '',
    workflowVersionId: sceneType.workflowVersionId,
    transitionWorkflowVersionId: sceneType.transitionWorkflowVersionId,
    slotBindings: { ...sceneType.slotBindings },
    loras: sceneType.loras.map((l) => ({ ...l })),
    prompts: {
      full_clip: prompt('full_clip'),
      start_clip: prompt('start_clip'),
      continuation_clip: prompt('continuation_clip'),
    },
    targetDurationSeconds: sceneType.targetDurationSeconds,
    segmentDurationSeconds: sceneType.segmentDurationSeconds,
    toleranceSeconds: sceneType.toleranceSeconds,
    applicability:
      a.kind === 'variants'
        ? {
            kind: 'variants',
            variantTypeIds: a.variantTypeIds,
            fromVariantTypeId: null,
            toVariantTypeId: null,
            atSegment: 2,
            suffix: '',
            transitionWorkflowRef: '',
          }
        : {
            kind: 'transition',
            variantTypeIds: [],
            fromVariantTypeId: a.fromVariantTypeId,
            toVariantTypeId: a.toVariantTypeId,
            atSegment: a.atSegment,
            suffix: a.suffix,
            transitionWorkflowRef: a.transitionWorkflowRef ?? '',
          },
    enabled: sceneType.enabled,
    tags: sceneType.tags,
  };
}

const num = (value: number | string): number => (typeof value === 'number' ? value : Number(value));

/** Only the positions with text: an empty start or continuation prompt falls back to full_clip. */
export function promptsBodyOf(prompts: SceneTypeFormValues['prompts']): PromptTemplatesBody {
  const body: PromptTemplatesBody = {};
  for (const position of clipPositions) {
    const p = prompts[position];
    if (p.positive.trim() || p.negative.trim())
      body[position] = { positive: p.positive, negative: p.negative };
  }
  return body;
}

export function bodyOf(v: SceneTypeFormValues): SceneTypeBody {
  const a = v.applicability;
  return {
    name: v.name.trim(),
    description: v.description.trim(),
    workflowRef: v.workflowRef.trim() || null,
    workflowVersionId: v.workflowVersionId,
    transitionWorkflowVersionId: v.transitionWorkflowVersionId,
    slotBindings: v.slotBindings,
    loras: v.loras.map((l) => ({ name: l.name.trim(), weight: num(l.weight) })),
    prompts: promptsBodyOf(v.prompts),
    targetDurationSeconds: num(v.targetDurationSeconds),
    segmentDurationSeconds: num(v.segmentDurationSeconds),
    toleranceSeconds: num(v.toleranceSeconds),
    applicability:
      a.kind === 'variants'
        ? { kind: 'variants', variantTypeIds: a.variantTypeIds }
        : {
            kind: 'transition',
            fromVariantTypeId: a.fromVariantTypeId ?? '',
            toVariantTypeId: a.toVariantTypeId ?? '',
            atSegment: num(a.atSegment),
            suffix: a.suffix.trim(),
            transitionWorkflowRef: a.transitionWorkflowRef.trim() || null,
          },
    enabled: v.enabled,
  };
}

/** Segments needed so the scene reaches its target within tolerance (the domain rule); null for unusable input. */
export function segmentCountOf(target: number, segment: number, tolerance: number): number | null {
  if (!(target > 0) || !(segment > 0) || !(tolerance >= 0)) return null;
  return segmentCountFor(target, segment, tolerance);
}

export function segmentCountOfValues(v: SceneTypeFormValues): number | null {
  return segmentCountOf(num(v.targetDurationSeconds), num(v.segmentDurationSeconds), num(v.toleranceSeconds));
}

const seconds = (value: number) => `${Number.isInteger(value) ? value : value.toFixed(1)} s`;

/** "30 s / 5 s ± 2 s → 6 segments". */
export function durationSummary(
  t: Pick<
    SceneType,
    'targetDurationSeconds' | 'segmentDurationSeconds' | 'toleranceSeconds' | 'segmentCount'
  >,
): string {
  const tolerance = t.toleranceSeconds > 0 ? ` ± ${seconds(t.toleranceSeconds)}` : '';
  const count = `${t.segmentCount} segment${t.segmentCount === 1 ? '' : 's'}`;
  return `${seconds(t.targetDurationSeconds)}${tolerance} in ${seconds(t.segmentDurationSeconds)} segments → ${count}`;
}

const nameOf = (types: readonly ImageVariantType[], id: string) =>
  types.find((t) => t.id === id)?.name ?? 'Unknown type';

/** "Casual, Formal" or "Casual → Formal at segment 3". */
export function applicabilitySummary(
  a: SceneType['applicability'],
  types: readonly ImageVariantType[],
): string {
  if (a.kind === 'transition')
    return `${nameOf(types, a.fromVariantTypeId)} → ${nameOf(types, a.toVariantTypeId)} at segment ${a.atSegment}`;
  const order = (id: string) => types.find((t) => t.id === id)?.sortOrder ?? Number.MAX_SAFE_INTEGER;
  return [...a.variantTypeIds]
    .sort((x, y) => order(x) - order(y))
    .map((id) => nameOf(types, id))
    .join(', ');
}

/** The file names the form's scene type would deliver, in variant order; a problem in place of names it cannot make. */
export function exampleFileNames(
  v: SceneTypeFormValues,
  types: readonly ImageVariantType[],
): { names: string[]; problem: string | null } {
  if (!v.name.trim()) return { names: [], problem: null };
  const a = v.applicability;
  const prefixOf = (id: string | null) => types.find((t) => t.id === id)?.filePrefix ?? null;
  try {
    if (a.kind === 'transition') {
      if (!a.fromVariantTypeId || !a.suffix.trim()) return { names: [], problem: null };
      const base = sceneVideoBaseName({
        sceneTypeName: v.name,
        variantPrefix: prefixOf(a.fromVariantTypeId),
        transitionSuffix: a.suffix,
      });
      return { names: [`${base}.mp4`], problem: null };
    }
    const names = types
      .filter((t) => a.variantTypeIds.includes(t.id))
      .map((t) => `${sceneVideoBaseName({ sceneTypeName: v.name, variantPrefix: t.filePrefix })}.mp4`);
    return { names, problem: null };
  } catch (error) {
    return { names: [], problem: error instanceof Error ? error.message : String(error) };
  }
}

export function contentNameOf(name: string): string {
  return toSnakeCase(name);
}

/** Why scene types of this project cannot be changed now (role, edit lock, trash); null when they can. */
export function sceneTypeWriteBlockOf(project: Project, canWrite: boolean): string | null {
  if (!canWrite) return 'Read-only: creators and admins define scene types.';
  if (project.deletedAt) return 'In the trash: restore the project to change its scene types.';
  if (project.status === 'closed') return 'Locked: the project is closed for good.';
  if (project.locked) return 'Locked: re-open the project to change its scene types.';
  return null;
}

/** The path of the editor of a scene type (or of a new one) within a project. */
export function sceneTypePath(projectId: string, sceneTypeId: string | 'new', scope?: 'studio'): string {
  const base = `/projects/${projectId}/scene-types/${sceneTypeId}`;
  return scope ? `${base}?scope=${scope}` : base;
}

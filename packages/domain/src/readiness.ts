// Character readiness (PRD-107): what a character still lacks before its scenes can be generated and delivered —
// a source image, an approved hero for every image variant type its scenes start from or switch to, complete
// metadata, the pipeline settings the project requires, and at least one enabled scene type in the project.
// Which criteria count is configurable per project.

export interface ReadinessCriteria {
  sourceImage: boolean;
  heroes: boolean;
  metadata: boolean;
  /** Keys of the character's settings that must have a value. */
  requiredSettings: string[];
}

export const defaultReadinessCriteria: ReadinessCriteria = {
  sourceImage: true,
  heroes: true,
  metadata: true,
  requiredSettings: [],
};

export type ReadinessItemKind = 'source_image' | 'hero' | 'metadata' | 'setting' | 'scene_types';

export interface ReadinessItem {
  /** Stable key for filtering: `source_image`, `hero:<slug>`, `metadata`, `setting:<key>`, `scene_types`. */
  key: string;
  kind: ReadinessItemKind;
  label: string;
  done: boolean;
  /** Why it is not done, when there is more to say than the label. */
  detail?: string;
}

export type ReadinessState = 'ready' | 'partial' | 'not_started';

export interface CharacterReadiness {
  state: ReadinessState;
  /** Share of the items done, 0–100, rounded down. */
  percent: number;
  items: ReadinessItem[];
  /** Keys of the items not done. */
  missing: string[];
}

export interface ReadinessInput {
  hasSourceImage: boolean;
  /** Slugs of the variant types the character has an approved hero for. */
  heroSlugs: ReadonlySet<string>;
  /** Problems of the character's metadata against the project's schema (required fields included). */
  metadataProblems: string[];
  /** Whether the project has a metadata schema at all (no schema: nothing to complete). */
  hasMetadataSchema: boolean;
  settings: Record<string, unknown>;
}

export interface ProjectReadinessContext {
  criteria: ReadinessCriteria;
  /** Variant types the project's enabled scene types need a hero for, in display order. */
  neededVariantTypes: { slug: string; name: string }[];
  enabledSceneTypes: number;
}

const filled = (v: unknown) =>
  v !== undefined &&
  v !== null &&
  !(typeof v === 'string' && v.trim() === '') &&
  !(Array.isArray(v) && v.length === 0);

export function characterReadiness(
  input: ReadinessInput,
  project: ProjectReadinessContext,
): CharacterReadiness {
  const items: ReadinessItem[] = [];
  const { criteria } = project;
  if (criteria.sourceImage) {
    items.push({
      key: 'source_image',
      kind: 'source_image',
      label: 'Source image',
      done: input.hasSourceImage,
    });
  }
  if (criteria.heroes) {
    for (const v of project.neededVariantTypes) {
      items.push({
        key: `hero:${v.slug}`,
        kind: 'hero',
        label: `${v.name} hero`,
        done: input.heroSlugs.has(v.slug),
      });
    }
  }
  if (criteria.metadata && input.hasMetadataSchema) {
    const item: ReadinessItem = {
      key: 'metadata',
      kind: 'metadata',
      label: 'Metadata',
      done: input.metadataProblems.length === 0,
    };
    if (!item.done) item.detail = input.metadataProblems.join('; ');
    items.push(item);
  }
  for (const key of criteria.requiredSettings) {
    items.push({
      key: `setting:${key}`,
      kind: 'setting',
      label: `Setting ${key}`,
      done: filled(input.settings[key]),
    });
  }
  items.push({
    key: 'scene_types',
    kind: 'scene_types',
    label: 'Scene types',
    done: project.enabledSceneTypes > 0,
    ...(project.enabledSceneTypes > 0 ? {} : { detail: 'the project has no enabled scene type' }),
  });
  const done = items.filter((i) => i.done).length;
  // the project's own item does not make a character "started"
  const ownDone = items.filter((i) => i.done && i.kind !== 'scene_types').length;
  return {
    state: done === items.length ? 'ready' : ownDone === 0 ? 'not_started' : 'partial',
    percent: Math.floor((done / items.length) * 100),
    items,
    missing: items.filter((i) => !i.done).map((i) => i.key),
  };
}

/** Variant types that enabled scene types start from or switch to, in the order of the variant types. */
export function neededVariantTypes<T extends { id: string }>(
  sceneTypes: {
    enabled: boolean;
    applicability:
      | { kind: 'variants'; variantTypeIds: string[] }
      | { kind: 'transition'; fromVariantTypeId: string; toVariantTypeId: string };
  }[],
  variantTypes: T[],
): T[] {
  const needed = new Set<string>();
  for (const st of sceneTypes) {
    if (!st.enabled) continue;
    const a = st.applicability;
    if (a.kind === 'variants') for (const id of a.variantTypeIds) needed.add(id);
    else {
      needed.add(a.fromVariantTypeId);
      needed.add(a.toVariantTypeId);
    }
  }
  return variantTypes.filter((v) => needed.has(v.id));
}

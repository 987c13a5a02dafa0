// The scene matrix (PRD-023 §1.6): one column per scene type and applicable image variant type (or one per
// transition), the delivered file name of each column, and what blocks a cell from being generated.
import { NamingError, nameSceneVideos } from './naming.js';

export interface MatrixVariantType {
  id: string;
  slug: string;
  filePrefix: string;
  sortOrder: number;
}

export type MatrixApplicability =
  | { kind: 'variants'; variantTypeIds: string[] }
  | { kind: 'transition'; fromVariantTypeId: string; toVariantTypeId: string; suffix: string };

export interface MatrixSceneType {
  id: string;
  name: string;
  applicability: MatrixApplicability;
}

export interface MatrixColumn {
  key: string;
  sceneTypeId: string;
  /** The variant the scene is seeded from (the start variant of a transition). */
  variantTypeId: string;
  transition: { toVariantTypeId: string; suffix: string } | null;
  /** Delivered file name of this column's scene video, or null when the names cannot make one. */
  fileName: string | null;
  namingProblem: string | null;
}

export function matrixColumns(
  sceneTypes: MatrixSceneType[],
  variantTypes: MatrixVariantType[],
): MatrixColumn[] {
  const byId = new Map(variantTypes.map((v) => [v.id, v]));
  const columns: Omit<MatrixColumn, 'fileName' | 'namingProblem'>[] = [];
  for (const st of sceneTypes) {
    const a = st.applicability;
    if (a.kind === 'transition') {
      if (byId.has(a.fromVariantTypeId) && byId.has(a.toVariantTypeId)) {
        columns.push({
          key: `${st.id}:${a.fromVariantTypeId}`,
          sceneTypeId: st.id,
          variantTypeId: a.fromVariantTypeId,
          transition: { toVariantTypeId: a.toVariantTypeId, suffix: a.suffix },
        });
      }
      continue;
    }
    const applicable = a.variantTypeIds
      .map((id) => byId.get(id))
      .filter((v): v is MatrixVariantType => v !== undefined)
      .sort((x, y) => x.sortOrder - y.sortOrder || (x.slug < y.slug ? -1 : 1));
    for (const v of applicable) {
      columns.push({ key: `${st.id}:${v.id}`, sceneTypeId: st.id, variantTypeId: v.id, transition: null });
    }
  }
  const names = new Map(sceneTypes.map((s) => [s.id, s.name]));
  const toName = columns.map((c, order) => ({
    key: c.key,
    order,
    sceneTypeName: names.get(c.sceneTypeId)!,
    variantPrefix: byId.get(c.variantTypeId)!.filePrefix,
    transitionSuffix: c.transition?.suffix ?? null,
  }));
  // One unusable name must not hide the others: name what can be named, and say why the rest cannot.
  const problems = new Map<string, string>();
  const nameable = toName.filter((t) => {
    try {
      nameSceneVideos([t]);
      return true;
    } catch (err) {
      if (!(err instanceof NamingError)) throw err;
      problems.set(t.key, err.message);
      return false;
    }
  });
  const fileNames = nameSceneVideos(nameable);
  return columns.map((c) => ({
    ...c,
    fileName: fileNames.get(c.key) ?? null,
    namingProblem: problems.get(c.key) ?? null,
  }));
}

export interface CellReadinessInput {
  hasSourceImage: boolean;
  /** Variant type ids for which the character has an approved hero. */
  heroVariantTypeIds: ReadonlySet<string>;
}

export type CellBlocker =
  | { code: 'no_source_image' }
  | { code: 'no_hero'; variantTypeId: string }
  | { code: 'unnamable' };

/** What keeps a matrix cell from being generated; empty when it is ready. */
export function cellBlockers(column: MatrixColumn, character: CellReadinessInput): CellBlocker[] {
  const blockers: CellBlocker[] = [];
  if (!character.hasSourceImage) blockers.push({ code: 'no_source_image' });
  const needed = column.transition
    ? [column.variantTypeId, column.transition.toVariantTypeId]
    : [column.variantTypeId];
  for (const id of needed)
    if (!character.heroVariantTypeIds.has(id)) blockers.push({ code: 'no_hero', variantTypeId: id });
  if (column.fileName === null) blockers.push({ code: 'unnamable' });
  return blockers;
}

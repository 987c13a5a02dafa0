// Which cells of the scene matrix are selected: rows (characters), column groups (scene types), or both. A row alone
// means every scene type, a scene type alone every character; nothing ticked selects nothing.
import type { SceneMatrix } from '@/api/types';
import type { SceneCellStatus } from '../generation/generation-format';

type Row = SceneMatrix['rows'][number];
type Column = SceneMatrix['columns'][number];

export interface CellSelection {
  characters: ReadonlySet<string> | 'all';
  sceneTypes: ReadonlySet<string> | 'all';
}

/** The selection the ticks make, or null when nothing is ticked. */
export function selectionOf(
  allCharacters: boolean,
  characters: ReadonlySet<string>,
  sceneTypes: ReadonlySet<string>,
): CellSelection | null {
  if (!allCharacters && characters.size === 0 && sceneTypes.size === 0) return null;
  return {
    characters: allCharacters || characters.size === 0 ? 'all' : characters,
    sceneTypes: sceneTypes.size === 0 ? 'all' : sceneTypes,
  };
}

const has = (set: ReadonlySet<string> | 'all', id: string) => set === 'all' || set.has(id);

export const rowSelected = (sel: CellSelection | null, characterId: string) =>
  sel !== null && has(sel.characters, characterId);

export const sceneTypeSelected = (sel: CellSelection | null, sceneTypeId: string) =>
  sel !== null && has(sel.sceneTypes, sceneTypeId);

/** The rows and columns of a selection as the API takes them; "every" is left out (the server's default). */
export function selectionBody(
  sel: CellSelection,
  sceneTypeCount: number,
): { characterIds?: string[]; sceneTypeIds?: string[] } {
  return {
    ...(sel.characters === 'all' ? {} : { characterIds: [...sel.characters] }),
    ...(sel.sceneTypes === 'all' || sel.sceneTypes.size === sceneTypeCount
      ? {}
      : { sceneTypeIds: [...sel.sceneTypes] }),
  };
}

export interface SelectedCells {
  cells: number;
  byStatus: Partial<Record<SceneCellStatus, number>>;
  /** Scenes of the selected cells whose generation failed. */
  failedSceneIds: string[];
}

/** The selected cells among the loaded rows, counted by status. */
export function selectedCellsOf(
  rows: readonly Row[],
  columns: readonly Column[],
  sel: CellSelection | null,
): SelectedCells {
  const out: SelectedCells = { cells: 0, byStatus: {}, failedSceneIds: [] };
  if (!sel) return out;
  const inColumns = columns.map((c) => sceneTypeSelected(sel, c.sceneTypeId));
  for (const row of rows) {
    if (!rowSelected(sel, row.character.id)) continue;
    row.cells.forEach((cell, i) => {
      if (!inColumns[i]) return;
      out.cells++;
      out.byStatus[cell.status] = (out.byStatus[cell.status] ?? 0) + 1;
      if (cell.status === 'failed' && cell.sceneId) out.failedSceneIds.push(cell.sceneId);
    });
  }
  return out;
}

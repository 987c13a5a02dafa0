// The scene matrix of a project (PRD-023 §1.6): characters as rows, the enabled scene types as column groups with
// one column per variant (or transition), each headed by the file name it delivers. Cells show the scene's status
// (live while generating) and what blocks it. Selected rows and scene types become scenes with one idempotent call,
// or are generated as a batch (PRD-057) through the Generate dialog with its estimate.
// Built for hundreds of characters × dozens of columns: a plain table, memoised rows, native tooltips in cells.
import { roleCan } from '@i2v/domain';
import { Alert, Badge, Box, Button, Checkbox, Group, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { type CSSProperties, memo, type ReactNode, useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Project, SceneMatrix } from '@/api/types';
import { useCurrentUser } from '@/auth/use-session';
import {
  BlockedIcon,
  CharactersIcon,
  EmptyList,
  InfoIcon,
  LoadError,
  LoadMore,
  notifyError,
  notifySuccess,
  RetryIcon,
  SceneTypesIcon,
  StartProductionIcon,
  WarningIcon,
} from '@/components';
import { countOf } from '@/format/count';
import { tones } from '@/theme/tokens';
import { ReadOnlyReason } from '../characters/read-only-reason';
import {
  type SceneCellStatus,
  sceneStatusTones,
  sceneStatusLabels as statusLabels,
} from '../generation/generation-format';
import { sceneTypeWriteBlockOf } from '../scene-types/scene-type-fields';
import { GenerateModal, type GenerateRequest, type Only } from './generate-modal';
import classes from './matrix.module.css';
import { useCreateScenes, useSceneMatrix } from './matrix-queries';
import {
  type CellSelection,
  rowSelected,
  sceneTypeSelected,
  selectedCellsOf,
  selectionBody,
  selectionOf,
} from './matrix-selection';

type Column = SceneMatrix['columns'][number];
type Row = SceneMatrix['rows'][number];
type Cell = Row['cells'][number];
type CellStatus = SceneCellStatus;

/** One style object per status, shared by every cell. */
const statusStyles = Object.fromEntries(
  Object.entries(sceneStatusTones).map(([status, tone]) => [
    status,
    {
      background: `var(--mantine-color-${tone}-light)`,
      color: `var(--mantine-color-${tone}-light-color)`,
    } satisfies CSSProperties,
  ]),
) as Record<CellStatus, CSSProperties>;

interface ColumnView extends Column {
  label: string;
  sceneTypeName: string;
}

interface ColumnGroup {
  sceneTypeId: string;
  name: string;
  columns: ColumnView[];
}

function blockerText(cell: Cell, variantName: (id: string) => string): string {
  return cell.blockers
    .map((b) => {
      if (b.code === 'no_source_image') return 'No source image';
      if (b.code === 'no_hero')
        return `No hero for ${b.variantTypeId ? variantName(b.variantTypeId) : 'this variant'}`;
      return 'No file name can be made';
    })
    .join('; ');
}

interface MatrixRowProps {
  projectId: string;
  row: Row;
  /** The row's own tick. */
  checked: boolean;
  /** The row is part of the selection (ticked, or every row is). */
  selected: boolean;
  /** Per column, whether its scene type is selected. */
  selectedColumns: readonly boolean[];
  variantName: (id: string) => string;
  onToggle: (characterId: string) => void;
  selectable: boolean;
}

const MatrixRow = memo(function MatrixRow({
  projectId,
  row,
  checked,
  selected,
  selectedColumns,
  variantName,
  onToggle,
  selectable,
}: MatrixRowProps) {
  const c = row.character;
  return (
    <tr data-testid="matrix-row" data-character-name={c.name}>
      <td className={classes.character}>
        <div className={classes.characterInner}>
          {selectable && (
            <input
              type="checkbox"
              checked={checked}
              onChange={() => onToggle(c.id)}
              aria-label={`Select ${c.name}`}
            />
          )}
          {c.thumbnailUrl ? (
            <img className={classes.thumb} src={c.thumbnailUrl} alt="" loading="lazy" />
          ) : (
            <span className={classes.thumb} />
          )}
          <Link to={`/projects/${projectId}/characters/${c.id}`}>{c.name}</Link>
        </div>
      </td>
      {row.cells.map((cell, i) => {
        const blocked = cell.blockers.length > 0;
        const title = blocked
          ? `${statusLabels[cell.status]} — ${blockerText(cell, variantName)}`
          : statusLabels[cell.status];
        return (
          <td
            // biome-ignore lint/suspicious/noArrayIndexKey: cells follow the column order of the matrix
            key={i}
            className={
              selected && selectedColumns[i] ? `${classes.cell} ${classes.selectedCell}` : classes.cell
            }
            data-testid="matrix-cell"
            data-status={cell.status}
            data-blocked={blocked ? 'true' : 'false'}
            title={title}
          >
            {cell.sceneId ? (
              <Link
                to={`/projects/${projectId}/scenes/${cell.sceneId}`}
                className={classes.cellInner}
                style={statusStyles[cell.status]}
                data-testid="matrix-cell-link"
              >
                <span>{statusLabels[cell.status]}</span>
                {blocked && (
                  <span className={classes.blocker} data-testid="cell-blocker">
                    <BlockedIcon size={14} aria-label={blockerText(cell, variantName)} />
                  </span>
                )}
              </Link>
            ) : (
              <div className={classes.cellInner} style={statusStyles[cell.status]}>
                <span>{statusLabels[cell.status]}</span>
                {blocked && (
                  <span className={classes.blocker} data-testid="cell-blocker">
                    <BlockedIcon size={14} aria-label={blockerText(cell, variantName)} />
                  </span>
                )}
              </div>
            )}
          </td>
        );
      })}
    </tr>
  );
});

function MatrixSkeleton() {
  return (
    <Stack gap="xs" data-testid="matrix-skeleton">
      <Skeleton height={28} width={360} />
      {Array.from({ length: 6 }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
        <Skeleton key={i} height={32} />
      ))}
    </Stack>
  );
}

export function MatrixTab({ project }: { project: Project }) {
  const user = useCurrentUser();
  const blocked = sceneTypeWriteBlockOf(project, roleCan(user.role, 'content.write'));
  const matrix = useSceneMatrix(project.id);
  const createScenes = useCreateScenes(project.id);
  const [characters, setCharacters] = useState<ReadonlySet<string>>(new Set());
  const [sceneTypes, setSceneTypes] = useState<ReadonlySet<string>>(new Set());
  /** "Select all" means every character, also those on pages not loaded yet. */
  const [allCharacters, setAllCharacters] = useState(false);
  /** What the Generate dialog is open for (the ticks, or every failed scene). */
  const [generating, setGenerating] = useState<{ selection: CellSelection; only: Only } | null>(null);

  const pages = matrix.data?.pages;
  const first = pages?.[0];
  const rows = useMemo(() => pages?.flatMap((p) => p.rows) ?? [], [pages]);
  const totals = useMemo(
    () =>
      (pages ?? []).reduce(
        (sum, p) => ({
          cells: sum.cells + p.totals.cells,
          created: sum.created + p.totals.created,
          ready: sum.ready + p.totals.ready,
        }),
        { cells: 0, created: 0, ready: 0 },
      ),
    [pages],
  );
  const variantNames = useMemo(() => new Map(first?.variantTypes.map((t) => [t.id, t.name]) ?? []), [first]);
  const variantName = useCallback((id: string) => variantNames.get(id) ?? 'Unknown', [variantNames]);
  const groups = useMemo(() => {
    const result: ColumnGroup[] = [];
    if (!first) return result;
    const names = new Map(first.sceneTypes.map((s) => [s.id, s.name]));
    for (const column of first.columns) {
      const label = column.transition
        ? `${variantName(column.variantTypeId)} → ${variantName(column.transition.toVariantTypeId)}`
        : variantName(column.variantTypeId);
      const view = { ...column, label, sceneTypeName: names.get(column.sceneTypeId) ?? '' };
      const last = result[result.length - 1];
      if (last && last.sceneTypeId === column.sceneTypeId) last.columns.push(view);
      else result.push({ sceneTypeId: column.sceneTypeId, name: view.sceneTypeName, columns: [view] });
    }
    return result;
  }, [first, variantName]);
  const columns = useMemo(() => first?.columns ?? [], [first]);
  const selection = useMemo(
    () => selectionOf(allCharacters, characters, sceneTypes),
    [allCharacters, characters, sceneTypes],
  );
  const selectedColumns = useMemo(
    () => columns.map((c) => sceneTypeSelected(selection, c.sceneTypeId)),
    [columns, selection],
  );
  const selectedCells = useMemo(() => selectedCellsOf(rows, columns, selection), [rows, columns, selection]);
  /** Live counts of the loaded cells, for the totals and "Retry all failed". */
  const everyCell = useMemo(
    () => selectedCellsOf(rows, columns, { characters: 'all', sceneTypes: 'all' }),
    [rows, columns],
  );

  const toggleCharacter = useCallback(
    (id: string) => {
      // Leaving "every character" keeps the loaded rows that stay selected.
      setCharacters((prev) => {
        const next = new Set(allCharacters ? rows.map((r) => r.character.id) : prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
      setAllCharacters(false);
    },
    [allCharacters, rows],
  );
  const toggleSceneType = (id: string) =>
    setSceneTypes((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const everything = allCharacters && sceneTypes.size === groups.length && groups.length > 0;
  const selectAll = (on: boolean) => {
    setAllCharacters(on);
    setCharacters(new Set());
    setSceneTypes(on ? new Set(groups.map((g) => g.sceneTypeId)) : new Set());
  };
  /** Every character is selected and some are on pages not loaded yet: counts cover the loaded ones. */
  const partialOf = (sel: CellSelection) => sel.characters === 'all' && matrix.hasNextPage;

  const describe = (sel: CellSelection): string => {
    const names = new Map(groups.map((g) => [g.sceneTypeId, g.name]));
    const who =
      sel.characters === 'all'
        ? 'every character'
        : sel.characters.size === 1
          ? (rows.find((r) => sel.characters !== 'all' && sel.characters.has(r.character.id))?.character
              .name ?? '1 character')
          : countOf(sel.characters.size, 'character');
    const what =
      sel.sceneTypes === 'all' || sel.sceneTypes.size === groups.length
        ? 'every scene type'
        : [...sel.sceneTypes].map((id) => names.get(id) ?? 'Unknown').join(', ');
    return `${who.charAt(0).toUpperCase()}${who.slice(1)} × ${what}`;
  };

  const create = () => {
    if (!selection) return;
    createScenes.mutate(selectionBody(selection, groups.length), {
      onSuccess: ({ created, existing }) => {
        notifySuccess(
          `Created ${created} scene${created === 1 ? '' : 's'} (${existing} already existed).`,
          'Scenes created',
        );
        selectAll(false);
      },
      onError: (error) => notifyError(error, 'Could not create the scenes'),
    });
  };

  const request: GenerateRequest | null = generating && {
    summary: describe(generating.selection),
    rows: selectionBody(generating.selection, groups.length),
    cells: selectedCellsOf(rows, columns, generating.selection),
    partial: partialOf(generating.selection),
    only: generating.only,
  };

  if (matrix.isError && !first)
    return <LoadError what="the scene matrix" error={matrix.error} onRetry={() => void matrix.refetch()} />;
  if (!first) return <MatrixSkeleton />;

  if (rows.length === 0)
    return (
      <EmptyList
        title="No characters yet"
        icon={<CharactersIcon size={28} />}
        description="The matrix has one row per character. Add characters to the project first."
        action={
          <Button variant="default" component={Link} to={`/projects/${project.id}`}>
            Go to Characters
          </Button>
        }
      />
    );
  if (first.columns.length === 0)
    return (
      <EmptyList
        title="No enabled scene types"
        icon={<SceneTypesIcon size={28} />}
        description="The matrix has a column group per enabled scene type. Define one, or enable an existing one."
        action={
          <Button variant="default" component={Link} to={`/projects/${project.id}?tab=scene-types`}>
            Go to Scene types
          </Button>
        }
      />
    );

  let selectionNote: ReactNode;
  if (!selection)
    selectionNote =
      'Tick characters (rows), scene types (column groups) or both: a row alone means every scene type, a scene type alone every character.';
  else if (partialOf(selection))
    selectionNote = `${describe(selection)}: ${countOf(selectedCells.cells, 'cell')} loaded, more on later pages.`;
  else selectionNote = `${describe(selection)}: ${countOf(selectedCells.cells, 'cell')} selected.`;
  const selectable = blocked === null;
  const failed = everyCell.byStatus.failed ?? 0;
  const live = everyCell.byStatus.generating ?? 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="md" wrap="wrap">
        <Group gap="xs" data-testid="matrix-totals">
          <Badge variant="light" color="gray" size="lg" data-testid="total-cells">
            {totals.cells} cells
          </Badge>
          <Badge variant="light" color={tones.sceneStatus.pending} size="lg" data-testid="total-created">
            {totals.created} created
          </Badge>
          <Badge variant="light" color={tones.sceneStatus.approved} size="lg" data-testid="total-ready">
            {totals.ready} ready
          </Badge>
          {live > 0 && (
            <Badge
              variant="light"
              color={sceneStatusTones.generating}
              size="lg"
              data-testid="total-generating"
            >
              {live} generating
            </Badge>
          )}
          {failed > 0 && (
            <Badge variant="light" color={sceneStatusTones.failed} size="lg" data-testid="total-failed">
              {failed} failed
            </Badge>
          )}
        </Group>
        {selectable ? (
          <Group gap="sm" align="center">
            <Checkbox
              label="Select all"
              checked={everything}
              indeterminate={!everything && selection !== null}
              onChange={(e) => selectAll(e.currentTarget.checked)}
            />
            <Tooltip
              label="Idempotent: cells that already have a scene keep it; only the missing ones are created."
              multiline
              w={260}
            >
              <Button
                variant="default"
                onClick={create}
                disabled={!selection}
                loading={createScenes.isPending}
              >
                Create scenes
              </Button>
            </Tooltip>
            {(failed > 0 || matrix.hasNextPage) && (
              <Button
                variant="default"
                leftSection={<RetryIcon size={16} />}
                onClick={() =>
                  setGenerating({ selection: { characters: 'all', sceneTypes: 'all' }, only: 'failed' })
                }
              >
                Retry all failed{failed > 0 ? ` (${failed})` : ''}
              </Button>
            )}
            <Button
              leftSection={<StartProductionIcon size={16} />}
              disabled={!selection}
              onClick={() => selection && setGenerating({ selection, only: 'not_started' })}
            >
              Generate…
            </Button>
          </Group>
        ) : (
          <ReadOnlyReason reason={blocked} />
        )}
      </Group>
      {selectable && (
        <Group gap={6} wrap="nowrap" align="flex-start">
          <InfoIcon size={14} style={{ flex: 'none', marginTop: 2 }} />
          <Text size="xs" c="dimmed" data-testid="selection-note">
            {selectionNote} Creating is safe to repeat: cells that already have a scene keep it.
          </Text>
        </Group>
      )}
      {matrix.isError && (
        <Alert color="red" variant="light">
          <LoadError what="the scene matrix" error={matrix.error} onRetry={() => void matrix.refetch()} />
        </Alert>
      )}
      <Box className={classes.wrap}>
        <table className={classes.table} data-testid="matrix-table" aria-label="Scene matrix">
          <thead>
            <tr>
              <th className={classes.corner} rowSpan={2}>
                Character
              </th>
              {groups.map((g) => (
                <th
                  key={g.sceneTypeId}
                  colSpan={g.columns.length}
                  className={classes.groupHeader}
                  data-testid="matrix-group"
                  data-scene-type-name={g.name}
                >
                  <Group gap={6} justify="center" wrap="nowrap">
                    {selectable && (
                      <input
                        type="checkbox"
                        checked={sceneTypes.has(g.sceneTypeId)}
                        onChange={() => toggleSceneType(g.sceneTypeId)}
                        aria-label={`Select scene type ${g.name}`}
                      />
                    )}
                    <span>{g.name}</span>
                  </Group>
                </th>
              ))}
            </tr>
            <tr>
              {groups.flatMap((g) =>
                g.columns.map((c) => (
                  <th
                    key={c.key}
                    data-testid="matrix-column"
                    data-file-name={c.fileName ?? ''}
                    data-key={c.key}
                  >
                    <div>{c.label}</div>
                    <Group gap={4} wrap="nowrap">
                      <span className={classes.fileName}>{c.fileName ?? 'no file name'}</span>
                      {c.namingProblem && (
                        <Tooltip label={c.namingProblem} multiline w={260}>
                          <span className={classes.blocker} data-testid="naming-problem">
                            <WarningIcon size={14} aria-label={c.namingProblem} />
                          </span>
                        </Tooltip>
                      )}
                    </Group>
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <MatrixRow
                key={row.character.id}
                projectId={project.id}
                row={row}
                checked={allCharacters || characters.has(row.character.id)}
                selected={rowSelected(selection, row.character.id)}
                selectedColumns={selectedColumns}
                variantName={variantName}
                onToggle={toggleCharacter}
                selectable={selectable}
              />
            ))}
          </tbody>
        </table>
      </Box>
      <LoadMore
        shown={rows.length}
        hasMore={matrix.hasNextPage}
        loading={matrix.isFetchingNextPage}
        onLoadMore={() => void matrix.fetchNextPage()}
        noun="character"
        label="Load more characters"
      />
      <GenerateModal projectId={project.id} request={request} onClose={() => setGenerating(null)} />
    </Stack>
  );
}

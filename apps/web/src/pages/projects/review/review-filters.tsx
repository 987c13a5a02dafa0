// The review page's filter bar (state with counts, scene type, character, QA verdict, the advance delay), its
// progress line, and what an empty view says: the end of the queue and what comes next.
import { Button, Group, NumberInput, Progress, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ApproveIcon, ClearFiltersIcon, EmptyList } from '@/components';
import { useSceneTypes } from '../scene-types/scene-type-queries';
import { verdictLabels } from '../scenes/generation-format';
import { CharacterFilter } from '../test-shots/test-shots-page';
import type { QaFilter, ReviewCounts, ReviewFilter, ReviewStateFilter } from './review-queries';

export const stateFilters: ReviewStateFilter[] = ['unreviewed', 'flagged', 'approved', 'rejected', 'all'];
const stateFilterLabels: Record<ReviewStateFilter, string> = {
  unreviewed: 'Unreviewed',
  flagged: 'Flagged',
  approved: 'Approved',
  rejected: 'Rejected',
  all: 'All',
};
export const qaFilters: QaFilter[] = ['pass', 'flag', 'fail'];

export const isNarrowed = (f: ReviewFilter) =>
  f.sceneTypeId !== null || f.characterId !== null || f.qa !== null;

interface ReviewFiltersProps {
  projectId: string;
  filter: ReviewFilter;
  counts: ReviewCounts | undefined;
  onChange: (changes: Record<string, string | null>) => void;
  delayMs: number;
  onDelayChange: (ms: number) => void;
}

export function ReviewFilters({
  projectId,
  filter,
  counts,
  onChange,
  delayMs,
  onDelayChange,
}: ReviewFiltersProps) {
  const sceneTypes = useSceneTypes(projectId);
  const narrowed = isNarrowed(filter);
  const decidedCount = counts ? counts.approved + counts.rejected : 0;
  return (
    <>
      <Group align="flex-end" gap="sm" wrap="wrap" data-testid="review-filters">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Show
          </Text>
          <SegmentedControl
            value={filter.state}
            onChange={(v) => onChange({ state: v })}
            data={stateFilters.map((s) => ({
              value: s,
              label: `${stateFilterLabels[s]}${counts ? ` ${counts[s]}` : ''}`,
            }))}
            aria-label="Review state"
            data-testid="review-state"
          />
        </Stack>
        <Select
          label="Scene type"
          placeholder="All scene types"
          data={(sceneTypes.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          value={filter.sceneTypeId}
          onChange={(v) => onChange({ sceneTypeId: v })}
          searchable
          clearable
          w={200}
          data-testid="scene-type-filter"
        />
        <CharacterFilter
          projectId={projectId}
          value={filter.characterId}
          onChange={(v) => onChange({ characterId: v })}
        />
        <Select
          label="QA"
          placeholder="Any verdict"
          data={qaFilters.map((q) => ({ value: q, label: verdictLabels[q] }))}
          value={filter.qa}
          onChange={(v) => onChange({ qa: v })}
          clearable
          w={140}
          data-testid="qa-filter"
        />
        {narrowed && (
          <Button
            variant="subtle"
            leftSection={<ClearFiltersIcon size={16} />}
            onClick={() => onChange({ sceneTypeId: null, characterId: null, qa: null })}
          >
            Clear filters
          </Button>
        )}
        <NumberInput
          label="Next after"
          description="seconds"
          value={delayMs / 1000}
          onChange={(v) => {
            const ms = Math.round(Number(v) * 1000);
            if (!Number.isFinite(ms)) return;
            onDelayChange(ms);
          }}
          min={0}
          max={5}
          step={0.1}
          decimalScale={1}
          w={110}
          ml="auto"
          data-testid="advance-delay"
        />
      </Group>
      {counts && counts.all > 0 && (
        <Stack gap={4} data-testid="review-progress">
          <Text size="sm" c="dimmed">
            {decidedCount} of {counts.all} decided
            {counts.flagged ? ` · ${counts.flagged} flagged for discussion` : ''}
          </Text>
          <Progress value={(decidedCount / counts.all) * 100} size="sm" color="green" />
        </Stack>
      )}
    </>
  );
}

/** What an empty view says: the end of the queue and what to do next, or that nothing matches. */
export function EndOfQueue({
  projectId,
  view,
  narrowed,
  counts,
  onShow,
}: {
  projectId: string;
  view: ReviewStateFilter;
  narrowed: boolean;
  counts: ReviewCounts | undefined;
  onShow: (state: ReviewStateFilter) => void;
}) {
  const flagged = counts?.flagged ?? 0;
  if (view !== 'unreviewed') {
    return (
      <EmptyList
        title={`No ${stateFilterLabels[view].toLowerCase()} segments${narrowed ? ' match these filters' : ''}`}
        description="Segments show here once they have been generated and checked by QA."
        action={
          <Button variant="light" onClick={() => onShow('unreviewed')}>
            Show the unreviewed
          </Button>
        }
      />
    );
  }
  return (
    <div data-testid="review-end-of-queue">
      <EmptyList
        icon={<ApproveIcon size={28} />}
        title="End of queue"
        description={
          <>
            Every segment {narrowed ? 'matching these filters ' : ''}has a decision
            {counts?.all ? '' : ' — or none has been generated and checked yet'}.{' '}
            {flagged > 0
              ? `${flagged} flagged segment${flagged === 1 ? ' waits' : 's wait'} for a discussion: settle ${flagged === 1 ? 'it' : 'them'} with Approve or Reject. `
              : ''}
            Scenes whose every segment is approved go to assembly; rejected segments can be regenerated from
            their scene, and new segments join this queue once QA has checked them.
          </>
        }
        action={
          <Group gap="sm">
            {flagged > 0 && (
              <Button variant="light" color="yellow" onClick={() => onShow('flagged')}>
                Show flagged ({flagged})
              </Button>
            )}
            <Button component={Link} to={`/projects/${projectId}?tab=matrix`} variant="light">
              Open the matrix
            </Button>
          </Group>
        }
      />
    </div>
  );
}

// The readiness view of a project's characters (PRD-107): per character its state, share done and what is
// missing, filterable by state or by one missing item and sortable by readiness; a row opens its checklist.
import {
  Anchor,
  Avatar,
  Badge,
  Box,
  Group,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { api } from '@/api/client';
import { unwrap } from '@/api/unwrap';
import {
  CharacterIcon,
  CheckIcon,
  CollapsedIcon,
  EmptyList,
  ExpandIcon,
  LoadError,
  LoadMore,
  TableSkeleton,
  WarningIcon,
} from '@/components';
import { tones } from '@/theme/tokens';
import { charactersKey } from './character-queries';

type State = 'ready' | 'partial' | 'not_started';
type Sort = 'name' | 'least_ready' | 'most_ready';
const stateLabels: Record<State, string> = {
  ready: 'Ready',
  partial: 'Partially ready',
  not_started: 'Not started',
};
const stateTones: Record<State, string> = {
  ready: tones.readiness.ready,
  partial: tones.readiness.partial,
  not_started: 'red',
};

function useReadiness(projectId: string, state: State | null, missing: string | null, sort: Sort) {
  return useInfiniteQuery({
    queryKey: [...charactersKey, 'readiness', projectId, state, missing, sort],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/projects/{id}/readiness', {
          params: {
            path: { id: projectId },
            query: {
              limit: 50,
              cursor: pageParam,
              state: state ?? undefined,
              missing: missing ?? undefined,
              sort,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
    meta: { handlesErrors: true },
  });
}

export function ReadinessView({ projectId }: { projectId: string }) {
  const [state, setState] = useState<State | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const [sort, setSort] = useState<Sort>('name');
  const [open, setOpen] = useState<string | null>(null);
  const query = useReadiness(projectId, state, missing, sort);
  const summary = query.data?.pages[0]?.summary;
  const rows = query.data?.pages.flatMap((p) => p.items);

  return (
    <Stack gap="md" data-testid="readiness-view">
      {summary && (
        <Text size="sm" data-testid="readiness-summary">
          {summary.ready} of {summary.total} characters ready, {summary.partial} partially ready,{' '}
          {summary.notStarted} not started
          {summary.missing.length > 0 &&
            `. Missing: ${summary.missing.map((m) => `${m.label.toLowerCase()} ${m.count}`).join(', ')}`}
          .
        </Text>
      )}
      <Group gap="md" wrap="wrap">
        <SegmentedControl
          size="xs"
          value={state ?? 'all'}
          onChange={(v) => setState(v === 'all' ? null : (v as State))}
          data={[
            { value: 'all', label: 'All' },
            { value: 'ready', label: 'Ready' },
            { value: 'partial', label: 'Partially ready' },
            { value: 'not_started', label: 'Not started' },
          ]}
          aria-label="Filter by readiness"
        />
        <Select
          size="xs"
          w={220}
          placeholder="Missing anything"
          aria-label="Filter by missing item"
          clearable
          value={missing}
          onChange={setMissing}
          data={(summary?.missing ?? []).map((m) => ({
            value: m.key,
            label: `Missing ${m.label.toLowerCase()} (${m.count})`,
          }))}
          data-testid="readiness-missing-filter"
        />
        <Select
          size="xs"
          w={180}
          aria-label="Sort"
          value={sort}
          allowDeselect={false}
          onChange={(v) => setSort((v as Sort | null) ?? 'name')}
          data={[
            { value: 'name', label: 'By name' },
            { value: 'least_ready', label: 'Least ready first' },
            { value: 'most_ready', label: 'Most ready first' },
          ]}
        />
      </Group>
      {query.isError && !rows ? (
        <LoadError what="readiness" error={query.error} onRetry={() => void query.refetch()} />
      ) : !rows ? (
        <Table>
          <TableSkeleton columns={4} rows={5} />
        </Table>
      ) : rows.length === 0 ? (
        <EmptyList
          title={summary?.total === 0 ? 'No characters yet' : 'No character matches these filters'}
          icon={<CharacterIcon size={28} />}
          description={
            summary?.total === 0
              ? 'Add characters or import a folder of them; their readiness shows here.'
              : 'Clear the filters to see every character.'
          }
        />
      ) : (
        <>
          <Table verticalSpacing="xs" data-testid="readiness-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Character</Table.Th>
                <Table.Th w={180}>State</Table.Th>
                <Table.Th w={140}>Done</Table.Th>
                <Table.Th>Missing</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => {
                const expanded = open === r.character.id;
                return (
                  <Fragment key={r.character.id}>
                    <Table.Tr
                      data-testid="readiness-row"
                      data-character-name={r.character.name}
                      data-state={r.state}
                    >
                      <Table.Td>
                        <Group gap="sm" wrap="nowrap">
                          <UnstyledButton
                            onClick={() => setOpen(expanded ? null : r.character.id)}
                            aria-label={`${expanded ? 'Hide' : 'Show'} the checklist of ${r.character.name}`}
                            aria-expanded={expanded}
                          >
                            {expanded ? <ExpandIcon size={16} /> : <CollapsedIcon size={16} />}
                          </UnstyledButton>
                          <Avatar src={r.character.thumbnailUrl} size={32} radius="sm" alt="">
                            <CharacterIcon size={18} />
                          </Avatar>
                          <Anchor
                            component={Link}
                            to={`/projects/${projectId}/characters/${r.character.id}`}
                            size="sm"
                          >
                            {r.character.name}
                          </Anchor>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={stateTones[r.state]} variant="light">
                          {stateLabels[r.state]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Progress
                            value={r.percent}
                            w={70}
                            color={stateTones[r.state]}
                            aria-label="Share done"
                          />
                          <Text size="xs">{r.percent}%</Text>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {r.items
                            .filter((i) => !i.done)
                            .map((i) => (
                              <Badge
                                key={i.key}
                                size="sm"
                                variant="outline"
                                color={tones.readiness.missing}
                                tt="none"
                              >
                                {i.label}
                              </Badge>
                            ))}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                    {expanded && (
                      <Table.Tr>
                        <Table.Td colSpan={4}>
                          <Box pl={48}>
                            <Stack gap={4} data-testid="readiness-checklist">
                              {r.items.map((i) => (
                                <Group key={i.key} gap={6} wrap="nowrap" align="flex-start">
                                  {i.done ? (
                                    <CheckIcon size={14} color="var(--mantine-color-green-6)" />
                                  ) : (
                                    <WarningIcon size={14} color="var(--mantine-color-orange-6)" />
                                  )}
                                  <Text size="sm">
                                    {i.label}
                                    {i.detail && (
                                      <Text span size="xs" c="dimmed">
                                        {' '}
                                        — {i.detail}
                                      </Text>
                                    )}
                                  </Text>
                                </Group>
                              ))}
                            </Stack>
                          </Box>
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
          <LoadMore
            shown={rows.length}
            hasMore={query.hasNextPage}
            loading={query.isFetchingNextPage}
            onLoadMore={() => void query.fetchNextPage()}
            noun="character"
          />
        </>
      )}
    </Stack>
  );
}

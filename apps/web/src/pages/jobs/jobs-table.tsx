// The queue as a table: one row per job with priority, state, progress, who and where. Rows can be selected for bulk
// actions; in queue order, waiting rows can be dragged to a new place (PRD-008 §7), which moves the job next to the
// row it is dropped on.
import { Anchor, Box, Checkbox, Group, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { type DragEvent, type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import type { Job, QueueEstimate } from '@/api/types';
import { DateTimeText, DragHandleIcon, TableSkeleton } from '@/components';
import { JobPriorityBadge, JobStateBadge } from './job-badges';
import { type JobCommand, JobCommandsMenu } from './job-commands';
import { isRunning, isWaiting } from './job-format';
import { describeTiming, JobProgressBar, percentOf, useNow } from './job-progress';
import type { JobMove } from './job-queries';
import { describeEstimate } from './timeline/timeline-format';

interface JobsTableProps {
  jobs: Job[] | undefined;
  empty: ReactNode;
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], on: boolean) => void;
  /** The list is in queue order, so dragging a row means something. */
  reorderable: boolean;
  canControl: (job: Job) => boolean;
  onCommand: (job: Job, command: JobCommand) => void;
  onMove: (job: Job, move: JobMove) => void;
  /** Queued GPU jobs' places and estimated starts, from the render timeline. */
  estimates?: ReadonlyMap<string, QueueEstimate> | undefined;
}

interface DropTarget {
  id: string;
  where: 'before' | 'after';
}

const headers = ['Priority', 'Job', 'State', 'Progress', 'Owner', 'Project', 'Worker', 'Attempts', 'Created'];

function ProgressCell({
  job,
  now,
  estimate,
}: {
  job: Job;
  now: number;
  estimate?: QueueEstimate | undefined;
}) {
  if (isRunning(job)) {
    return (
      <Tooltip
        label={job.progressText ?? describeTiming(job, now)}
        disabled={!job.progressText && !job.startedAt}
      >
        <Group gap={6} wrap="nowrap" miw={140}>
          <Box style={{ flex: 1 }}>
            <JobProgressBar job={job} />
          </Box>
          <Text size="xs" fw={600} w={36} ta="right">
            {percentOf(job.progress)} %
          </Text>
        </Group>
      </Tooltip>
    );
  }
  return (
    <Stack gap={0} miw={140}>
      <Text size="xs" c="dimmed">
        {describeTiming(job, now)}
      </Text>
      {estimate && (
        <Text size="xs" fw={500} data-testid="queue-estimate">
          #{estimate.position} in line · {describeEstimate(estimate, now)}
        </Text>
      )}
    </Stack>
  );
}

export function JobsTable(props: JobsTableProps) {
  const { jobs, selected, reorderable } = props;
  const now = useNow(5000);
  const [dragging, setDragging] = useState<Job | null>(null);
  const [target, setTarget] = useState<DropTarget | null>(null);
  const columns = headers.length + (reorderable ? 3 : 2);
  const allSelected = Boolean(jobs?.length) && jobs!.every((j) => selected.has(j.id));
  const someSelected = Boolean(jobs?.some((j) => selected.has(j.id)));

  const canDrag = (job: Job) => reorderable && isWaiting(job) && props.canControl(job);
  const dropOn = (job: Job) => dragging !== null && dragging.id !== job.id && isWaiting(job);

  const onDragOver = (job: Job) => (event: DragEvent<HTMLTableRowElement>) => {
    if (!dropOn(job)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const box = event.currentTarget.getBoundingClientRect();
    const where = event.clientY < box.top + box.height / 2 ? 'before' : 'after';
    if (target?.id !== job.id || target.where !== where) setTarget({ id: job.id, where });
  };
  const onDrop = (job: Job) => (event: DragEvent<HTMLTableRowElement>) => {
    event.preventDefault();
    if (dragging && target?.id === job.id) {
      props.onMove(dragging, target.where === 'before' ? { before: job.id } : { after: job.id });
    }
    setDragging(null);
    setTarget(null);
  };
  const dropLine = (job: Job) => {
    if (target?.id !== job.id) return undefined;
    const edge = target.where === 'before' ? '0 2px' : '0 -2px';
    return `inset ${edge} 0 var(--mantine-color-brand-6)`;
  };

  return (
    <Table.ScrollContainer minWidth={1080}>
      <Table aria-label="Jobs" data-testid="jobs-table" verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>
              <Checkbox
                aria-label="Select all shown jobs"
                checked={allSelected}
                indeterminate={someSelected && !allSelected}
                disabled={!jobs?.length}
                onChange={(e) => props.onSelect(jobs?.map((j) => j.id) ?? [], e.currentTarget.checked)}
              />
            </Table.Th>
            {reorderable && (
              <Table.Th w={28}>
                <VisuallyHidden>Drag to reorder</VisuallyHidden>
              </Table.Th>
            )}
            {headers.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        {jobs === undefined ? (
          <TableSkeleton columns={columns} />
        ) : (
          <Table.Tbody>
            {jobs.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={columns}>{props.empty}</Table.Td>
              </Table.Tr>
            ) : (
              jobs.map((j) => (
                <Table.Tr
                  key={j.id}
                  data-testid="job-row"
                  data-job-id={j.id}
                  data-label={j.label}
                  data-state={j.state}
                  bg={selected.has(j.id) ? 'var(--mantine-primary-color-light)' : undefined}
                  draggable={canDrag(j)}
                  onDragStart={(event) => {
                    event.dataTransfer.setData('text/plain', j.id);
                    event.dataTransfer.effectAllowed = 'move';
                    setDragging(j);
                  }}
                  onDragOver={onDragOver(j)}
                  onDragLeave={() => target?.id === j.id && setTarget(null)}
                  onDrop={onDrop(j)}
                  onDragEnd={() => {
                    setDragging(null);
                    setTarget(null);
                  }}
                  style={{
                    boxShadow: dropLine(j),
                    opacity: dragging?.id === j.id ? 0.5 : undefined,
                  }}
                >
                  <Table.Td>
                    <Checkbox
                      aria-label={`Select ${j.label}`}
                      checked={selected.has(j.id)}
                      onChange={(e) => props.onSelect([j.id], e.currentTarget.checked)}
                    />
                  </Table.Td>
                  {reorderable && (
                    <Table.Td c="dimmed" style={{ cursor: canDrag(j) ? 'grab' : undefined }}>
                      {canDrag(j) && (
                        <Tooltip label="Drag to move it in the queue">
                          <DragHandleIcon size={16} aria-label="Drag to move it in the queue" />
                        </Tooltip>
                      )}
                    </Table.Td>
                  )}
                  <Table.Td>
                    <JobPriorityBadge priority={j.priority} size="sm" />
                  </Table.Td>
                  <Table.Td maw={280}>
                    <Stack gap={0}>
                      <Anchor component={Link} to={`/jobs/${j.id}`} fw={500} size="sm" truncate="end">
                        {j.label}
                      </Anchor>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {j.kind}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <JobStateBadge state={j.state} pauseRequested={j.pauseRequested} />
                  </Table.Td>
                  <Table.Td>
                    <ProgressCell job={j} now={now} estimate={props.estimates?.get(j.id)} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {j.owner?.displayName ?? 'Studio'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {j.projectId ? (
                      <Anchor component={Link} to={`/projects/${j.projectId}`} size="sm">
                        {j.projectName}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {j.worker ? (
                      <Anchor component={Link} to={`/workers/${j.worker.id}`} size="sm">
                        {j.worker.name}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {j.attempts}/{j.maxAttempts}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <DateTimeText value={j.createdAt} relative />
                  </Table.Td>
                  <Table.Td>
                    {props.canControl(j) ? (
                      <JobCommandsMenu job={j} onCommand={(c) => props.onCommand(j, c)} />
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}

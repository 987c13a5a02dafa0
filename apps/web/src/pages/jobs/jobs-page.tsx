// The queue (PRD-008): every job, filtered by state, owner and kind; in queue order while it shows waiting jobs, so
// the order can be changed by dragging or "Move to front"; bulk actions on the selected jobs; new renders.
import { roleCan } from '@i2v/domain';
import { Alert, Button, Card, Group, List, SegmentedControl, Select, Text } from '@mantine/core';
import { useState } from 'react';
import type { Job, JobPriority } from '@/api/types';
import { useCurrentUser } from '@/auth/use-session';
import {
  ConfirmDialog,
  EmptyList,
  LoadError,
  LoadMore,
  NewRenderIcon,
  notifySuccess,
  PageHeader,
  QueueIcon,
  SearchIcon,
  WarningIcon,
} from '@/components';
import { countOf } from '@/format/count';
import { BulkBar, bulkVerbs } from './bulk-bar';
import { useJobCommands } from './job-commands';
import { canControl, type JobStateFilter, stateFilters } from './job-format';
import { type BulkAction, useBulkJobAction, useJobKinds, useJobPages, useMoveJob } from './job-queries';
import { JobsTable } from './jobs-table';
import { JobsTabs } from './jobs-tabs';
import { NewRenderModal } from './new-render-modal';
import { useRenderTimeline } from './timeline/timeline-queries';

interface BulkFailure {
  id: string;
  label: string;
  detail: string;
}

const stateOptions = (Object.keys(stateFilters) as JobStateFilter[]).map((value) => ({
  value,
  label: stateFilters[value].label,
}));

export function JobsPage() {
  const me = useCurrentUser();
  const canSubmit = roleCan(me.role, 'content.write');
  const [stateFilter, setStateFilter] = useState<JobStateFilter>('active');
  const [owner, setOwner] = useState<'me' | 'everyone'>('everyone');
  const [kind, setKind] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [failures, setFailures] = useState<BulkFailure[]>([]);
  const [creating, setCreating] = useState(false);
  const filter = stateFilters[stateFilter];
  const pages = useJobPages({
    states: filter.states,
    order: filter.order,
    owner: owner === 'me' ? 'me' : null,
    kind,
  });
  const kinds = useJobKinds();
  // where queued renders stand and when they start, when the list can show them (one request for all rows)
  const showsQueued = filter.states === null || filter.states.includes('queued');
  const timeline = useRenderTimeline(1, showsQueued);
  const estimates = showsQueued ? new Map(timeline.data?.queue.map((q) => [q.jobId, q])) : undefined;
  const commands = useJobCommands();
  const move = useMoveJob();
  const bulk = useBulkJobAction();
  const jobs = pages.data?.pages.flatMap((p) => p.items);
  const selectedJobs = jobs?.filter((j) => selected.has(j.id)) ?? [];
  const narrowed = stateFilter !== 'active' || owner === 'me' || kind !== null;

  const select = (ids: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const showAll = () => {
    setStateFilter('all');
    setOwner('everyone');
    setKind(null);
  };

  const runBulk = (action: BulkAction, priority?: JobPriority) => {
    const ids = selectedJobs.map((j) => j.id);
    const labels = new Map(selectedJobs.map((j) => [j.id, j.label]));
    bulk.mutate(
      { action, ids, ...(priority ? { priority } : {}) },
      {
        onSuccess: ({ results }) => {
          const ok = results.filter((r) => r.ok);
          const refused = results.filter((r) => !r.ok);
          setFailures(
            refused.map((r) => ({
              id: r.id,
              label: labels.get(r.id) ?? r.id,
              detail: r.detail ?? r.code ?? 'refused',
            })),
          );
          setSelected(new Set(refused.map((r) => r.id)));
          setConfirmCancel(false);
          if (ok.length > 0) notifySuccess(`${countOf(ok.length, 'job')} ${bulkVerbs[action]}.`);
        },
      },
    );
  };

  const newRenderButton = canSubmit && (
    <Button
      leftSection={<NewRenderIcon size={16} />}
      onClick={() => setCreating(true)}
      data-testid="new-render"
    >
      New render
    </Button>
  );
  const empty = narrowed ? (
    <EmptyList
      title="No jobs match these filters"
      icon={<SearchIcon size={28} />}
      description="Try another state, owner or kind, or show every job the studio has run."
      action={
        <Button variant="default" onClick={showAll}>
          Show all jobs
        </Button>
      }
    />
  ) : (
    <EmptyList
      title="The queue is empty"
      icon={<QueueIcon size={28} />}
      description={
        canSubmit
          ? 'Nothing is running or waiting. Start a render with New render, or generate scenes from a project; their jobs line up here, urgent first.'
          : 'Nothing is running or waiting. Jobs line up here when creators start renders.'
      }
      action={newRenderButton || undefined}
    />
  );

  return (
    <>
      <JobsTabs />
      <PageHeader
        title="Queue"
        description="Every job of the studio: what runs on which worker, what waits and in which order, and what finished. Drag waiting jobs to change their order; urgent jobs always go first."
        actions={newRenderButton}
      />
      <Group mb="md" gap="sm" wrap="wrap">
        <SegmentedControl
          aria-label="State"
          data={stateOptions}
          value={stateFilter}
          onChange={(v) => {
            setStateFilter(v as JobStateFilter);
            setSelected(new Set());
          }}
          data-testid="state-filter"
        />
        <SegmentedControl
          aria-label="Owner"
          data={[
            { value: 'everyone', label: 'Everyone' },
            { value: 'me', label: 'Mine' },
          ]}
          value={owner}
          onChange={(v) => setOwner(v as 'me' | 'everyone')}
        />
        <Select
          aria-label="Kind"
          placeholder="Any kind"
          data={kinds.data?.items.map((k) => ({ value: k.kind, label: k.label })) ?? []}
          value={kind}
          onChange={setKind}
          clearable
          w={180}
        />
      </Group>
      {selectedJobs.length > 0 && (
        <BulkBar
          count={selectedJobs.length}
          busy={bulk.isPending}
          onAction={(action, priority) =>
            action === 'cancel' ? setConfirmCancel(true) : runBulk(action, priority)
          }
          onClear={() => setSelected(new Set())}
        />
      )}
      {failures.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          icon={<WarningIcon size={20} />}
          title={`${countOf(failures.length, 'job')} could not be changed`}
          withCloseButton
          onClose={() => setFailures([])}
          mb="md"
          data-testid="bulk-failures"
        >
          <List size="sm" spacing={2}>
            {failures.map((f) => (
              <List.Item key={f.id}>
                <Text span size="sm" fw={600}>
                  {f.label}
                </Text>
                : {f.detail}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {pages.isError && <LoadError what="jobs" error={pages.error} onRetry={() => void pages.refetch()} />}
      {!(pages.isError && !jobs) && (
        <Card p={0}>
          <JobsTable
            jobs={jobs}
            empty={empty}
            selected={selected}
            onSelect={select}
            reorderable={filter.order === 'queue'}
            canControl={(j: Job) => canControl(me, j)}
            onCommand={commands.run}
            estimates={estimates}
            onMove={(j, m) =>
              move.mutate(
                { id: j.id, move: m },
                { onSuccess: (moved) => notifySuccess(`${moved.label} is moved.`) },
              )
            }
          />
          {jobs && jobs.length > 0 && (
            <LoadMore
              shown={jobs.length}
              hasMore={pages.hasNextPage}
              loading={pages.isFetchingNextPage}
              onLoadMore={() => void pages.fetchNextPage()}
              noun="job"
            />
          )}
        </Card>
      )}
      <ConfirmDialog
        opened={confirmCancel}
        title="Cancel jobs"
        confirmLabel={`Cancel ${countOf(selectedJobs.length, 'job')}`}
        dismissLabel="Keep them"
        danger
        loading={bulk.isPending}
        onCancel={() => setConfirmCancel(false)}
        onConfirm={() => runBulk('cancel')}
      >
        Waiting jobs leave the queue; running jobs stop on their workers and keep what they produced so far.
        Finished jobs are left as they are.
      </ConfirmDialog>
      <NewRenderModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSubmitted={(job) =>
          notifySuccess(
            job.state === 'scheduled' ? `${job.label} is scheduled.` : `${job.label} is queued.`,
            'Render submitted',
          )
        }
      />
      {commands.dialogs}
    </>
  );
}

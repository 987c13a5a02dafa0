// One job (PRD-008): what it is and where it stands, its controls, why it failed, what it produced, the jobs it
// waits for, and its whole history.
import { Anchor, Button, Card, Group, Menu, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '@/api/api-error';
import type { Job } from '@/api/types';
import { useCurrentUser } from '@/auth/use-session';
import {
  BackIcon,
  DateTimeText,
  EmptyList,
  LoadError,
  NotFoundIcon,
  PageHeader,
  PriorityIcon,
} from '@/components';
import { StatusMessage } from '@/pages/errors/status-message';
import { JobPriorityBadge, JobStateBadge } from './job-badges';
import { commandIcon, commandLabels, useJobCommands } from './job-commands';
import { JobErrorPanel } from './job-error-panel';
import { actionsOf, canControl, isRunning, priorities, priorityLabels } from './job-format';
import { JobOutputs } from './job-outputs';
import { JobProgress, useNow } from './job-progress';
import { jobQuery, useJob, useJobEvents } from './job-queries';
import { JobTimeline } from './job-timeline';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <div style={{ marginBottom: 'var(--mantine-spacing-lg)' }}>{children}</div>
    </>
  );
}

function Dependencies({ ids }: { ids: string[] }) {
  const deps = useQueries({ queries: ids.map((id) => jobQuery(id)) });
  return (
    <Card withBorder>
      <Stack gap="xs">
        {ids.map((id, i) => {
          const dep = deps[i]?.data;
          return (
            <Group key={id} justify="space-between" gap="sm">
              <Anchor component={Link} to={`/jobs/${id}`} size="sm">
                {dep?.label ?? id}
              </Anchor>
              {dep && <JobStateBadge state={dep.state} size="sm" />}
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}

function JobControls({ job }: { job: Job }) {
  const commands = useJobCommands();
  const actions = actionsOf(job);
  const simple = (['pause', 'resume', 'retry', 'front', 'schedule'] as const).filter((a) =>
    actions.includes(a),
  );
  return (
    <>
      {simple.map((a) => (
        <Button
          key={a}
          variant="default"
          leftSection={commandIcon(a)}
          disabled={commands.busy}
          onClick={() => commands.run(job, { action: a })}
        >
          {commandLabels[a].replace('…', '')}
        </Button>
      ))}
      {actions.includes('priority') && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="default" leftSection={<PriorityIcon size={16} />} disabled={commands.busy}>
              Priority
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {priorities.map((p) => (
              <Menu.Item
                key={p}
                disabled={p === job.priority}
                onClick={() => commands.run(job, { action: 'priority', priority: p })}
              >
                {priorityLabels[p]}
                {p === job.priority ? ' (current)' : ''}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
      {actions.includes('cancel') && (
        <Button
          variant="light"
          color="red"
          leftSection={commandIcon('cancel')}
          disabled={commands.busy}
          onClick={() => commands.run(job, { action: 'cancel' })}
        >
          Cancel
        </Button>
      )}
      {commands.dialogs}
    </>
  );
}

function JobNotFound() {
  return (
    <StatusMessage
      icon={NotFoundIcon}
      color="gray"
      title="Job not found"
      testId="job-not-found"
      actions={
        <Button component={Link} to="/jobs" variant="default">
          Back to the queue
        </Button>
      }
    >
      There is no job at this address. It may have been mistyped, or the link is out of date.
    </StatusMessage>
  );
}

export function JobPage() {
  const { jobId = '' } = useParams();
  const me = useCurrentUser();
  const job = useJob(jobId);
  const events = useJobEvents(jobId);
  const now = useNow();

  if (job.isError) {
    if (isApiError(job.error) && (job.error.status === 404 || job.error.status === 400))
      return <JobNotFound />;
    return <LoadError what="the job" error={job.error} onRetry={() => void job.refetch()} />;
  }
  const j = job.data;

  return (
    <>
      <Anchor
        component={Link}
        to="/jobs"
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <BackIcon size={14} /> Queue
      </Anchor>
      <PageHeader
        title={j?.label ?? 'Job'}
        description={
          j ? (
            <Group gap="xs" component="span">
              <JobStateBadge state={j.state} pauseRequested={j.pauseRequested} />
              <JobPriorityBadge priority={j.priority} />
              <Text span size="sm" c="dimmed" ff="monospace">
                {j.kind}
              </Text>
            </Group>
          ) : undefined
        }
        actions={j && canControl(me, j) ? <JobControls job={j} /> : undefined}
      />
      {!j ? (
        <Skeleton h={160} />
      ) : (
        <>
          {isRunning(j) && (
            <Card withBorder mb="lg" data-testid="job-running">
              <Stack gap={6}>
                <JobProgress job={j} now={now} />
                {j.progressText && (
                  <Text size="xs" c="dimmed">
                    {j.progressText}
                  </Text>
                )}
              </Stack>
            </Card>
          )}
          <JobErrorPanel job={j} />
          <Card withBorder mb="lg" data-testid="job-facts">
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
              <Fact label="Owner">{j.owner?.displayName ?? 'Studio'}</Fact>
              <Fact label="Project">
                {j.projectId ? (
                  <Anchor component={Link} to={`/projects/${j.projectId}`} size="sm">
                    {j.projectName}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Fact>
              <Fact label="Worker">
                {j.worker ? (
                  <Anchor component={Link} to={`/workers/${j.worker.id}`} size="sm">
                    {j.worker.name}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Fact>
              <Fact label="Attempts">
                {j.attempts} / {j.maxAttempts}
              </Fact>
              <Fact label="Created">
                <DateTimeText value={j.createdAt} />
              </Fact>
              <Fact label="Started">
                <DateTimeText value={j.startedAt} empty="not yet" />
              </Fact>
              <Fact label="Finished">
                <DateTimeText value={j.finishedAt} empty="not yet" />
              </Fact>
              <Fact label="Start at">
                <DateTimeText value={j.runAt} empty="as soon as possible" />
              </Fact>
              <Fact label="Prompt id">
                {j.promptId ? (
                  <Text span size="sm" ff="monospace" data-testid="job-prompt-id">
                    {j.promptId}
                  </Text>
                ) : (
                  '—'
                )}
              </Fact>
              <Fact label="Worker tags">
                {j.requiredTags.length ? j.requiredTags.join(', ') : 'any worker'}
                {j.preferredTags.length ? ` (prefers ${j.preferredTags.join(', ')})` : ''}
              </Fact>
              {j.offPeakOnly && <Fact label="Off-peak only">Starts only in the off-peak window</Fact>}
            </SimpleGrid>
          </Card>

          {j.outputs.length > 0 && (
            <Section title="Outputs">
              <JobOutputs outputs={j.outputs} />
            </Section>
          )}
          {j.dependsOn.length > 0 && (
            <Section title="Depends on">
              <Dependencies ids={j.dependsOn} />
            </Section>
          )}
        </>
      )}

      <Section title="History">
        {events.isError && (
          <LoadError what="the history" error={events.error} onRetry={() => void events.refetch()} />
        )}
        <Card withBorder>
          {!events.data ? (
            <Skeleton h={120} />
          ) : events.data.items.length === 0 ? (
            <EmptyList title="No history yet" description="State changes and log lines appear here." />
          ) : (
            <JobTimeline events={events.data.items} />
          )}
        </Card>
      </Section>
    </>
  );
}

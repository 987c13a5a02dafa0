// The job tray (PRD-054): in the header on every page, the signed-in user's running and queued jobs with their
// overall progress; it opens to a list with progress, timing and pause/cancel, and a way to the queue.
import {
  ActionIcon,
  Anchor,
  Button,
  Divider,
  Group,
  Popover,
  RingProgress,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link } from 'react-router';
import type { Job } from '@/api/types';
import { useCurrentUser } from '@/auth/use-session';
import { countOf } from '@/format/count';
import { JobStateBadge } from '@/pages/jobs/job-badges';
import { type JobCommand, useJobCommands } from '@/pages/jobs/job-commands';
import { actionsOf, canControl, isRunning, overallProgress } from '@/pages/jobs/job-format';
import { describeTiming, JobProgress, percentOf, useNow } from '@/pages/jobs/job-progress';
import { useJobSummary } from '@/pages/jobs/job-queries';
import { CancelJobIcon, PauseIcon, QueueIcon, ResumeIcon } from '../icons';
import { useProgressTitle } from './use-progress-title';

function trayText(running: number, queued: number): string {
  if (running === 0 && queued === 0) return 'No jobs';
  if (running === 0) return `${queued} queued`;
  return queued === 0 ? `${running} running` : `${running} running · ${queued} queued`;
}

function TrayJob({ job, onCommand }: { job: Job; onCommand: (command: JobCommand) => void }) {
  const me = useCurrentUser();
  const now = useNow();
  const actions = canControl(me, job) ? actionsOf(job) : [];
  const pauseOrResume = actions.includes('pause') ? 'pause' : actions.includes('resume') ? 'resume' : null;
  return (
    <Stack gap={6} data-testid="tray-job" data-job-id={job.id}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Anchor component={Link} to={`/jobs/${job.id}`} size="sm" fw={500} truncate="end" miw={0}>
          {job.label}
        </Anchor>
        <Group gap={4} wrap="nowrap">
          <JobStateBadge state={job.state} pauseRequested={job.pauseRequested} size="sm" />
          {pauseOrResume && (
            <Tooltip label={pauseOrResume === 'pause' ? 'Pause' : 'Resume'}>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={`${pauseOrResume === 'pause' ? 'Pause' : 'Resume'} ${job.label}`}
                onClick={() => onCommand({ action: pauseOrResume })}
              >
                {pauseOrResume === 'pause' ? <PauseIcon size={16} /> : <ResumeIcon size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
          {actions.includes('cancel') && (
            <Tooltip label="Cancel">
              <ActionIcon
                variant="subtle"
                color="red"
                size="sm"
                aria-label={`Cancel ${job.label}`}
                onClick={() => onCommand({ action: 'cancel' })}
              >
                <CancelJobIcon size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Group>
      {isRunning(job) ? (
        <JobProgress job={job} now={now} />
      ) : (
        <Text size="xs" c="dimmed">
          {describeTiming(job, now)}
        </Text>
      )}
    </Stack>
  );
}

export function JobTray() {
  const [opened, popover] = useDisclosure(false);
  const summary = useJobSummary();
  const commands = useJobCommands();
  const s = summary.data;
  const running = s?.running ?? 0;
  const queued = s?.queued ?? 0;
  const progress = s ? overallProgress(s) : null;
  useProgressTitle(progress);

  const label = trayText(running, queued);
  return (
    <>
      <Popover
        opened={opened}
        onChange={(o) => (o ? popover.open() : popover.close())}
        position="bottom-end"
        width={400}
        shadow="md"
        withinPortal
      >
        <Popover.Target>
          <Button
            variant="default"
            size="sm"
            px="xs"
            onClick={popover.toggle}
            aria-label={`Your jobs: ${label}`}
            data-testid="job-tray"
            data-running={running}
            data-queued={queued}
            leftSection={
              progress === null ? (
                <QueueIcon size={18} />
              ) : (
                <RingProgress
                  size={24}
                  thickness={3}
                  roundCaps
                  sections={[{ value: percentOf(progress), color: 'brand' }]}
                  aria-label={`${percentOf(progress)} % done`}
                />
              )
            }
          >
            <Text span size="sm" fw={500} visibleFrom="sm" data-testid="job-tray-text">
              {label}
            </Text>
          </Button>
        </Popover.Target>
        <Popover.Dropdown p={0} data-testid="job-tray-panel">
          <Group justify="space-between" px="md" py="sm" gap="xs">
            <Text fw={600} size="sm">
              Your jobs
            </Text>
            <Text size="xs" c="dimmed">
              {running > 0 && progress !== null
                ? `${countOf(running, 'running job')} · ${percentOf(progress)} % done`
                : `${running} running · ${queued} queued`}
            </Text>
          </Group>
          <Divider />
          {s && s.active.length > 0 ? (
            <ScrollArea.Autosize mah={380} type="auto">
              <Stack gap="md" px="md" py="sm">
                {s.active.map((job) => (
                  <TrayJob key={job.id} job={job} onCommand={(c) => commands.run(job, c)} />
                ))}
              </Stack>
            </ScrollArea.Autosize>
          ) : (
            <Stack gap={4} px="md" py="lg" align="center" ta="center">
              <Text size="sm" fw={500}>
                Nothing running or waiting
              </Text>
              <Text size="xs" c="dimmed" maw={300}>
                Jobs appear here when you start a render. They keep running while you work elsewhere, and you
                are told when they finish.
              </Text>
            </Stack>
          )}
          {s && s.failedRecently > 0 && (
            <Text size="xs" c="red" px="md" pb="sm">
              {countOf(s.failedRecently, 'job')} failed in the last 24 hours.
            </Text>
          )}
          <Divider />
          <Group p="xs" justify="flex-end">
            <Button component={Link} to="/jobs" variant="subtle" size="xs" onClick={popover.close}>
              Open the queue
            </Button>
          </Group>
        </Popover.Dropdown>
      </Popover>
      {commands.dialogs}
    </>
  );
}

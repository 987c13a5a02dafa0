// Acting on one job from anywhere (tray, queue row, job page): pause, resume, retry, move to the front and change
// priority at once; cancel after a confirmation; set a start time in a dialog. Each says what happened in a toast.
import { ActionIcon, Menu } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import type { Job, JobPriority } from '@/api/types';
import {
  CancelJobIcon,
  ConfirmDialog,
  ExternalLinkIcon,
  MoreActionsIcon,
  MoveToFrontIcon,
  notifyError,
  notifySuccess,
  PauseIcon,
  PriorityIcon,
  ResumeIcon,
  RetryIcon,
  ScheduleIcon,
} from '@/components';
import { actionsOf, isRunning, priorities, priorityLabels } from './job-format';
import { useJobControl, useMoveJob, useSetJobPriority } from './job-queries';
import { ScheduleJobModal } from './schedule-job-modal';

export type JobCommand =
  | { action: 'pause' | 'resume' | 'cancel' | 'retry' | 'front' | 'schedule' }
  | { action: 'priority'; priority: JobPriority };

export const commandLabels = {
  pause: 'Pause',
  resume: 'Resume',
  cancel: 'Cancel…',
  retry: 'Retry',
  front: 'Move to front',
  schedule: 'Set start time…',
} as const;

/** A function, not a table: the app shell loads this file while the component library is still loading. */
export function commandIcon(action: keyof typeof commandLabels): ReactNode {
  const icons = {
    pause: PauseIcon,
    resume: ResumeIcon,
    cancel: CancelJobIcon,
    retry: RetryIcon,
    front: MoveToFrontIcon,
    schedule: ScheduleIcon,
  };
  const Icon = icons[action];
  return <Icon size={16} />;
}

/** Runs commands on jobs; render `dialogs` once where the hook is used. */
export function useJobCommands() {
  const [cancelling, setCancelling] = useState<Job | null>(null);
  const [scheduling, setScheduling] = useState<Job | null>(null);
  const control = useJobControl();
  const priority = useSetJobPriority();
  const move = useMoveJob();

  const failed = (job: Job) => (error: unknown) => notifyError(error, `Could not change ${job.label}`);

  const run = (job: Job, command: JobCommand) => {
    switch (command.action) {
      case 'cancel':
        setCancelling(job);
        return;
      case 'schedule':
        setScheduling(job);
        return;
      case 'priority':
        priority.mutate(
          { id: job.id, priority: command.priority },
          {
            onSuccess: (j) => notifySuccess(`${j.label} is now ${priorityLabels[j.priority].toLowerCase()}.`),
            onError: failed(job),
          },
        );
        return;
      case 'front':
        move.mutate(
          { id: job.id, move: { to: 'front' } },
          {
            onSuccess: (j) => notifySuccess(`${j.label} is at the front of its priority level.`),
            onError: failed(job),
          },
        );
        return;
      default: {
        const action = command.action;
        control.mutate(
          { job, action },
          {
            onSuccess: (j) =>
              notifySuccess(
                action === 'pause' && isRunning(j)
                  ? `${j.label} pauses at its next checkpoint.`
                  : action === 'pause'
                    ? `${j.label} is paused.`
                    : `${j.label} is ${j.state === 'scheduled' ? 'scheduled' : 'queued'} again.`,
              ),
            onError: failed(job),
          },
        );
      }
    }
  };

  const dialogs = (
    <>
      <ConfirmDialog
        opened={cancelling !== null}
        title="Cancel job"
        confirmLabel="Cancel job"
        dismissLabel="Keep it"
        danger
        loading={control.isPending}
        onCancel={() => setCancelling(null)}
        onConfirm={() =>
          cancelling &&
          control.mutate(
            { job: cancelling, action: 'cancel' },
            {
              onSuccess: (j) => {
                notifySuccess(`${j.label} is cancelled.`);
                setCancelling(null);
              },
              onError: failed(cancelling),
            },
          )
        }
      >
        <strong>{cancelling?.label}</strong>{' '}
        {cancelling && isRunning(cancelling)
          ? 'stops on its worker; what it has produced so far is kept.'
          : 'leaves the queue. You can retry it later.'}
      </ConfirmDialog>
      <ScheduleJobModal job={scheduling} onClose={() => setScheduling(null)} />
    </>
  );

  return { run, dialogs, busy: control.isPending || priority.isPending || move.isPending };
}

/** The "…" menu of a job: every command its state offers. */
export function JobCommandsMenu({ job, onCommand }: { job: Job; onCommand: (command: JobCommand) => void }) {
  const actions = actionsOf(job);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${job.label}`}>
          <MoreActionsIcon size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to={`/jobs/${job.id}`} leftSection={<ExternalLinkIcon size={16} />}>
          Open
        </Menu.Item>
        {actions.length > 0 && <Menu.Divider />}
        {actions
          .filter((a) => a !== 'priority' && a !== 'cancel')
          .map((a) => (
            <Menu.Item
              key={a}
              leftSection={commandIcon(a as keyof typeof commandLabels)}
              onClick={() => onCommand({ action: a as Exclude<JobCommand['action'], 'priority'> })}
            >
              {commandLabels[a as keyof typeof commandLabels]}
            </Menu.Item>
          ))}
        {actions.includes('priority') && (
          <>
            <Menu.Label>Priority</Menu.Label>
            {priorities
              .filter((p) => p !== job.priority)
              .map((p) => (
                <Menu.Item
                  key={p}
                  leftSection={<PriorityIcon size={16} />}
                  onClick={() => onCommand({ action: 'priority', priority: p })}
                >
                  Make {priorityLabels[p].toLowerCase()}
                </Menu.Item>
              ))}
          </>
        )}
        {actions.includes('cancel') && (
          <>
            <Menu.Divider />
            <Menu.Item
              color="red"
              leftSection={commandIcon('cancel')}
              onClick={() => onCommand({ action: 'cancel' })}
            >
              {commandLabels.cancel}
            </Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

// Confirms an admin state change: what it does to work on that worker, and that decommissioning is final.
import type { Worker } from '@/api/types';
import { ConfirmDialog, notifyError, notifySuccess } from '@/components';
import { useWorkerAction, type WorkerAction } from './worker-queries';

export interface PendingWorkerAction {
  worker: Worker;
  action: WorkerAction;
}

const texts: Record<WorkerAction, { title: string; confirm: string; body: string; done: string }> = {
  enable: {
    title: 'Enable worker',
    confirm: 'Enable',
    body: 'It takes new work again.',
    done: 'is enabled',
  },
  drain: {
    title: 'Drain worker',
    confirm: 'Drain',
    body: 'It finishes what it runs and takes nothing new, so it can be stopped safely afterwards.',
    done: 'is draining',
  },
  disable: {
    title: 'Disable worker',
    confirm: 'Disable',
    body: 'It takes no work. Health checks go on, so you can still see its vitals.',
    done: 'is disabled',
  },
  decommission: {
    title: 'Decommission worker',
    confirm: 'Decommission',
    body: 'It leaves the fleet for good; its events and job history stay. Its name and URL become free to register again.',
    done: 'is decommissioned',
  },
};

export function WorkerActionDialog({
  pending,
  onDone,
}: {
  pending: PendingWorkerAction | null;
  onDone: () => void;
}) {
  const run = useWorkerAction();
  const text = pending ? texts[pending.action] : texts.enable;
  return (
    <ConfirmDialog
      opened={pending !== null}
      title={text.title}
      confirmLabel={text.confirm}
      danger={pending?.action === 'decommission'}
      loading={run.isPending}
      onCancel={onDone}
      onConfirm={() =>
        pending &&
        run.mutate(pending, {
          onSuccess: (worker) => {
            notifySuccess(`${worker.name} ${text.done}.`);
            onDone();
          },
          onError: (error) => notifyError(error, `Could not change ${pending.worker.name}`),
        })
      }
    >
      <strong>{pending?.worker.name}</strong>: {text.body}
    </ConfirmDialog>
  );
}

/** The actions a worker in this state offers. */
export function actionsFor(state: Worker['adminState']): WorkerAction[] {
  switch (state) {
    case 'enabled':
      return ['drain', 'disable', 'decommission'];
    case 'draining':
      return ['enable', 'disable', 'decommission'];
    case 'disabled':
      return ['enable', 'decommission'];
    case 'decommissioned':
      return [];
  }
}

// The worker fleet (PRD-046 §1.6): every ComfyUI server with its health and vitals; admins register workers
// and change their state.
import { roleCan } from '@i2v/domain';
import { Button, Card, Group, Select } from '@mantine/core';
import { useState } from 'react';
import { useCurrentUser } from '@/auth/use-session';
import {
  AddIcon,
  ClearFiltersIcon,
  EmptyList,
  LoadError,
  LoadMore,
  notifySuccess,
  PageHeader,
  SearchIcon,
} from '@/components';
import { RegisterWorkerModal } from './register-worker-modal';
import { type PendingWorkerAction, WorkerActionDialog } from './worker-action-dialog';
import { adminStateLabels, healthLabels } from './worker-format';
import { useWorkerPages, type WorkerHealthFilter, type WorkerStateFilter } from './worker-queries';
import { WorkersTable } from './workers-table';

const healthOptions = Object.entries(healthLabels).map(([value, label]) => ({ value, label }));
const stateOptions = Object.entries(adminStateLabels).map(([value, label]) => ({ value, label }));

export function WorkersPage() {
  const me = useCurrentUser();
  const canManage = roleCan(me.role, 'workers.manage');
  const [health, setHealth] = useState<WorkerHealthFilter>(null);
  const [adminState, setAdminState] = useState<WorkerStateFilter>(null);
  const [registering, setRegistering] = useState(false);
  const [pending, setPending] = useState<PendingWorkerAction | null>(null);
  const pages = useWorkerPages({ health, adminState });
  const workers = pages.data?.pages.flatMap((p) => p.items);
  const filtered = health !== null || adminState !== null;
  const clear = () => {
    setHealth(null);
    setAdminState(null);
  };

  const registerButton = canManage && (
    <Button leftSection={<AddIcon size={16} />} onClick={() => setRegistering(true)}>
      Register worker
    </Button>
  );
  const empty = filtered ? (
    <EmptyList
      title="No workers match these filters"
      icon={<SearchIcon size={28} />}
      description="Try another health or state, or clear the filters to see the whole fleet."
      action={
        <Button variant="default" leftSection={<ClearFiltersIcon size={16} />} onClick={clear}>
          Clear filters
        </Button>
      }
    />
  ) : (
    <EmptyList
      title="No workers yet"
      description={
        canManage
          ? 'Register a ComfyUI server by its URL (e.g. http://10.0.0.5:8188) so the studio can render on it. For a demo, start the studio with I2V_SIM_WORKERS=2 to get simulated workers.'
          : 'An admin registers the ComfyUI servers the studio renders on; ask one to add a worker.'
      }
      action={registerButton || undefined}
    />
  );

  return (
    <>
      <PageHeader
        title="Workers"
        description="The ComfyUI servers the studio renders on. Health is checked every few seconds; hover a health badge to see why a worker is not healthy."
        actions={registerButton}
      />
      <Group mb="md" gap="sm">
        <Select
          aria-label="Health"
          placeholder="Any health"
          data={healthOptions}
          value={health}
          onChange={(v) => setHealth(v as WorkerHealthFilter)}
          clearable
          w={180}
        />
        <Select
          aria-label="State"
          placeholder="Not decommissioned"
          data={stateOptions}
          value={adminState}
          onChange={(v) => setAdminState(v as WorkerStateFilter)}
          clearable
          w={200}
        />
      </Group>
      {pages.isError && <LoadError what="workers" error={pages.error} onRetry={() => void pages.refetch()} />}
      {!(pages.isError && !workers) && (
        <Card p={0}>
          <WorkersTable
            workers={workers}
            canManage={canManage}
            onAction={(worker, action) => setPending({ worker, action })}
            empty={empty}
          />
          {workers && workers.length > 0 && (
            <LoadMore
              shown={workers.length}
              hasMore={pages.hasNextPage}
              loading={pages.isFetchingNextPage}
              onLoadMore={() => void pages.fetchNextPage()}
              noun="worker"
            />
          )}
        </Card>
      )}
      <RegisterWorkerModal
        opened={registering}
        onClose={() => setRegistering(false)}
        onRegistered={(w) =>
          notifySuccess(`${w.name} is registered; its first health check follows shortly.`)
        }
      />
      <WorkerActionDialog pending={pending} onDone={() => setPending(null)} />
    </>
  );
}

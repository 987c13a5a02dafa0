// Recurring schedules (PRD-008 §2.1): renders submitted at every occurrence of a cron expression, e.g. every night.
// Creators make their own; only the owner or a job manager changes or deletes one.
import { roleCan } from '@i2v/domain';
import { Button, Card } from '@mantine/core';
import { useState } from 'react';
import type { JobSchedule } from '@/api/types';
import { useCurrentUser } from '@/auth/use-session';
import {
  AddIcon,
  ConfirmDialog,
  EmptyList,
  LoadError,
  LoadMore,
  notifyError,
  notifySuccess,
  PageHeader,
  RecurringScheduleIcon,
} from '@/components';
import { JobsTabs } from '../jobs-tabs';
import { ScheduleModal } from './schedule-modal';
import { useDeleteSchedule, useSchedulePages, useUpdateSchedule } from './schedule-queries';
import { SchedulesTable } from './schedules-table';

export function SchedulesPage() {
  const me = useCurrentUser();
  const canCreate = roleCan(me.role, 'content.write');
  const canChange = (s: JobSchedule) =>
    canCreate && (roleCan(me.role, 'jobs.manage') || s.owner?.id === me.id);
  const pages = useSchedulePages();
  const update = useUpdateSchedule();
  const remove = useDeleteSchedule();
  // the dialog keeps showing the schedule it was opened for while it closes
  const [dialog, setDialog] = useState<{ opened: boolean; schedule: JobSchedule | null }>({
    opened: false,
    schedule: null,
  });
  const [deleting, setDeleting] = useState<JobSchedule | null>(null);
  const schedules = pages.data?.pages.flatMap((p) => p.items);

  const toggle = (schedule: JobSchedule, enabled: boolean) =>
    update.mutate(
      { schedule, change: { enabled } },
      {
        onSuccess: (s) => notifySuccess(s.enabled ? `${s.name} is on.` : `${s.name} is off.`),
        onError: (error) => notifyError(error, `Could not change ${schedule.name}`),
      },
    );

  const newButton = canCreate && (
    <Button
      leftSection={<AddIcon size={16} />}
      onClick={() => setDialog({ opened: true, schedule: null })}
      data-testid="new-schedule"
    >
      New schedule
    </Button>
  );
  const empty = (
    <EmptyList
      title="No schedules yet"
      icon={<RecurringScheduleIcon size={28} />}
      description="A schedule submits the same render again and again at the times you choose, for example every night at 03:00 when the workers are free. Each run is an ordinary job in the queue."
      action={newButton || undefined}
    />
  );

  return (
    <>
      <JobsTabs />
      <PageHeader
        title="Schedules"
        description="Renders that run by themselves at recurring times. A run that cannot be submitted is shown here and told to the owner; the next one still comes."
        actions={newButton}
      />
      {pages.isError && (
        <LoadError what="schedules" error={pages.error} onRetry={() => void pages.refetch()} />
      )}
      {!(pages.isError && !schedules) && (
        <Card p={0}>
          <SchedulesTable
            schedules={schedules}
            empty={empty}
            canChange={canChange}
            toggling={update.isPending ? (update.variables?.schedule.id ?? null) : null}
            onToggle={toggle}
            onEdit={(schedule) => setDialog({ opened: true, schedule })}
            onDelete={setDeleting}
          />
          {schedules && schedules.length > 0 && (
            <LoadMore
              shown={schedules.length}
              hasMore={pages.hasNextPage}
              loading={pages.isFetchingNextPage}
              onLoadMore={() => void pages.fetchNextPage()}
              noun="schedule"
            />
          )}
        </Card>
      )}
      <ScheduleModal
        opened={dialog.opened}
        schedule={dialog.schedule}
        onClose={() => setDialog((d) => ({ ...d, opened: false }))}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete schedule"
        confirmLabel="Delete schedule"
        danger
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting, {
            onSuccess: () => {
              notifySuccess(`${deleting.name} is deleted.`);
              setDeleting(null);
            },
            onError: (error) => notifyError(error, `Could not delete ${deleting.name}`),
          })
        }
      >
        <strong>{deleting?.name}</strong> submits nothing more. The jobs it already submitted stay in the
        queue and its history.
      </ConfirmDialog>
    </>
  );
}

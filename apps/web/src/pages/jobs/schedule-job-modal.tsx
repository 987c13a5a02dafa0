// Sets or clears a waiting job's start time (PRD-008 §1.5). The server refuses a time in the past; its answer is
// shown in the dialog.
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { describeError } from '@/api/api-error';
import type { Job } from '@/api/types';
import { ErrorIcon, notifySuccess } from '@/components';
import { formatDateTime } from '@/format/date-time';
import { isoToLocalInput, localInputToIso } from './job-format';
import { useScheduleJob } from './job-queries';

export function ScheduleJobModal({ job, onClose }: { job: Job | null; onClose: () => void }) {
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const schedule = useScheduleJob();

  useEffect(() => {
    if (!job) return;
    setValue(job.runAt ? isoToLocalInput(job.runAt) : '');
    setFieldError(null);
    schedule.reset();
  }, [job, schedule.reset]);

  const save = (runAt: string | null) => {
    if (!job) return;
    schedule.mutate(
      { id: job.id, runAt },
      {
        onSuccess: (j) => {
          notifySuccess(
            j.runAt ? `${j.label} starts ${formatDateTime(j.runAt)}.` : `${j.label} is queued to start now.`,
          );
          onClose();
        },
      },
    );
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const runAt = localInputToIso(value);
    if (!runAt) {
      setFieldError('Enter a date and time');
      return;
    }
    save(runAt);
  };

  return (
    <Modal opened={job !== null} onClose={onClose} title="Set start time" size="md">
      <form onSubmit={submit} noValidate aria-label="Set start time">
        <Stack gap="md">
          <Text size="sm">
            <strong>{job?.label}</strong> waits until this time, then joins the queue at its priority.
          </Text>
          <TextInput
            type="datetime-local"
            label="Start at"
            value={value}
            onChange={(e) => {
              setValue(e.currentTarget.value);
              setFieldError(null);
            }}
            error={fieldError}
            data-autofocus
          />
          {schedule.isError && (
            <Alert color="red" variant="light" icon={<ErrorIcon size={18} />} role="alert">
              {describeError(schedule.error)}
            </Alert>
          )}
          <Group justify="space-between" gap="sm">
            <Button variant="subtle" onClick={() => save(null)} disabled={schedule.isPending || !job?.runAt}>
              Start now
            </Button>
            <Group gap="sm">
              <Button variant="default" onClick={onClose} disabled={schedule.isPending}>
                Cancel
              </Button>
              <Button type="submit" loading={schedule.isPending}>
                Save
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

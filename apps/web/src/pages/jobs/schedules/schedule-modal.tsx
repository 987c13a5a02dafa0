// Creates a recurring schedule (a name, a cron expression in a time zone, and the render it submits each time) or
// changes one (name, cron, time zone, enabled; what it runs stays). The server's refusals land on their fields.
import { Alert, Button, Divider, Group, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { describeError, isApiError } from '@/api/api-error';
import { applyMappedProblemToForm } from '@/api/form-errors';
import type { JobSchedule } from '@/api/types';
import { ErrorIcon, notifySuccess } from '@/components';
import {
  RenderFields,
  type RenderValues,
  renderFieldMap,
  renderInitialValues,
  renderJobOf,
  renderValidation,
} from '../render-fields';
import { CronField, TimeZoneSelect } from './cron-field';
import { browserTimeZone, describeRun, describeTemplate } from './schedule-format';
import { useCreateSchedule, useUpdateSchedule } from './schedule-queries';

interface ScheduleValues extends RenderValues {
  name: string;
  cron: string;
  timezone: string;
  enabled: boolean;
}

const scheduleFields: Record<string, string> = {
  name: 'name',
  cron: 'cron',
  timezone: 'timezone',
  enabled: 'enabled',
  ...renderFieldMap('job'),
};
/** These refusals say more than their field message ("is not a cron expression"): the detail goes on the field. */
const detailFields: Record<string, keyof ScheduleValues> = {
  'schedule.cron_invalid': 'cron',
  'schedule.timezone_invalid': 'timezone',
};

function initialOf(schedule: JobSchedule | null): ScheduleValues {
  return {
    ...renderInitialValues,
    name: schedule?.name ?? '',
    cron: schedule?.cron ?? '0 3 * * *',
    timezone: schedule?.timezone ?? browserTimeZone(),
    enabled: schedule?.enabled ?? true,
  };
}

interface ScheduleModalProps {
  opened: boolean;
  /** The schedule to change; null creates one. */
  schedule: JobSchedule | null;
  onClose: () => void;
}

export function ScheduleModal({ opened, schedule, onClose }: ScheduleModalProps) {
  const editing = schedule !== null;
  const form = useForm<ScheduleValues>({
    mode: 'controlled',
    initialValues: initialOf(schedule),
    validate: {
      name: (v) => (v.trim() ? null : 'Name the schedule'),
      cron: (v) => (v.trim() ? null : 'Enter a cron expression or choose a preset'),
      ...(editing ? {} : renderValidation),
    },
  });
  const create = useCreateSchedule();
  const update = useUpdateSchedule();
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const { setValues, resetDirty, clearErrors } = form;

  useEffect(() => {
    if (!opened) return;
    setValues(initialOf(schedule));
    resetDirty();
    clearErrors();
    setUnplaced(null);
  }, [opened, schedule, setValues, resetDirty, clearErrors]);

  const onError = (error: unknown) => {
    const detailField = isApiError(error) ? detailFields[error.code] : undefined;
    if (detailField && isApiError(error)) {
      form.setFieldError(detailField, error.detail);
      return;
    }
    if (!applyMappedProblemToForm(form, error, scheduleFields)) setUnplaced(error);
  };

  const onSubmit = form.onSubmit((v) => {
    setUnplaced(null);
    const common = { name: v.name.trim(), cron: v.cron.trim(), timezone: v.timezone, enabled: v.enabled };
    if (schedule) {
      update.mutate(
        { schedule, change: common },
        {
          onSuccess: (s) => {
            notifySuccess(
              s.nextRunAt ? `Next run ${describeRun(s.nextRunAt)}.` : 'It is off.',
              `${s.name} is saved`,
            );
            onClose();
          },
          onError,
        },
      );
      return;
    }
    create.mutate(
      { ...common, job: renderJobOf(v) },
      {
        onSuccess: (s) => {
          notifySuccess(
            s.nextRunAt ? `First run ${describeRun(s.nextRunAt)}.` : 'It stays off until you enable it.',
            `${s.name} is scheduled`,
          );
          onClose();
        },
        onError,
      },
    );
  });

  const busy = create.isPending || update.isPending;
  const values = form.getValues();
  return (
    <Modal opened={opened} onClose={onClose} title={editing ? 'Edit schedule' : 'New schedule'} size="lg">
      <form onSubmit={onSubmit} noValidate aria-label={editing ? 'Edit schedule' : 'New schedule'}>
        <Stack gap="md">
          <TextInput
            label="Name"
            placeholder="Nightly renders"
            maxLength={200}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <CronField
            input={form.getInputProps('cron')}
            timezone={values.timezone}
            onPreset={(cron) => {
              form.setFieldValue('cron', cron);
              form.clearFieldError('cron');
            }}
          />
          <Group grow align="flex-start">
            <TimeZoneSelect input={form.getInputProps('timezone')} />
            <Stack gap={4} pt={24}>
              <Switch
                label="Enabled"
                description="Off: the schedule keeps its settings but submits nothing."
                {...form.getInputProps('enabled', { type: 'checkbox' })}
              />
            </Stack>
          </Group>
          <Divider label="What it runs" labelPosition="left" />
          {schedule ? (
            <Text size="sm">
              {describeTemplate(schedule)}.{' '}
              <Text span c="dimmed" size="sm">
                To run something else, create a new schedule.
              </Text>
            </Text>
          ) : (
            <RenderFields form={form} />
          )}
          {unplaced !== null && (
            <Alert color="red" variant="light" icon={<ErrorIcon size={18} />} role="alert">
              {describeError(unplaced)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              {editing ? 'Save' : 'Create schedule'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

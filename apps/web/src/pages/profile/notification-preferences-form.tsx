// How each kind of notification reaches the signed-in user (PRD-010): in the app (a toast and the bell), collected
// into a digest, or not at all; how often the digest comes; and do-not-disturb, which holds notifications until it
// ends. The bell's "Preferences" link opens this card (/profile#notifications).
import {
  Alert,
  Button,
  Card,
  Group,
  SegmentedControl,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useId, useState } from 'react';
import { describeError } from '@/api/api-error';
import { applyMappedProblemToForm } from '@/api/form-errors';
import type { NotificationPreferences } from '@/api/types';
import { ErrorIcon, LoadError, notifySuccess } from '@/components';
import { isoToLocalInput, localInputToIso } from '@/pages/jobs/job-format';
import {
  useNotificationPreferences,
  useSaveNotificationPreferences,
} from './notification-preference-queries';

type Delivery = NotificationPreferences['kinds'][string];

const kinds: { kind: string; label: string; hint: string }[] = [
  { kind: 'job.completed', label: 'A job of mine finished', hint: 'Renders and other jobs you started' },
  { kind: 'job.failed', label: 'A job of mine failed', hint: 'After its last attempt' },
  { kind: 'job.moved', label: 'A job of mine moved', hint: 'To another worker, after its worker was lost' },
  {
    kind: 'budget.warning',
    label: 'A budget is running low',
    hint: 'Your quota, or a project you render for',
  },
  { kind: 'schedule.failed', label: 'A schedule of mine failed', hint: 'Its run could not be submitted' },
  {
    kind: 'scene.completed',
    label: 'A scene I generate is ready',
    hint: 'Every segment generated and checked',
  },
  {
    kind: 'scene.needs_attention',
    label: 'A scene I generate needs me',
    hint: 'QA failed after every attempt, or a boundary frame is to be chosen',
  },
];

const deliveries: { value: Delivery; label: string }[] = [
  { value: 'in_app', label: 'In app' },
  { value: 'digest', label: 'Digest' },
  { value: 'muted', label: 'Muted' },
];

interface PreferenceValues {
  kinds: Record<string, Delivery>;
  digest: NotificationPreferences['digest'];
  doNotDisturb: boolean;
  /** datetime-local value; empty: until turned off. */
  until: string;
}

const fieldMap: Record<string, string> = {
  digest: 'digest',
  doNotDisturb: 'doNotDisturb',
  doNotDisturbUntil: 'until',
  kinds: 'kinds',
  ...Object.fromEntries(kinds.map((k) => [`kinds.${k.kind}`, 'kinds'])),
};

function valuesOf(p: NotificationPreferences): PreferenceValues {
  return {
    kinds: { ...p.kinds },
    digest: p.digest,
    doNotDisturb: p.doNotDisturb,
    until: p.doNotDisturbUntil ? isoToLocalInput(p.doNotDisturbUntil) : '',
  };
}

export function NotificationPreferencesForm() {
  const prefs = useNotificationPreferences();
  const save = useSaveNotificationPreferences();
  const digestId = useId();
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const form = useForm<PreferenceValues>({
    mode: 'controlled',
    initialValues: { kinds: {}, digest: 'daily', doNotDisturb: false, until: '' },
    validate: {
      until: (v, values) =>
        !values.doNotDisturb || !v || localInputToIso(v) ? null : 'Enter a date and time, or leave it empty',
    },
  });
  const { setInitialValues, setValues } = form;
  useEffect(() => {
    if (!prefs.data) return;
    setInitialValues(valuesOf(prefs.data));
    setValues(valuesOf(prefs.data));
  }, [prefs.data, setInitialValues, setValues]);

  const values = form.getValues();
  const onSubmit = form.onSubmit((v) => {
    setUnplaced(null);
    save.mutate(
      {
        kinds: v.kinds,
        digest: v.digest,
        doNotDisturb: v.doNotDisturb,
        doNotDisturbUntil: v.doNotDisturb && v.until ? localInputToIso(v.until) : null,
      },
      {
        onSuccess: () => notifySuccess('Your notification preferences are saved.'),
        onError: (error) => {
          if (!applyMappedProblemToForm(form, error, fieldMap)) setUnplaced(error);
        },
      },
    );
  });

  return (
    <Card id="notifications" style={{ scrollMarginTop: 80 }}>
      <form onSubmit={onSubmit} aria-label="Notification preferences" noValidate>
        <Stack gap="md">
          <Stack gap={2}>
            <Text fw={600}>Notifications</Text>
            <Text size="sm" c="dimmed">
              How the studio tells you about your work: in the app at once (a toast and the bell), collected
              into a digest, or not at all.
            </Text>
          </Stack>
          {prefs.isError && (
            <LoadError what="your preferences" error={prefs.error} onRetry={() => void prefs.refetch()} />
          )}
          {prefs.isPending ? (
            <Skeleton h={220} />
          ) : (
            <>
              <Table verticalSpacing="xs" data-testid="notification-preferences">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>When</Table.Th>
                    <Table.Th>How it reaches you</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {kinds.map((k) => (
                    <Table.Tr key={k.kind} data-testid="preference-row" data-kind={k.kind}>
                      <Table.Td>
                        <Text size="sm">{k.label}</Text>
                        <Text size="xs" c="dimmed">
                          {k.hint}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <SegmentedControl
                          size="xs"
                          aria-label={k.label}
                          data={deliveries}
                          value={values.kinds[k.kind] ?? 'in_app'}
                          onChange={(v) =>
                            form.setFieldValue('kinds', { ...values.kinds, [k.kind]: v as Delivery })
                          }
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {form.errors.kinds && (
                <Text size="xs" c="red">
                  {form.errors.kinds}
                </Text>
              )}
              <Group gap="md" align="flex-start">
                <Stack gap={4}>
                  <Text size="sm" fw={500} id={digestId}>
                    Digest
                  </Text>
                  <SegmentedControl
                    size="xs"
                    aria-labelledby={digestId}
                    data={[
                      { value: 'hourly', label: 'Hourly' },
                      { value: 'daily', label: 'Daily' },
                    ]}
                    {...form.getInputProps('digest')}
                  />
                  <Text size="xs" c="dimmed">
                    How often the notifications set to Digest come, as one summary.
                  </Text>
                </Stack>
              </Group>
              <Stack gap="xs">
                <Switch
                  label="Do not disturb"
                  description="Holds notifications (failures too) until it ends; then they arrive together."
                  {...form.getInputProps('doNotDisturb', { type: 'checkbox' })}
                />
                {values.doNotDisturb && (
                  <TextInput
                    type="datetime-local"
                    label="Until"
                    description="Optional: it ends by itself then. Leave empty to keep it on until you turn it off."
                    maw={320}
                    {...form.getInputProps('until')}
                  />
                )}
              </Stack>
              {unplaced !== null && (
                <Alert color="red" variant="light" icon={<ErrorIcon size={18} />} role="alert">
                  {describeError(unplaced)}
                </Alert>
              )}
              <Group justify="flex-end" gap="sm">
                <Button
                  variant="default"
                  onClick={() => form.reset()}
                  disabled={!form.isDirty() || save.isPending}
                >
                  Undo changes
                </Button>
                <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
                  Save preferences
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </form>
    </Card>
  );
}

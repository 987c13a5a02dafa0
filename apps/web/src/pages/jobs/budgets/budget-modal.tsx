// Sets a project's GPU budget or a user's quota (PRD-093), or changes one: the limit in hours or minutes, the period
// it resets by, the thresholds that warn, and whether reaching it holds new work or only warns.
import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useId, useState } from 'react';
import { describeError } from '@/api/api-error';
import { applyMappedProblemToForm } from '@/api/form-errors';
import type { Budget } from '@/api/types';
import { ErrorIcon, notifySuccess } from '@/components';
import { budgetOwnerName, formatGpuTime, periodOptions } from './budget-format';
import { useBudgetTargets, useCreateBudget, useUpdateBudget } from './budget-queries';

type Unit = 'hours' | 'minutes';

interface BudgetValues {
  scope: Budget['scope'];
  targetId: string | null;
  limit: number | string;
  unit: Unit;
  period: Budget['period'];
  warnAt: string[];
  hardLimit: boolean;
}

const warnChoices = ['50', '60', '70', '75', '80', '90', '95'].map((p) => ({ value: p, label: `${p} %` }));

const budgetFields: Record<string, string> = {
  scope: 'scope',
  projectId: 'targetId',
  userId: 'targetId',
  limitHours: 'limit',
  period: 'period',
  warnAt: 'warnAt',
  hardLimit: 'hardLimit',
  ...Object.fromEntries([0, 1, 2, 3, 4].map((i) => [`warnAt.${i}`, 'warnAt'])),
};

function initialOf(budget: Budget | null): BudgetValues {
  if (!budget) {
    return {
      scope: 'project',
      targetId: null,
      limit: 10,
      unit: 'hours',
      period: 'month',
      warnAt: ['75', '90'],
      hardLimit: true,
    };
  }
  const unit: Unit = budget.limitHours < 1 ? 'minutes' : 'hours';
  return {
    scope: budget.scope,
    targetId: budget.project?.id ?? budget.user?.id ?? null,
    limit: Number((unit === 'minutes' ? budget.limitHours * 60 : budget.limitHours).toPrecision(6)),
    unit,
    period: budget.period,
    warnAt: budget.warnAt.map((f) => String(Math.round(f * 100))),
    hardLimit: budget.hardLimit,
  };
}

function limitHoursOf(values: BudgetValues): number {
  const n = Number(values.limit);
  return values.unit === 'minutes' ? n / 60 : n;
}

interface BudgetModalProps {
  opened: boolean;
  /** The budget to change; null sets a new one. */
  budget: Budget | null;
  onClose: () => void;
}

export function BudgetModal({ opened, budget, onClose }: BudgetModalProps) {
  const editing = budget !== null;
  const scopeId = useId();
  const form = useForm<BudgetValues>({
    mode: 'controlled',
    initialValues: initialOf(budget),
    validate: {
      targetId: (v, values) =>
        editing || v ? null : values.scope === 'project' ? 'Choose a project' : 'Choose a user',
      limit: (v) => (Number(v) > 0 ? null : 'Enter a limit above zero'),
    },
  });
  const targets = useBudgetTargets(opened && !editing);
  const create = useCreateBudget();
  const update = useUpdateBudget();
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const { setValues, resetDirty, clearErrors } = form;

  useEffect(() => {
    if (!opened) return;
    setValues(initialOf(budget));
    resetDirty();
    clearErrors();
    setUnplaced(null);
  }, [opened, budget, setValues, resetDirty, clearErrors]);

  const values = form.getValues();
  const onError = (error: unknown) => {
    if (!applyMappedProblemToForm(form, error, budgetFields, { 'budget.exists': 'targetId' }))
      setUnplaced(error);
  };
  const onSubmit = form.onSubmit((v) => {
    setUnplaced(null);
    const settings = {
      limitHours: limitHoursOf(v),
      period: v.period,
      warnAt: v.warnAt
        .map(Number)
        .sort((a, b) => a - b)
        .map((p) => p / 100),
      hardLimit: v.hardLimit,
    };
    const done = (b: Budget) => {
      notifySuccess(
        `${budgetOwnerName(b)} may use ${formatGpuTime(b.limitHours)}${b.period === 'total' ? '' : ` per ${b.period}`}.`,
        b.scope === 'project' ? 'Budget saved' : 'Quota saved',
      );
      onClose();
    };
    if (budget) {
      update.mutate({ budget, change: settings }, { onSuccess: done, onError });
      return;
    }
    create.mutate(
      {
        scope: v.scope,
        ...(v.scope === 'project' ? { projectId: v.targetId! } : { userId: v.targetId! }),
        ...settings,
      },
      { onSuccess: done, onError },
    );
  });

  const targetOptions =
    values.scope === 'project'
      ? (targets.projects.data?.items.map((p) => ({ value: p.id, label: p.name })) ?? [])
      : (targets.users.data?.items.map((u) => ({ value: u.id, label: `${u.displayName} (${u.email})` })) ??
        []);
  const hours = limitHoursOf(values);
  const busy = create.isPending || update.isPending;
  const title = editing
    ? `${budget.scope === 'project' ? 'Budget of' : 'Quota of'} ${budgetOwnerName(budget)}`
    : 'Add budget or quota';

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <form onSubmit={onSubmit} noValidate aria-label={editing ? 'Edit budget' : 'Add budget'}>
        <Stack gap="md">
          {!editing && (
            <>
              <Stack gap={4}>
                <Text size="sm" fw={500} id={scopeId}>
                  For
                </Text>
                <SegmentedControl
                  aria-labelledby={scopeId}
                  data={[
                    { value: 'project', label: 'A project' },
                    { value: 'user', label: 'A person' },
                  ]}
                  {...form.getInputProps('scope')}
                  onChange={(scope) => {
                    form.setFieldValue('scope', scope as Budget['scope']);
                    form.setFieldValue('targetId', null);
                  }}
                />
                <Text size="xs" c="dimmed">
                  A project budget counts every render of the project; a person's quota counts their renders
                  in every project.
                </Text>
              </Stack>
              <Select
                key={values.scope}
                label={values.scope === 'project' ? 'Project' : 'Person'}
                placeholder={values.scope === 'project' ? 'Choose a project' : 'Choose a person'}
                data={targetOptions}
                searchable
                nothingFoundMessage="Nothing by that name"
                data-autofocus
                {...form.getInputProps('targetId')}
              />
            </>
          )}
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <NumberInput
              label="Limit"
              description={
                Number(values.limit) > 0 ? `${formatGpuTime(hours)} of finished GPU time` : 'GPU time'
              }
              min={0}
              decimalScale={4}
              allowNegative={false}
              style={{ flex: 1 }}
              {...form.getInputProps('limit')}
            />
            <SegmentedControl
              aria-label="Unit"
              data={[
                { value: 'hours', label: 'GPU hours' },
                { value: 'minutes', label: 'GPU minutes' },
              ]}
              {...form.getInputProps('unit')}
            />
          </Group>
          <Group grow align="flex-start">
            <Select
              label="Period"
              description="Day, week and month reset at midnight UTC (weeks on Monday)."
              data={periodOptions}
              allowDeselect={false}
              {...form.getInputProps('period')}
            />
            <MultiSelect
              label="Warn at"
              description="The owner is told once per period at each."
              placeholder={values.warnAt.length ? undefined : 'No warnings'}
              data={warnChoices}
              maxValues={5}
              {...form.getInputProps('warnAt')}
            />
          </Group>
          <Switch
            label="Hard limit"
            description="When it is reached, new GPU renders are refused and queued ones wait; running ones finish. Off: it only warns."
            {...form.getInputProps('hardLimit', { type: 'checkbox' })}
          />
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
              {editing ? 'Save' : 'Add'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

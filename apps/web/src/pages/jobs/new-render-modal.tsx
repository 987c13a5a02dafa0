// Submits a render (a `comfy.render` job): a workflow version, a label, a priority, optionally a project (whose budget
// it counts against) and a start time. The user's quota and the project's budget are shown before submitting; what
// the server refuses (a start time in the past, an unknown version, a used-up quota) is shown in the dialog.
import { roleCan } from '@i2v/domain';
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { describeError, isApiError } from '@/api/api-error';
import { applyMappedProblemToForm } from '@/api/form-errors';
import type { Job } from '@/api/types';
import { useCurrentUser } from '@/auth/use-session';
import { ErrorIcon } from '@/components';
import { useProjectPages } from '@/pages/projects/project-queries';
import { BudgetNotice } from './budgets/budget-notice';
import { localInputToIso } from './job-format';
import { useSubmitJob } from './job-queries';
import {
  RenderFields,
  type RenderValues,
  renderFieldMap,
  renderInitialValues,
  renderJobOf,
  renderValidation,
} from './render-fields';

interface NewRenderValues extends RenderValues {
  projectId: string | null;
  runAt: string;
  budgetExempt: boolean;
}

const errorTitles: Record<string, string> = {
  'job.quota_exceeded': 'GPU budget used up',
};

export function NewRenderModal({
  opened,
  onClose,
  onSubmitted,
}: {
  opened: boolean;
  onClose: () => void;
  onSubmitted: (job: Job) => void;
}) {
  const me = useCurrentUser();
  const canExempt = roleCan(me.role, 'jobs.manage');
  const form = useForm<NewRenderValues>({
    mode: 'controlled',
    initialValues: { ...renderInitialValues, projectId: null, runAt: '', budgetExempt: false },
    validate: {
      ...renderValidation,
      runAt: (v) =>
        !v || localInputToIso(v) ? null : 'Enter a date and time, or leave it empty to start now',
    },
  });
  const projects = useProjectPages({ q: '', status: null, deleted: 'exclude' });
  const projectList = projects.data?.pages.flatMap((p) => p.items) ?? [];
  const submit = useSubmitJob();
  const values = form.getValues();

  const close = () => {
    form.reset();
    submit.reset();
    onClose();
  };

  const onSubmit = form.onSubmit((v) => {
    const runAt = v.runAt ? localInputToIso(v.runAt) : null;
    submit.mutate(
      {
        ...renderJobOf(v),
        ...(v.projectId ? { projectId: v.projectId } : {}),
        ...(runAt ? { runAt } : {}),
        ...(v.budgetExempt ? { budgetExempt: true } : {}),
      },
      {
        onSuccess: (job) => {
          close();
          onSubmitted(job);
        },
        onError: (error) => {
          applyMappedProblemToForm(
            form,
            error,
            { ...renderFieldMap(), projectId: 'projectId', runAt: 'runAt', budgetExempt: 'budgetExempt' },
            { 'job.run_at_past': 'runAt' },
          );
        },
      },
    );
  });

  const problem = submit.error;
  return (
    <Modal opened={opened} onClose={close} title="New render" size="lg">
      <form onSubmit={onSubmit} noValidate aria-label="New render">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Runs a workflow version on a free worker and keeps what it renders. You can follow it in the tray
            and in the queue.
          </Text>
          <RenderFields form={form} autoFocus />
          <Group grow align="flex-start">
            <Select
              label="Project"
              placeholder="None"
              description="Optional: the render counts against its GPU budget."
              data={projectList.map((p) => ({ value: p.id, label: p.name }))}
              searchable
              clearable
              nothingFoundMessage="No project by that name"
              {...form.getInputProps('projectId')}
            />
            <TextInput
              type="datetime-local"
              label="Start at"
              description="Optional: the job waits until then."
              {...form.getInputProps('runAt')}
            />
          </Group>
          {canExempt && (
            <Checkbox
              label="Exempt from budgets and quotas"
              description="Its GPU time is shown apart and not counted; it runs even when a budget is used up."
              {...form.getInputProps('budgetExempt', { type: 'checkbox' })}
            />
          )}
          <BudgetNotice userId={me.id} projectId={values.projectId} exempt={values.budgetExempt} />
          {problem && (
            <Alert
              color="red"
              variant="light"
              icon={<ErrorIcon size={18} />}
              title={
                isApiError(problem)
                  ? (errorTitles[problem.code] ?? problem.title)
                  : 'Could not start the render'
              }
              role="alert"
              data-testid="new-render-error"
              data-code={isApiError(problem) ? problem.code : undefined}
            >
              {describeError(problem)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close} disabled={submit.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={submit.isPending}>
              {values.runAt ? 'Schedule render' : 'Start render'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

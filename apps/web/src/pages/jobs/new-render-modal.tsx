// Submits a render (a `comfy.render` job): a workflow version, a label, a priority, and optionally a start time.
// What the server refuses (a start time in the past, an unknown version) is shown in the dialog.
import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { describeError, isApiError } from '@/api/api-error';
import { applyProblemToForm } from '@/api/form-errors';
import type { Job, JobPriority } from '@/api/types';
import { ErrorIcon } from '@/components';
import { useWorkflow, useWorkflowPages } from '@/pages/workflows/workflow-queries';
import { localInputToIso, priorities, priorityLabels } from './job-format';
import { useSubmitJob } from './job-queries';

interface NewRenderValues {
  workflowId: string | null;
  versionId: string | null;
  label: string;
  priority: JobPriority;
  runAt: string;
}

const fields = ['versionId', 'label', 'priority', 'runAt'] as const;

export function NewRenderModal({
  opened,
  onClose,
  onSubmitted,
}: {
  opened: boolean;
  onClose: () => void;
  onSubmitted: (job: Job) => void;
}) {
  const form = useForm<NewRenderValues>({
    mode: 'controlled',
    initialValues: { workflowId: null, versionId: null, label: '', priority: 'normal', runAt: '' },
    validate: {
      workflowId: (v) => (v ? null : 'Choose the workflow to run'),
      versionId: (v) => (v ? null : 'Choose a version'),
      runAt: (v) =>
        !v || localInputToIso(v) ? null : 'Enter a date and time, or leave it empty to start now',
    },
  });
  const workflows = useWorkflowPages('');
  const workflowList = workflows.data?.pages.flatMap((p) => p.items) ?? [];
  const { workflowId } = form.getValues();
  const workflow = useWorkflow(workflowId);
  const chosen = workflowList.find((w) => w.id === workflowId);
  const submit = useSubmitJob();

  const versions = workflow.data?.versions ?? (chosen?.latestVersion ? [chosen.latestVersion] : []);

  const close = () => {
    form.reset();
    submit.reset();
    onClose();
  };

  const onSubmit = form.onSubmit((values) => {
    const runAt = values.runAt ? localInputToIso(values.runAt) : null;
    submit.mutate(
      {
        kind: 'comfy.render',
        payload: { workflowVersionId: values.versionId! },
        priority: values.priority,
        ...(values.label.trim() ? { label: values.label.trim() } : {}),
        ...(runAt ? { runAt } : {}),
      },
      {
        onSuccess: (job) => {
          close();
          onSubmitted(job);
        },
        onError: (error) => {
          applyProblemToForm(form, error, fields, { 'job.run_at_past': 'runAt' });
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
          <Group grow align="flex-start">
            <Select
              label="Workflow"
              placeholder={workflows.isLoading ? 'Loading workflows…' : 'Choose a workflow'}
              data={workflowList.map((w) => ({ value: w.id, label: w.name }))}
              searchable
              nothingFoundMessage="No workflow by that name"
              data-autofocus
              {...form.getInputProps('workflowId')}
              onChange={(id) => {
                // a workflow starts on its latest version
                form.setFieldValue('workflowId', id);
                form.setFieldValue(
                  'versionId',
                  workflowList.find((w) => w.id === id)?.latestVersion?.id ?? null,
                );
              }}
            />
            <Select
              label="Version"
              placeholder={workflowId ? 'Choose a version' : 'Choose a workflow first'}
              disabled={!workflowId}
              data={versions.map((v) => ({
                value: v.id,
                label: `Version ${v.number}${v.productionReady ? ' · production ready' : ''}`,
              }))}
              {...form.getInputProps('versionId')}
            />
          </Group>
          <TextInput
            label="Label"
            placeholder={chosen ? `Render ${chosen.name}` : 'Render …'}
            description="Shown in the tray, the queue and notifications."
            maxLength={200}
            {...form.getInputProps('label')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="new-render-priority">
              Priority
            </Text>
            <SegmentedControl
              aria-labelledby="new-render-priority"
              data={priorities.map((p) => ({ value: p, label: priorityLabels[p] }))}
              {...form.getInputProps('priority')}
            />
            <Text size="xs" c="dimmed">
              Urgent jobs run first, background jobs last; within a level, first in, first out.
            </Text>
          </Stack>
          <TextInput
            type="datetime-local"
            label="Start at"
            description="Optional: the job waits until then. Leave empty to queue it now."
            {...form.getInputProps('runAt')}
          />
          {problem && (
            <Alert
              color="red"
              variant="light"
              icon={<ErrorIcon size={18} />}
              title={isApiError(problem) ? problem.title : 'Could not start the render'}
              role="alert"
              data-testid="new-render-error"
            >
              {describeError(problem)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close} disabled={submit.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={submit.isPending}>
              {form.getValues().runAt ? 'Schedule render' : 'Start render'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

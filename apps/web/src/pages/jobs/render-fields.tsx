// What a render runs, as fields shared by the New render and New schedule dialogs: a workflow and its version, a
// label and a priority; and the `comfy.render` job those fields make.
import { Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useId } from 'react';
import type { JobPriority } from '@/api/types';
import { useWorkflow, useWorkflowPages } from '@/pages/workflows/workflow-queries';
import { priorities, priorityLabels } from './job-format';

export interface RenderValues {
  workflowId: string | null;
  versionId: string | null;
  label: string;
  priority: JobPriority;
}

export const renderInitialValues: RenderValues = {
  workflowId: null,
  versionId: null,
  label: '',
  priority: 'normal',
};

export const renderValidation = {
  workflowId: (v: string | null) => (v ? null : 'Choose the workflow to run'),
  versionId: (v: string | null) => (v ? null : 'Choose a version'),
};

/** The job the fields describe, as the server takes it (the server fills in the label when none is given). */
export function renderJobOf(values: RenderValues) {
  return {
    kind: 'comfy.render',
    payload: { workflowVersionId: values.versionId! },
    priority: values.priority,
    ...(values.label.trim() ? { label: values.label.trim() } : {}),
  };
}

/** Where the server's field errors about a render land, for a job sent as the body itself or under `at`. */
export function renderFieldMap(at = ''): Record<string, string> {
  const p = at ? `${at}.` : '';
  return {
    // the render kind names its payload fields from the body, wherever the job sits
    'payload.workflowVersionId': 'versionId',
    [`${p}payload.workflowVersionId`]: 'versionId',
    [`${p}payload`]: 'versionId',
    [`${p}label`]: 'label',
    [`${p}priority`]: 'priority',
  };
}

export function RenderFields<V extends RenderValues>({
  form: anyForm,
  autoFocus = false,
}: {
  form: UseFormReturnType<V>;
  autoFocus?: boolean;
}) {
  // the fields only touch the render part of the dialog's values
  const form = anyForm as unknown as UseFormReturnType<RenderValues>;
  const priorityId = useId();
  const workflows = useWorkflowPages('');
  const workflowList = workflows.data?.pages.flatMap((p) => p.items) ?? [];
  const { workflowId } = form.getValues();
  const workflow = useWorkflow(workflowId);
  const chosen = workflowList.find((w) => w.id === workflowId);
  const versions = workflow.data?.versions ?? (chosen?.latestVersion ? [chosen.latestVersion] : []);

  return (
    <>
      <Group grow align="flex-start">
        <Select
          label="Workflow"
          placeholder={workflows.isLoading ? 'Loading workflows…' : 'Choose a workflow'}
          data={workflowList.map((w) => ({ value: w.id, label: w.name }))}
          searchable
          nothingFoundMessage="No workflow by that name"
          data-autofocus={autoFocus || undefined}
          {...form.getInputProps('workflowId')}
          onChange={(id) => {
            // a workflow starts on its latest version
            form.setFieldValue('workflowId', id);
            form.setFieldValue('versionId', workflowList.find((w) => w.id === id)?.latestVersion?.id ?? null);
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
        <Text size="sm" fw={500} id={priorityId}>
          Priority
        </Text>
        <SegmentedControl
          aria-labelledby={priorityId}
          data={priorities.map((p) => ({ value: p, label: priorityLabels[p] }))}
          {...form.getInputProps('priority')}
        />
        <Text size="xs" c="dimmed">
          Urgent jobs run first, background jobs last; within a level, first in, first out.
        </Text>
      </Stack>
    </>
  );
}

// Changes a worker's name, capability tags and how many jobs it runs at once.
import { Button, Group, Modal, NumberInput, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef } from 'react';
import { applyProblemToForm } from '@/api/form-errors';
import type { Worker } from '@/api/types';
import { notifyError, notifySuccess } from '@/components';
import { capabilityTagPattern } from './worker-format';
import { useUpdateWorker } from './worker-queries';

const fields = ['name', 'tags', 'maxConcurrency'] as const;
type Values = { name: string; tags: string[]; maxConcurrency: number };

export function EditWorkerModal({ worker, onClose }: { worker: Worker | null; onClose: () => void }) {
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { name: '', tags: [], maxConcurrency: 1 },
    validate: {
      name: (value) => (value.trim() ? null : 'Enter a name people will recognise'),
      tags: (value) =>
        value.every((t) => capabilityTagPattern.test(t))
          ? null
          : 'Tags are lower-case words, optionally key:value',
    },
  });
  const update = useUpdateWorker();
  const formRef = useRef(form);
  formRef.current = form;
  const workerRef = useRef(worker);
  workerRef.current = worker;
  const opened = worker !== null;
  // the form starts from the worker each time the dialog opens (not on every refresh of the worker)
  useEffect(() => {
    const w = workerRef.current;
    if (!opened || !w) return;
    const values = { name: w.name, tags: w.tags, maxConcurrency: w.maxConcurrency };
    formRef.current.setInitialValues(values);
    formRef.current.setValues(values);
  }, [opened]);

  const submit = form.onSubmit((values) =>
    worker
      ? update.mutate(
          { id: worker.id, changes: { ...values, name: values.name.trim() } },
          {
            onSuccess: () => {
              notifySuccess('The worker was saved.');
              onClose();
            },
            onError: (error) => {
              if (!applyProblemToForm(form, error, fields, { 'worker.name_taken': 'name' }))
                notifyError(error, 'Could not save the worker');
            },
          },
        )
      : undefined,
  );

  return (
    <Modal opened={opened} onClose={onClose} title={`Edit ${worker?.name ?? 'worker'}`} size="md">
      <form onSubmit={submit} noValidate aria-label="Edit worker">
        <Stack gap="md">
          <TextInput label="Name" autoComplete="off" data-autofocus {...form.getInputProps('name')} />
          <TagsInput
            label="Capability tags"
            description="Jobs are matched on them, e.g. gpu:24gb, model:wan."
            clearable
            {...form.getInputProps('tags')}
          />
          <NumberInput
            label="Max concurrency"
            description="How many jobs it runs at once."
            min={1}
            max={64}
            allowDecimal={false}
            {...form.getInputProps('maxConcurrency')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

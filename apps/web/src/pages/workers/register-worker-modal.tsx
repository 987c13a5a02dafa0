// Registers a ComfyUI server by URL. The server checks that it answers before saving, so its refusals
// (unreachable, not ComfyUI, too old, no answer, taken) land on the URL field.
import { Button, Group, Modal, NumberInput, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { applyProblemToForm } from '@/api/form-errors';
import type { Worker } from '@/api/types';
import { notifyError } from '@/components';
import { capabilityTagPattern } from './worker-format';
import { type NewWorker, useRegisterWorker } from './worker-queries';

interface RegisterWorkerModalProps {
  opened: boolean;
  onClose: () => void;
  onRegistered: (worker: Worker) => void;
}

const fields = ['url', 'name', 'tags', 'maxConcurrency'] as const;

export function RegisterWorkerModal({ opened, onClose, onRegistered }: RegisterWorkerModalProps) {
  const form = useForm<NewWorker>({
    mode: 'controlled',
    initialValues: { url: '', name: '', tags: [], maxConcurrency: 1 },
    validate: {
      url: (value) =>
        /^https?:\/\/\S+$/.test(value.trim()) ? null : 'Enter the server address, like http://10.0.0.5:8188',
      name: (value) => (value.trim() ? null : 'Enter a name people will recognise'),
      tags: (value) =>
        value.every((t) => capabilityTagPattern.test(t))
          ? null
          : 'Tags are lower-case words, optionally key:value, like gpu:24gb',
    },
  });
  const register = useRegisterWorker();

  const close = () => {
    form.reset();
    register.reset();
    onClose();
  };

  const submit = form.onSubmit((values) =>
    register.mutate(
      { ...values, url: values.url.trim(), name: values.name.trim() },
      {
        onSuccess: (worker) => {
          close();
          onRegistered(worker);
        },
        onError: (error) => {
          const shown = applyProblemToForm(form, error, fields, {
            'worker.name_taken': 'name',
            'worker.url_taken': 'url',
          });
          if (!shown) notifyError(error, 'Could not register the worker');
        },
      },
    ),
  );

  return (
    <Modal opened={opened} onClose={close} title="Register a worker" size="md">
      <form onSubmit={submit} noValidate aria-label="Register a worker">
        <Stack gap="md">
          <TextInput
            label="URL"
            placeholder="http://10.0.0.5:8188"
            description="The ComfyUI server's address. The studio checks that it answers before saving."
            autoComplete="off"
            data-autofocus
            {...form.getInputProps('url')}
          />
          <TextInput
            label="Name"
            placeholder="render-01"
            autoComplete="off"
            {...form.getInputProps('name')}
          />
          <TagsInput
            label="Capability tags"
            description="Optional; jobs are matched on them, e.g. gpu:24gb, model:wan, high-vram."
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
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close} disabled={register.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={register.isPending}>
              Register
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

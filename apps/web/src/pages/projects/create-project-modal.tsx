import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { applyProblemToForm } from '@/api/form-errors';
import type { Project } from '@/api/types';
import { notifyError } from '@/components';
import { descriptionMaxLength, nameMaxLength, validateProjectName } from './project-fields';
import { type NewProject, useCreateProject } from './project-queries';

interface CreateProjectModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (project: Project) => void;
}

const fields = ['name', 'description'] as const;

export function CreateProjectModal({ opened, onClose, onCreated }: CreateProjectModalProps) {
  const form = useForm<NewProject>({
    mode: 'controlled',
    initialValues: { name: '', description: '' },
    validate: { name: validateProjectName },
  });
  const create = useCreateProject();

  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };

  const submit = form.onSubmit((values) =>
    create.mutate(
      { name: values.name.trim(), description: values.description.trim() },
      {
        onSuccess: ({ data }) => {
          close();
          onCreated(data);
        },
        onError: (error) => {
          const shown = applyProblemToForm(form, error, fields, { 'project.name_taken': 'name' });
          if (!shown) notifyError(error, 'Could not create the project');
        },
      },
    ),
  );

  return (
    <Modal opened={opened} onClose={close} title="New project" size="md">
      <form onSubmit={submit} noValidate aria-label="New project">
        <Stack gap="md">
          <TextInput
            label="Name"
            description="Unique in the studio, e.g. the client and the delivery it is for."
            autoComplete="off"
            maxLength={nameMaxLength}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Textarea
            label="Description"
            description="Optional: what is delivered, for whom, and anything the team should know."
            autosize
            minRows={3}
            maxRows={8}
            maxLength={descriptionMaxLength}
            {...form.getInputProps('description')}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close} disabled={create.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create project
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

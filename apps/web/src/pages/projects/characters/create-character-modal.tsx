import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { isApiError } from '@/api/api-error';
import { applyProblemToForm } from '@/api/form-errors';
import type { Character } from '@/api/types';
import { notifyError } from '@/components';
import { characterNameMaxLength, validateCharacterName } from './character-fields';
import { useCreateCharacter } from './character-queries';

interface CreateCharacterModalProps {
  projectId: string;
  opened: boolean;
  onClose: () => void;
  onCreated: (character: Character) => void;
}

export function CreateCharacterModal({ projectId, opened, onClose, onCreated }: CreateCharacterModalProps) {
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '' },
    validate: { name: validateCharacterName },
  });
  const create = useCreateCharacter(projectId);

  const close = () => {
    if (create.isPending) return;
    form.reset();
    create.reset();
    onClose();
  };

  const submit = form.onSubmit((values) =>
    create.mutate(values.name.trim(), {
      onSuccess: (character) => {
        form.reset();
        create.reset();
        onClose();
        onCreated(character);
      },
      onError: (error) => {
        if (isApiError(error) && (error.code === 'project.locked' || error.code === 'project.deleted')) {
          notifyError(error, 'The project cannot take new characters now');
          return;
        }
        const shown = applyProblemToForm(form, error, ['name'], { 'character.name_taken': 'name' });
        if (!shown) notifyError(error, 'Could not create the character');
      },
    }),
  );

  return (
    <Modal opened={opened} onClose={close} title="New character" size="md">
      <form onSubmit={submit} noValidate aria-label="New character">
        <Stack gap="md">
          <TextInput
            label="Name"
            description="Unique within this project."
            autoComplete="off"
            maxLength={characterNameMaxLength}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close} disabled={create.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create character
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

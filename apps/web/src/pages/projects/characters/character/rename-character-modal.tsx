import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { applyProblemToForm } from '@/api/form-errors';
import type { Character } from '@/api/types';
import { notifyError, notifySuccess } from '@/components';
import { characterNameMaxLength, validateCharacterName } from '../character-fields';
import { useUpdateCharacter } from '../character-queries';

interface RenameCharacterModalProps {
  character: Character;
  opened: boolean;
  onClose: () => void;
}

export function RenameCharacterModal({ character, opened, onClose }: RenameCharacterModalProps) {
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: character.name },
    validate: { name: validateCharacterName },
  });
  const update = useUpdateCharacter(character);
  const { setValues, clearErrors } = form;
  useEffect(() => {
    if (opened) {
      setValues({ name: character.name });
      clearErrors();
    }
  }, [opened, character.name, setValues, clearErrors]);

  const close = () => {
    if (update.isPending) return;
    update.reset();
    onClose();
  };

  const submit = form.onSubmit((values) => {
    const name = values.name.trim();
    if (name === character.name) {
      close();
      return;
    }
    update.mutate(
      { name },
      {
        onSuccess: (saved) => {
          notifySuccess(`The character is now called "${saved.name}".`, 'Renamed');
          onClose();
        },
        onError: (error) => {
          const shown = applyProblemToForm(form, error, ['name'], { 'character.name_taken': 'name' });
          if (!shown) notifyError(error, 'Could not rename the character');
        },
      },
    );
  });

  return (
    <Modal opened={opened} onClose={close} title="Rename character" size="md">
      <form onSubmit={submit} noValidate aria-label="Rename character">
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
            <Button variant="default" onClick={close} disabled={update.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Rename
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Button, Card, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Project } from '@/api/types';
import { notifyError, notifySuccess, TrashIcon } from '@/components';
import { color } from '@/theme/tokens';
import { useTrashProject } from '../project-queries';

/** Moving a project to the trash, behind a confirmation that asks for the project's name. */
export function DangerZone({ project }: { project: Project }) {
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const trash = useTrashProject();
  const navigate = useNavigate();
  const days = project.retention.trashGraceDays;

  const close = () => {
    if (trash.isPending) return;
    setConfirming(false);
    setTyped('');
  };
  const confirm = () =>
    trash.mutate(project, {
      onSuccess: () => {
        notifySuccess(`"${project.name}" is in the trash; restore it from the Trash tab.`, 'Moved to trash');
        navigate('/projects');
      },
      onError: (error) => notifyError(error, 'Could not move the project to the trash'),
    });

  return (
    <Card mt="lg" style={{ borderColor: color('action-danger') }} data-testid="danger-zone">
      <Group justify="space-between" align="center" gap="md" wrap="wrap">
        <Stack gap={2} maw={640}>
          <Text fw={600}>Move to trash</Text>
          <Text size="sm" c="dimmed">
            {project.locked
              ? 'Locked projects cannot be moved to the trash. Re-open the project first.'
              : `The project leaves the project list. It can be restored from the Trash for ${days} day${days === 1 ? '' : 's'}.`}
          </Text>
        </Stack>
        <Button
          color="red"
          variant="light"
          leftSection={<TrashIcon size={16} />}
          disabled={project.locked}
          onClick={() => setConfirming(true)}
        >
          Move to trash
        </Button>
      </Group>
      <Modal opened={confirming} onClose={close} title="Move to trash" size="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (typed.trim() === project.name) confirm();
          }}
          aria-label="Move to trash"
        >
          <Stack gap="md">
            <Text size="sm">
              <b>{project.name}</b> leaves the project list and cannot be edited while it is in the trash. It
              stays restorable from the Trash for {days} day{days === 1 ? '' : 's'}.
            </Text>
            <TextInput
              label="Type the project name to confirm"
              placeholder={project.name}
              autoComplete="off"
              value={typed}
              onChange={(event) => setTyped(event.currentTarget.value)}
              data-autofocus
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close} disabled={trash.isPending}>
                Cancel
              </Button>
              <Button
                type="submit"
                color="red"
                leftSection={<TrashIcon size={16} />}
                loading={trash.isPending}
                disabled={typed.trim() !== project.name}
              >
                Move to trash
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}

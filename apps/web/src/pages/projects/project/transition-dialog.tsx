import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import type { LifecycleAction } from './lifecycle-actions';

interface TransitionDialogProps {
  /** The action to confirm; the dialog is open while it is set. */
  action: LifecycleAction | null;
  projectName: string;
  loading: boolean;
  onConfirm: (note: string) => void;
  onCancel: () => void;
}

const noteMaxLength = 500;

/** Confirms a lifecycle move and takes an optional note that the audit log keeps with it. */
export function TransitionDialog({
  action,
  projectName,
  loading,
  onConfirm,
  onCancel,
}: TransitionDialogProps) {
  const [note, setNote] = useState('');
  // Keeps the wording on screen while the dialog fades out after `action` is cleared.
  const last = useRef(action);
  if (action) last.current = action;
  const shown = action ?? last.current;
  const cancel = () => {
    if (loading) return;
    setNote('');
    onCancel();
  };
  const confirm = () => onConfirm(note.trim());
  return (
    <Modal
      opened={action !== null}
      onClose={cancel}
      title={shown?.label ?? ''}
      size="md"
      onExitTransitionEnd={() => setNote('')}
    >
      {shown && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            confirm();
          }}
          aria-label={shown.label}
        >
          <Stack gap="md">
            <Text size="sm">{shown.explain(projectName)}</Text>
            <Textarea
              label="Note (optional)"
              description="Why, for the team; kept in the audit log with this change."
              autosize
              minRows={2}
              maxRows={5}
              maxLength={noteMaxLength}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={cancel} disabled={loading}>
                Cancel
              </Button>
              <Button
                type="submit"
                color={shown.emphasis === 'danger' ? 'red' : undefined}
                leftSection={<shown.icon size={16} />}
                loading={loading}
                data-autofocus
              >
                {shown.label}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

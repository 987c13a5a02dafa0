// Pinned notes as banners at the top of an entity's page (PRD-095 §1.3): attention-grabbing but dismissible.
import type { NoteEntityType } from '@i2v/contracts';
import { Alert, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { PinIcon } from '../icons';
import { categoryLabels } from './note-labels';
import { FrameChip } from './notes-panel';
import { usePinnedNotes } from './notes-queries';

export interface PinnedNotesProps {
  entityType: NoteEntityType;
  entityId: string;
  onSeek?: (frame: number) => void;
}

export function PinnedNotes({ entityType, entityId, onSeek }: PinnedNotesProps) {
  const pinned = usePinnedNotes({ entityType, entityId });
  const [dismissed, setDismissed] = useState<Set<string>>(new Set());
  const shown = (pinned.data?.items ?? []).filter((n) => !dismissed.has(n.id));
  if (shown.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="pinned-notes">
      {shown.map((n) => (
        <Alert
          key={n.id}
          color="yellow"
          variant="light"
          icon={<PinIcon size={18} />}
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setDismissed(new Set([...dismissed, n.id]))}
          title={
            <Group gap="xs">
              <span>
                Pinned {categoryLabels[n.category].toLowerCase()} note by {n.author.displayName}
              </span>
              <FrameChip note={n} onSeek={onSeek} />
            </Group>
          }
          data-testid="pinned-note"
          data-note-id={n.id}
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
            {n.body}
          </Text>
        </Alert>
      ))}
    </Stack>
  );
}

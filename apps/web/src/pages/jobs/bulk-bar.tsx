// What can be done to the selected jobs at once. Each job is acted on by itself, so some may refuse (a finished job
// cannot be paused); the page lists those with the reason.
import { Button, Group, Menu, Paper, Text } from '@mantine/core';
import type { JobPriority } from '@/api/types';
import { countOf } from '@/format/count';
import { commandIcon } from './job-commands';
import { priorities, priorityLabels } from './job-format';
import type { BulkAction } from './job-queries';

interface BulkBarProps {
  count: number;
  busy: boolean;
  onAction: (action: BulkAction, priority?: JobPriority) => void;
  onClear: () => void;
}

export const bulkVerbs: Record<BulkAction, string> = {
  cancel: 'cancelled',
  pause: 'paused',
  resume: 'resumed',
  retry: 'queued again',
  priority: 'reprioritised',
  front: 'moved to the front',
};

export function BulkBar({ count, busy, onAction, onClear }: BulkBarProps) {
  return (
    <Paper withBorder p="xs" mb="md" data-testid="bulk-bar">
      <Group justify="space-between" gap="sm">
        <Text size="sm" fw={600} px="xs">
          {countOf(count, 'job')} selected
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={commandIcon('pause')}
            disabled={busy}
            onClick={() => onAction('pause')}
          >
            Pause
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={commandIcon('resume')}
            disabled={busy}
            onClick={() => onAction('resume')}
          >
            Resume
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={commandIcon('retry')}
            disabled={busy}
            onClick={() => onAction('retry')}
          >
            Retry
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={commandIcon('front')}
            disabled={busy}
            onClick={() => onAction('front')}
          >
            Move to front
          </Button>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button size="xs" variant="default" disabled={busy}>
                Priority…
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {priorities.map((p) => (
                <Menu.Item key={p} onClick={() => onAction('priority', p)}>
                  {priorityLabels[p]}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Button
            size="xs"
            color="red"
            variant="light"
            leftSection={commandIcon('cancel')}
            disabled={busy}
            onClick={() => onAction('cancel')}
          >
            Cancel jobs
          </Button>
          <Button size="xs" variant="subtle" onClick={onClear} disabled={busy}>
            Clear selection
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

import { Group, Text } from '@mantine/core';
import { LockedIcon } from '@/components';

/** Stands where a write control would be, saying why there is none (role, edit lock, trash). */
export function ReadOnlyReason({ reason }: { reason: string }) {
  return (
    <Group gap={6} wrap="nowrap" data-testid="read-only-reason">
      <LockedIcon size={14} />
      <Text size="sm" c="dimmed">
        {reason}
      </Text>
    </Group>
  );
}

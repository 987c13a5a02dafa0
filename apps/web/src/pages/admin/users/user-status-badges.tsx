import { Badge, Group, Tooltip } from '@mantine/core';
import type { User } from '@/api/types';
import { LockedIcon } from '@/components';
import { formatDateTime, isInFuture } from '@/format/date-time';
import { tones } from '@/theme/tokens';

/** Active or deactivated, plus a lock after repeated failed sign-ins and a pending password change. */
export function UserStatusBadges({ user }: { user: User }) {
  const locked = isInFuture(user.lockedUntil);
  return (
    <Group gap={6} wrap="wrap">
      <Badge color={user.isActive ? tones.active : tones.inactive} data-testid="user-status">
        {user.isActive ? 'Active' : 'Inactive'}
      </Badge>
      {locked && user.lockedUntil && (
        <Tooltip label={`Too many failed sign-ins; locked until ${formatDateTime(user.lockedUntil)}`}>
          <Badge color={tones.locked} leftSection={<LockedIcon size={12} />} data-testid="user-locked">
            Locked
          </Badge>
        </Tooltip>
      )}
      {user.mustChangePassword && user.isActive && (
        <Tooltip label="Signs in with a temporary password and must choose a new one">
          <Badge color="gray" variant="outline">
            Temporary password
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}

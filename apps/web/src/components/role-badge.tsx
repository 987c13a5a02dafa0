import { roleLabels } from '@i2v/domain';
import { Badge, type BadgeProps } from '@mantine/core';
import type { Role } from '@/api/types';
import { tones } from '@/theme/tokens';

export function RoleBadge({ role, ...props }: { role: Role } & Omit<BadgeProps, 'color' | 'children'>) {
  return (
    <Badge color={tones.role[role]} data-testid="role-badge" {...props}>
      {roleLabels[role]}
    </Badge>
  );
}

import { type RoleName, roleLabels } from '@i2v/domain';
import type { Role } from '@/api/types';

/** The roles as choices for a Select, in the order people think of them. */
export const roleOptions: { value: Role; label: string }[] = (
  ['admin', 'creator', 'reviewer'] as RoleName[]
).map((role) => ({ value: role, label: roleLabels[role] }));

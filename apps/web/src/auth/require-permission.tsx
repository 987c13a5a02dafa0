// Gate for pages only some roles may open: others see why they cannot, not a crash.
import { type Permission, type RoleName, roleCan, roleLabels } from '@i2v/domain';
import { Outlet } from 'react-router';
import { ForbiddenView } from '@/pages/errors/forbidden-view';
import { useCurrentUser } from './use-session';

/** "Admin", or "Creator or Admin": the roles that hold a permission, for the refusal message. */
export function rolesWith(permission: Permission): string {
  const roles = (Object.keys(roleLabels) as RoleName[]).filter((role) => roleCan(role, permission));
  return roles.map((role) => roleLabels[role]).join(' or ');
}

export function RequirePermission({ permission }: { permission: Permission }) {
  const user = useCurrentUser();
  if (!roleCan(user.role, permission)) return <ForbiddenView requiredRole={rolesWith(permission)} />;
  return <Outlet />;
}

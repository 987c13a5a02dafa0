// Who may do what (PRD-003). Routes declare a permission; roles map to permission sets.
export type RoleName = 'admin' | 'creator' | 'reviewer';

export const permissions = [
  'profile.manage',
  'users.manage',
  'audit.read',
  'content.read',
  'content.write',
  'review.flag',
  'review.finalize',
  /** Register, drain and decommission GPU workers (ComfyUI servers). */
  'workers.manage',
  /** Cancel, pause, reprioritise and retry anyone's jobs (everyone may act on their own). */
  'jobs.manage',
] as const;
export type Permission = (typeof permissions)[number];

const reviewer: Permission[] = ['profile.manage', 'content.read', 'review.flag'];
const creator: Permission[] = [...reviewer, 'content.write', 'review.finalize'];
const admin: Permission[] = [...permissions];

const grants: Record<RoleName, ReadonlySet<Permission>> = {
  reviewer: new Set(reviewer),
  creator: new Set(creator),
  admin: new Set(admin),
};

export function roleCan(role: RoleName, permission: Permission): boolean {
  return grants[role].has(permission);
}

export function permissionsOf(role: RoleName): Permission[] {
  return [...grants[role]];
}

export const roleLabels: Record<RoleName, string> = {
  admin: 'Admin',
  creator: 'Creator',
  reviewer: 'Reviewer',
};

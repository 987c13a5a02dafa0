import { describe, expect, it } from 'vitest';
import { permissions, permissionsOf, roleCan } from './permissions.js';

describe('roles and permissions (PRD-003 §1.2)', () => {
  it('gives admins everything', () => {
    for (const p of permissions) expect(roleCan('admin', p)).toBe(true);
  });

  it('lets creators produce and finalize, but not manage users or read the audit trail', () => {
    expect(roleCan('creator', 'content.write')).toBe(true);
    expect(roleCan('creator', 'review.finalize')).toBe(true);
    expect(roleCan('creator', 'users.manage')).toBe(false);
    expect(roleCan('creator', 'audit.read')).toBe(false);
  });

  it('lets reviewers view and flag, not finalize or edit', () => {
    expect(permissionsOf('reviewer').sort()).toEqual(['content.read', 'profile.manage', 'review.flag']);
    expect(roleCan('reviewer', 'review.finalize')).toBe(false);
    expect(roleCan('reviewer', 'content.write')).toBe(false);
  });
});

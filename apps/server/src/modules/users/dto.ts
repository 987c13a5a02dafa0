import type { User } from '@i2v/contracts';
import type { UserRow } from './repo.js';

export function toUser(r: UserRow): User {
  return {
    id: r.publicId,
    email: r.email,
    displayName: r.displayName,
    role: r.role,
    isActive: r.isActive,
    mustChangePassword: r.mustChangePassword,
    lockedUntil: r.lockedUntil?.toISOString() ?? null,
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, timestamps, tstz } from './columns.js';

/** Lookup table of roles (PRD-003 §1.2: roles are stored in a lookup table). */
export const roles = pgTable(
  'roles',
  {
    id: idColumn(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('uq_roles_code').on(t.code)],
);

export const users = pgTable(
  'users',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    roleId: bigint('role_id', { mode: 'number' })
      .notNull()
      .references(() => roles.id, { onDelete: 'restrict', onUpdate: 'cascade' }),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: tstz('locked_until'),
    lastLoginAt: tstz('last_login_at'),
    passwordChangedAt: tstz('password_changed_at').notNull().defaultNow(),
    /** Set while the account is deactivated (soft delete, PRD-003 §1.4); null means active. */
    deactivatedAt: tstz('deactivated_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_users_public_id').on(t.publicId),
    uniqueIndex('uq_users_email').on(sql`lower(${t.email})`),
    index('idx_users_role_id').on(t.roleId),
    index('idx_users_created_at').on(t.createdAt, t.id),
  ],
);

/** One row per issued refresh token; a family is one login session, rotated on every refresh. */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: idColumn(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    familyId: uuid('family_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: tstz('expires_at').notNull(),
    rotatedAt: tstz('rotated_at'),
    revokedAt: tstz('revoked_at'),
    revokedReason: text('revoked_reason'),
    userAgent: text('user_agent'),
    ip: text('ip'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_refresh_tokens_token_hash').on(t.tokenHash),
    index('idx_refresh_tokens_user_id').on(t.userId),
    index('idx_refresh_tokens_family_id').on(t.familyId),
    check(
      'ck_refresh_tokens_revoked_reason',
      sql`${t.revokedReason} IS NULL OR ${t.revokedReason} IN ('logout', 'reuse_detected', 'deactivated', 'password_changed', 'password_reset', 'expired')`,
    ),
  ],
);

/** Instance-wide secrets shared by every process on one database (e.g. the JWT signing key). */
export const instanceSecrets = pgTable(
  'instance_secrets',
  {
    id: idColumn(),
    name: text('name').notNull(),
    value: text('value').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('uq_instance_secrets_name').on(t.name)],
);

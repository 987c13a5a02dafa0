// SQL for users, roles and their refresh-token sessions.
import { and, desc, eq, ilike, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { escapeLike } from '../../db/like.js';
import { refreshTokens, roles, users } from '../../db/schema/index.js';
import { type RequestContext, systemContext } from '../../platform/request-context.js';

export interface UserRow {
  id: number;
  publicId: string;
  email: string;
  displayName: string;
  passwordHash: string;
  role: 'admin' | 'creator' | 'reviewer';
  isActive: boolean;
  mustChangePassword: boolean;
  failedLoginCount: number;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const selection = {
  id: users.id,
  publicId: users.publicId,
  email: users.email,
  displayName: users.displayName,
  passwordHash: users.passwordHash,
  role: roles.code,
  isActive: sql<boolean>`${users.deactivatedAt} IS NULL`,
  mustChangePassword: users.mustChangePassword,
  failedLoginCount: users.failedLoginCount,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

async function selectOne(db: Executor, where: SQL): Promise<UserRow | null> {
  const found = await db
    .select(selection)
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(where);
  return (found[0] as UserRow | undefined) ?? null;
}

export const findUserByPublicId = (db: Executor, publicId: string) =>
  selectOne(db, eq(users.publicId, publicId));
export const findUserByEmail = (db: Executor, email: string) =>
  selectOne(db, sql`lower(${users.email}) = ${email.toLowerCase()}`);
export const findUserById = (db: Executor, id: number) => selectOne(db, eq(users.id, id));

/** The user behind an access token, plus whether its session family has been revoked: one round trip. */
export async function findSessionUser(
  db: Executor,
  publicId: string,
  familyId: string,
): Promise<(UserRow & { sessionRevoked: boolean }) | null> {
  const found = await db
    .select({
      ...selection,
      sessionRevoked: sql<boolean>`EXISTS (SELECT 1 FROM ${refreshTokens} WHERE ${refreshTokens.familyId} = ${familyId} AND ${refreshTokens.revokedAt} IS NOT NULL)`,
    })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(eq(users.publicId, publicId));
  return (found[0] as (UserRow & { sessionRevoked: boolean }) | undefined) ?? null;
}

export interface UserListFilter {
  q?: string | undefined;
  role?: string | undefined;
  status: 'active' | 'inactive' | 'all';
  after?: { createdAt: Date; id: number } | undefined;
  limit: number;
}

export async function listUsers(db: Executor, f: UserListFilter): Promise<UserRow[]> {
  const where: (SQL | undefined)[] = [];
  if (f.q) {
    const p = `%${escapeLike(f.q)}%`;
    where.push(or(ilike(users.email, p), ilike(users.displayName, p)));
  }
  if (f.role) where.push(eq(roles.code, f.role));
  if (f.status !== 'all') {
    where.push(f.status === 'active' ? isNull(users.deactivatedAt) : isNotNull(users.deactivatedAt));
  }
  if (f.after) {
    where.push(
      or(
        lt(users.createdAt, f.after.createdAt),
        and(eq(users.createdAt, f.after.createdAt), lt(users.id, f.after.id)),
      ),
    );
  }
  return (await db
    .select(selection)
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(and(...where))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(f.limit)) as UserRow[];
}

export async function roleIdOf(db: Executor, code: string): Promise<number> {
  const found = await db.select({ id: roles.id }).from(roles).where(eq(roles.code, code));
  if (!found[0]) throw new Error(`role ${code} missing from the roles lookup table`);
  return found[0].id;
}

export async function countActiveAdmins(db: Executor): Promise<number> {
  const found = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(and(eq(roles.code, 'admin'), isNull(users.deactivatedAt)));
  return Number(found[0]?.n ?? 0);
}

export async function countUsers(db: Executor): Promise<number> {
  const found = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return Number(found[0]?.n ?? 0);
}

export interface NewUser {
  publicId: string;
  email: string;
  displayName: string;
  passwordHash: string;
  roleId: number;
  mustChangePassword: boolean;
}

export async function insertUser(db: Executor, u: NewUser): Promise<number> {
  const [row] = await db.insert(users).values(u).returning({ id: users.id });
  return row!.id;
}

export type UserPatch = Partial<{
  displayName: string;
  roleId: number;
  deactivatedAt: Date | null;
  passwordHash: string;
  passwordChangedAt: Date;
  mustChangePassword: boolean;
  failedLoginCount: number;
  lockedUntil: Date | null;
  lastLoginAt: Date;
}>;

export async function updateUser(db: Executor, id: number, patch: UserPatch, now: Date): Promise<void> {
  await db
    .update(users)
    .set({ ...patch, updatedAt: now })
    .where(eq(users.id, id));
}

/** Revokes every live token of the given families or users; returns how many were revoked. */
export async function revokeTokens(
  db: Executor,
  scope: { familyId: string } | { userId: number },
  reason: 'logout' | 'reuse_detected' | 'deactivated' | 'password_changed' | 'password_reset',
  now: Date,
): Promise<number> {
  const target =
    'familyId' in scope ? eq(refreshTokens.familyId, scope.familyId) : eq(refreshTokens.userId, scope.userId);
  const done = await db
    .update(refreshTokens)
    .set({ revokedAt: now, revokedReason: reason, updatedAt: now })
    .where(and(target, isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id });
  return done.length;
}

/**
 * The request context of work done on a user's behalf outside a request (a job's owner): audit rows name them.
 * The system context when there is no such user (any more).
 */
export async function contextOfUser(db: Executor, userId: number | null): Promise<RequestContext> {
  if (userId === null) return systemContext;
  const [u] = await db
    .select({ publicId: users.publicId, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  return u ? { ...systemContext, actor: { userId, publicId: u.publicId, email: u.email } } : systemContext;
}

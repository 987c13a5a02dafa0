// User management (PRD-003 §1.4) and the signed-in user's own profile; every change is audited in its transaction.
import type { Role, User } from '@i2v/contracts';
import { checkPasswordPolicy, type PasswordPolicy } from '@i2v/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Clock } from '../../platform/clock.js';
import { decodeTimeCursor, pageOf } from '../../platform/cursor.js';
import { AppError } from '../../platform/errors.js';
import { newPublicId } from '../../platform/ids.js';
import { generatePassword, type PasswordHasher } from '../../platform/passwords.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/service.js';
import { toUser } from './dto.js';
import * as repo from './repo.js';

export interface UsersDeps {
  db: Db;
  clock: Clock;
  hasher: PasswordHasher;
  audit: AuditService;
  passwordPolicy: PasswordPolicy;
}

export class UsersService {
  constructor(private readonly d: UsersDeps) {}

  assertPasswordPolicy(password: string, field: string, who: { email?: string; displayName?: string }): void {
    const problems = checkPasswordPolicy(password, who, this.d.passwordPolicy);
    if (problems.length > 0) {
      throw new AppError(
        'auth.password_policy',
        `The password ${problems.join('; ')}.`,
        problems.map((message) => ({ field, message })),
      );
    }
  }

  async list(q: {
    limit: number;
    cursor?: string | undefined;
    q?: string | undefined;
    role?: Role | undefined;
    status: 'active' | 'inactive' | 'all';
  }): Promise<{ items: User[]; nextCursor: string | null }> {
    const after = decodeTimeCursor(q.cursor);
    const found = await repo.listUsers(this.d.db, { ...q, after, limit: q.limit + 1 });
    const { page, nextCursor } = pageOf(found, q.limit, (last) => [last.createdAt.toISOString(), last.id]);
    return { items: page.map(toUser), nextCursor };
  }

  async get(publicId: string): Promise<User> {
    return toUser(await this.mustFind(publicId));
  }

  async findByEmail(email: string): Promise<User | null> {
    const u = await repo.findUserByEmail(this.d.db, email);
    return u ? toUser(u) : null;
  }

  private async mustFind(publicId: string): Promise<repo.UserRow> {
    const u = await repo.findUserByPublicId(this.d.db, publicId);
    if (!u) throw new AppError('user.not_found', `No user with id ${publicId}.`);
    return u;
  }

  async create(
    ctx: RequestContext,
    body: { email: string; displayName: string; role: Role; password?: string | undefined },
  ): Promise<{ user: User; temporaryPassword: string | null }> {
    const temporaryPassword = body.password === undefined ? generatePassword() : null;
    const password = body.password ?? temporaryPassword!;
    if (body.password !== undefined) this.assertPasswordPolicy(password, 'body.password', body);
    const passwordHash = await this.d.hasher.hash(password);
    const publicId = newPublicId();
    try {
      await this.d.db.transaction(async (tx) => {
        if (await repo.findUserByEmail(tx, body.email)) throw emailTaken(body.email);
        await repo.insertUser(tx, {
          publicId,
          email: body.email,
          displayName: body.displayName,
          passwordHash,
          roleId: await repo.roleIdOf(tx, body.role),
          mustChangePassword: temporaryPassword !== null,
        });
        await this.d.audit.record(tx, ctx, {
          action: 'user.created',
          entityType: 'user',
          entityId: publicId,
          summary: `Created ${body.role} ${body.email}`,
          details: { email: body.email, displayName: body.displayName, role: body.role },
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw emailTaken(body.email);
      throw err;
    }
    return { user: await this.get(publicId), temporaryPassword };
  }

  async update(
    ctx: RequestContext,
    publicId: string,
    patch: { displayName?: string | undefined; role?: Role | undefined; isActive?: boolean | undefined },
  ): Promise<User> {
    const now = this.d.clock.now();
    await this.d.db.transaction(async (tx) => {
      const target = await repo.findUserByPublicId(tx, publicId);
      if (!target) throw new AppError('user.not_found', `No user with id ${publicId}.`);
      const isSelf = ctx.actor?.userId === target.id;
      const roleChanges = patch.role !== undefined && patch.role !== target.role;
      const activeChanges = patch.isActive !== undefined && patch.isActive !== target.isActive;
      if (isSelf && (roleChanges || activeChanges)) {
        throw new AppError(
          'user.cannot_modify_self',
          'You cannot change your own role or deactivate yourself; ask another admin.',
          [
            {
              field: roleChanges ? 'body.role' : 'body.isActive',
              message: 'cannot be changed on your own account',
            },
          ],
        );
      }
      const losesAdmin =
        target.role === 'admin' && target.isActive && (roleChanges || patch.isActive === false);
      if (losesAdmin && (await repo.countActiveAdmins(tx)) <= 1) {
        throw new AppError('user.last_admin', 'The studio must keep at least one active admin.');
      }
      const changes: repo.UserPatch = {};
      if (patch.displayName !== undefined && patch.displayName !== target.displayName) {
        changes.displayName = patch.displayName;
      }
      if (roleChanges) changes.roleId = await repo.roleIdOf(tx, patch.role!);
      if (activeChanges) {
        changes.deactivatedAt = patch.isActive ? null : now;
      }
      if (Object.keys(changes).length === 0) return;
      await repo.updateUser(tx, target.id, changes, now);
      const base = { entityType: 'user', entityId: publicId };
      if (changes.displayName !== undefined) {
        await this.d.audit.record(tx, ctx, {
          ...base,
          action: 'user.updated',
          summary: `Renamed ${target.email} to "${changes.displayName}"`,
          details: { field: 'displayName', from: target.displayName, to: changes.displayName },
        });
      }
      if (roleChanges) {
        await this.d.audit.record(tx, ctx, {
          ...base,
          action: 'user.role_changed',
          summary: `Changed role of ${target.email} from ${target.role} to ${patch.role}`,
          details: { from: target.role, to: patch.role },
        });
      }
      if (activeChanges && patch.isActive === false) {
        const revoked = await repo.revokeTokens(tx, { userId: target.id }, 'deactivated', now);
        await this.d.audit.record(tx, ctx, {
          ...base,
          action: 'user.deactivated',
          summary: `Deactivated ${target.email}`,
          details: { sessionsRevoked: revoked },
        });
      }
      if (activeChanges && patch.isActive === true) {
        await this.d.audit.record(tx, ctx, {
          ...base,
          action: 'user.reactivated',
          summary: `Reactivated ${target.email}`,
        });
      }
    });
    return this.get(publicId);
  }

  async resetPassword(ctx: RequestContext, publicId: string): Promise<{ temporaryPassword: string }> {
    const target = await this.mustFind(publicId);
    const temporaryPassword = generatePassword();
    const passwordHash = await this.d.hasher.hash(temporaryPassword);
    const now = this.d.clock.now();
    await this.d.db.transaction(async (tx) => {
      await repo.updateUser(
        tx,
        target.id,
        {
          passwordHash,
          passwordChangedAt: now,
          mustChangePassword: true,
          failedLoginCount: 0,
          lockedUntil: null,
        },
        now,
      );
      const revoked = await repo.revokeTokens(tx, { userId: target.id }, 'password_reset', now);
      await this.d.audit.record(tx, ctx, {
        action: 'user.password_reset',
        entityType: 'user',
        entityId: publicId,
        summary: `Reset the password of ${target.email}`,
        details: { sessionsRevoked: revoked, unlocked: target.lockedUntil !== null },
      });
    });
    return { temporaryPassword };
  }

  async updateProfile(ctx: RequestContext, displayName: string): Promise<User> {
    const me = requireActor(ctx);
    return this.update(ctx, me.publicId, { displayName });
  }

  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<void> {
    const me = await this.mustFind(requireActor(ctx).publicId);
    if (!(await this.d.hasher.verify(me.passwordHash, currentPassword))) {
      throw new AppError('auth.password_incorrect', 'The current password is not correct.', [
        { field: 'body.currentPassword', message: 'is not correct' },
      ]);
    }
    this.assertPasswordPolicy(newPassword, 'body.newPassword', me);
    if (newPassword === currentPassword) {
      throw new AppError('auth.password_policy', 'The new password must differ from the current one.', [
        { field: 'body.newPassword', message: 'must differ from the current password' },
      ]);
    }
    const passwordHash = await this.d.hasher.hash(newPassword);
    const now = this.d.clock.now();
    await this.d.db.transaction(async (tx) => {
      await repo.updateUser(
        tx,
        me.id,
        { passwordHash, passwordChangedAt: now, mustChangePassword: false },
        now,
      );
      await this.d.audit.record(tx, ctx, {
        action: 'user.password_changed',
        entityType: 'user',
        entityId: me.publicId,
        summary: `${me.email} changed their password`,
      });
    });
  }

  /**
   * On first start, creates the first admin. Returns the credentials to print once, or null when users exist.
   * The advisory lock keeps two processes starting together on one PostgreSQL from both creating one.
   */
  async bootstrapAdmin(
    ctx: RequestContext,
    email: string,
    password: string | undefined,
  ): Promise<{ email: string; password: string; generated: boolean } | null> {
    const chosen = password ?? generatePassword();
    if (password !== undefined) this.assertPasswordPolicy(password, 'I2V_ADMIN_PASSWORD', { email });
    const passwordHash = await this.d.hasher.hash(chosen);
    return this.d.db.transaction(async (tx) => {
      await tx.execute(sqlLock);
      if ((await repo.countUsers(tx)) > 0) return null;
      const publicId = newPublicId();
      await repo.insertUser(tx, {
        publicId,
        email,
        displayName: 'Studio admin',
        passwordHash,
        roleId: await repo.roleIdOf(tx, 'admin'),
        mustChangePassword: password === undefined,
      });
      await this.d.audit.record(tx, ctx, {
        action: 'system.admin_bootstrapped',
        entityType: 'user',
        entityId: publicId,
        summary: `Created the first admin ${email}`,
        details: { email, generatedPassword: password === undefined },
      });
      return { email, password: chosen, generated: password === undefined };
    });
  }
}

const sqlLock = sql`SELECT pg_advisory_xact_lock(7202611252)`;

function emailTaken(email: string): AppError {
  return new AppError('user.email_taken', `A user with email ${email} already exists.`, [
    { field: 'body.email', message: 'is already used by another user' },
  ]);
}

export function requireActor(ctx: RequestContext) {
  if (!ctx.actor) throw new AppError('auth.unauthenticated', 'Sign in first.');
  return ctx.actor;
}

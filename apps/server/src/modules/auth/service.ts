// Sign-in, refresh-token rotation with reuse detection, sign-out, and the per-request session check.
import type { Session } from '@i2v/contracts';
import { isLocked, type LockoutPolicy, registerLoginFailure } from '@i2v/domain';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newPublicId } from '../../platform/ids.js';
import type { PasswordHasher } from '../../platform/passwords.js';
import type { Actor, RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/service.js';
import { toUser } from '../users/dto.js';
import * as users from '../users/repo.js';
import * as repo from './repo.js';
import { type AccessTokens, hashRefreshToken, newRefreshToken } from './tokens.js';

export interface AuthDeps {
  db: Db;
  clock: Clock;
  hasher: PasswordHasher;
  audit: AuditService;
  tokens: AccessTokens;
  refreshTtlSeconds: number;
  lockout: LockoutPolicy;
  /** A real Argon2id hash of a random password, verified for unknown emails so timing reveals nothing. */
  decoyHash: string;
}

export interface IssuedSession extends Session {
  refreshToken: string;
  refreshExpiresAt: Date;
}

const invalidCredentials = () => new AppError('auth.invalid_credentials', 'Email or password is incorrect.');

export class AuthService {
  constructor(private readonly d: AuthDeps) {}

  async login(ctx: RequestContext, email: string, password: string): Promise<IssuedSession> {
    const now = this.d.clock.now();
    const user = await users.findUserByEmail(this.d.db, email);
    const passwordOk = await this.d.hasher.verify(user?.passwordHash ?? this.d.decoyHash, password);
    if (!user) {
      await this.d.db.transaction((tx) =>
        this.d.audit.record(tx, ctx, {
          action: 'auth.login_failed',
          actorLabel: email,
          summary: `Failed sign-in for unknown email ${email}`,
          details: { email, reason: 'unknown_email' },
        }),
      );
      throw invalidCredentials();
    }
    if (isLocked(user.lockedUntil, now)) {
      await this.d.db.transaction((tx) =>
        this.d.audit.record(
          tx,
          { ...ctx, actor: null },
          {
            action: 'auth.login_failed',
            actorLabel: user.email,
            entityType: 'user',
            entityId: user.publicId,
            summary: `Sign-in refused for ${user.email}: account locked`,
            details: { reason: 'locked' },
          },
        ),
      );
      throw lockedError(user.lockedUntil!, now);
    }
    if (!passwordOk) {
      const outcome = registerLoginFailure(user.failedLoginCount, now, this.d.lockout);
      await this.d.db.transaction(async (tx) => {
        await users.updateUser(
          tx,
          user.id,
          { failedLoginCount: outcome.failedCount, lockedUntil: outcome.lockedUntil },
          now,
        );
        await this.d.audit.record(
          tx,
          { ...ctx, actor: null },
          {
            action: 'auth.login_failed',
            actorLabel: user.email,
            entityType: 'user',
            entityId: user.publicId,
            summary: `Failed sign-in for ${user.email}: wrong password`,
            details: { reason: 'wrong_password' },
          },
        );
        if (outcome.lockedUntil) {
          await this.d.audit.record(
            tx,
            { ...ctx, actor: null },
            {
              action: 'auth.locked',
              actorLabel: 'system',
              entityType: 'user',
              entityId: user.publicId,
              summary: `Locked ${user.email} after ${this.d.lockout.maxFailures} failed sign-ins`,
              details: { lockedUntil: outcome.lockedUntil.toISOString() },
            },
          );
        }
      });
      throw invalidCredentials();
    }
    if (!user.isActive) {
      throw new AppError(
        'auth.account_inactive',
        'This account has been deactivated. Ask an admin to reactivate it.',
      );
    }
    const actor: Actor = { userId: user.id, publicId: user.publicId, email: user.email };
    const familyId = newPublicId();
    const refreshToken = newRefreshToken();
    const refreshExpiresAt = new Date(now.getTime() + this.d.refreshTtlSeconds * 1000);
    await this.d.db.transaction(async (tx) => {
      await users.updateUser(tx, user.id, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now }, now);
      await repo.insertRefreshToken(tx, {
        userId: user.id,
        familyId,
        tokenHash: hashRefreshToken(refreshToken),
        expiresAt: refreshExpiresAt,
        userAgent: ctx.userAgent,
        ip: ctx.ip,
      });
      await this.d.audit.record(
        tx,
        { ...ctx, actor },
        {
          action: 'auth.login',
          entityType: 'user',
          entityId: user.publicId,
          summary: `${user.email} signed in`,
          details: { sessionId: familyId },
        },
      );
    });
    const fresh = (await users.findUserById(this.d.db, user.id))!;
    return {
      accessToken: await this.d.tokens.issue({ userPublicId: user.publicId, familyId }, now),
      expiresIn: this.d.tokens.ttlSeconds,
      user: toUser(fresh),
      refreshToken,
      refreshExpiresAt,
    };
  }

  /** Rotates the refresh token. Presenting a token that was already rotated revokes its whole family. */
  async refresh(ctx: RequestContext, presented: string | undefined): Promise<IssuedSession> {
    if (!presented) throw new AppError('auth.refresh_invalid', 'No session; sign in.');
    const now = this.d.clock.now();
    const next = newRefreshToken();
    const refreshExpiresAt = new Date(now.getTime() + this.d.refreshTtlSeconds * 1000);
    const outcome = await this.d.db.transaction(async (tx) => {
      const token = await repo.findRefreshToken(tx, hashRefreshToken(presented));
      if (!token || token.revokedAt) return { kind: 'invalid' as const };
      const user = await users.findUserById(tx, token.userId);
      if (!user) return { kind: 'invalid' as const };
      if (token.rotatedAt) {
        const revoked = await users.revokeTokens(tx, { familyId: token.familyId }, 'reuse_detected', now);
        await this.d.audit.record(tx, ctx, {
          action: 'auth.refresh_reused',
          actorLabel: user.email,
          entityType: 'user',
          entityId: user.publicId,
          summary: `A rotated refresh token of ${user.email} was reused; the session was revoked`,
          details: { sessionId: token.familyId, tokensRevoked: revoked },
        });
        return { kind: 'reused' as const };
      }
      if (token.expiresAt.getTime() <= now.getTime() || !user.isActive) return { kind: 'invalid' as const };
      await repo.markRotated(tx, token.id, now);
      await repo.insertRefreshToken(tx, {
        userId: user.id,
        familyId: token.familyId,
        tokenHash: hashRefreshToken(next),
        expiresAt: refreshExpiresAt,
        userAgent: ctx.userAgent,
        ip: ctx.ip,
      });
      return { kind: 'ok' as const, user, familyId: token.familyId };
    });
    if (outcome.kind === 'reused') {
      throw new AppError(
        'auth.refresh_reused',
        'This session was ended because its refresh token was reused; sign in again.',
      );
    }
    if (outcome.kind === 'invalid')
      throw new AppError('auth.refresh_invalid', 'The session has ended; sign in again.');
    return {
      accessToken: await this.d.tokens.issue(
        { userPublicId: outcome.user.publicId, familyId: outcome.familyId },
        now,
      ),
      expiresIn: this.d.tokens.ttlSeconds,
      user: toUser(outcome.user),
      refreshToken: next,
      refreshExpiresAt,
    };
  }

  /** Ends the session of the presented refresh token. Unknown or missing tokens are a no-op. */
  async logout(ctx: RequestContext, presented: string | undefined): Promise<void> {
    if (!presented) return;
    const now = this.d.clock.now();
    await this.d.db.transaction(async (tx) => {
      const token = await repo.findRefreshToken(tx, hashRefreshToken(presented));
      if (!token || token.revokedAt) return;
      const user = await users.findUserById(tx, token.userId);
      await users.revokeTokens(tx, { familyId: token.familyId }, 'logout', now);
      const actor = user ? { userId: user.id, publicId: user.publicId, email: user.email } : null;
      await this.d.audit.record(
        tx,
        { ...ctx, actor },
        {
          action: 'auth.logout',
          entityType: 'user',
          entityId: user?.publicId ?? '',
          summary: `${user?.email ?? 'A user'} signed out`,
          details: { sessionId: token.familyId },
        },
      );
    });
  }

  /** Resolves a bearer token to the current user; roles and deactivation take effect on the next request. */
  async authenticate(bearer: string | undefined): Promise<users.UserRow> {
    if (!bearer)
      throw new AppError('auth.unauthenticated', 'Sign in to use this endpoint (Authorization: Bearer).');
    const now = this.d.clock.now();
    const claims = await this.d.tokens.verify(bearer, now);
    const user = await users.findSessionUser(this.d.db, claims.userPublicId, claims.familyId);
    if (!user || user.sessionRevoked)
      throw new AppError('auth.token_invalid', 'The session has ended; sign in again.');
    if (!user.isActive) throw new AppError('auth.account_inactive', 'This account has been deactivated.');
    return user;
  }
}

function lockedError(until: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError(
    'auth.account_locked',
    `Too many failed sign-ins. The account is locked for ${Math.ceil(seconds / 60)} more minute(s), or until an admin resets its password.`,
    undefined,
    { 'retry-after': String(seconds) },
  );
}

// SQL for refresh tokens and the instance secret.
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { instanceSecrets, refreshTokens } from '../../db/schema/index.js';

export interface RefreshTokenRow {
  id: number;
  userId: number;
  familyId: string;
  expiresAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
  revokedReason: string | null;
}

export async function findRefreshToken(db: Executor, tokenHash: string): Promise<RefreshTokenRow | null> {
  const found = await db
    .select({
      id: refreshTokens.id,
      userId: refreshTokens.userId,
      familyId: refreshTokens.familyId,
      expiresAt: refreshTokens.expiresAt,
      rotatedAt: refreshTokens.rotatedAt,
      revokedAt: refreshTokens.revokedAt,
      revokedReason: refreshTokens.revokedReason,
    })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .for('update');
  return found[0] ?? null;
}

export async function insertRefreshToken(
  db: Executor,
  row: {
    userId: number;
    familyId: string;
    tokenHash: string;
    expiresAt: Date;
    userAgent: string | null;
    ip: string | null;
  },
): Promise<void> {
  await db.insert(refreshTokens).values(row);
}

export async function markRotated(db: Executor, id: number, now: Date): Promise<void> {
  await db.update(refreshTokens).set({ rotatedAt: now, updatedAt: now }).where(eq(refreshTokens.id, id));
}

/** Reads the named instance secret, creating it with random bytes the first time; every process agrees. */
export async function ensureInstanceSecret(db: Executor, name: string): Promise<string> {
  await db
    .insert(instanceSecrets)
    .values({ name, value: randomBytes(48).toString('base64url') })
    .onConflictDoNothing();
  const found = await db
    .select({ value: instanceSecrets.value })
    .from(instanceSecrets)
    .where(sql`${instanceSecrets.name} = ${name}`);
  return found[0]!.value;
}

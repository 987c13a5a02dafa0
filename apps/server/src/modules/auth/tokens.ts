// Short-lived access tokens (HS256 JWT via jose) and opaque refresh tokens stored only as hashes.
import { createHash, randomBytes } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { AppError } from '../../platform/errors.js';

const issuer = 'i2v-studio';
const audience = 'i2v-api';

export interface AccessClaims {
  userPublicId: string;
  familyId: string;
}

export class AccessTokens {
  private readonly key: Uint8Array;
  constructor(
    secret: string,
    readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(claims: AccessClaims, now: Date): Promise<string> {
    const iat = Math.floor(now.getTime() / 1000);
    return new SignJWT({ sid: claims.familyId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userPublicId)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.ttlSeconds)
      .sign(this.key);
  }

  async verify(token: string, now: Date): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer,
        audience,
        algorithms: ['HS256'],
        currentDate: now,
      });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') throw new Error('claims');
      return { userPublicId: payload.sub, familyId: payload.sid };
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) {
        throw new AppError(
          'auth.token_expired',
          'The access token has expired; refresh it or sign in again.',
        );
      }
      throw new AppError('auth.token_invalid', 'The access token is not valid.');
    }
  }
}

export const newRefreshToken = (): string => randomBytes(32).toString('base64url');
export const hashRefreshToken = (token: string): string => createHash('sha256').update(token).digest('hex');

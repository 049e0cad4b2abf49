import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '@zhixiang/shared/errors';
import type { RefreshTokenStore } from '@zhixiang/shared/ports/auth-store';

export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3600_000;

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Opaque rotating refresh tokens (32 random bytes, stored only as a SHA-256 hash). Each use spends
 * the token and issues its successor in the same family; presenting a spent token means it was
 * copied, so the whole family is revoked and both holders must sign in again.
 */
export class RefreshTokens {
  constructor(
    private readonly store: RefreshTokenStore,
    private readonly now: () => number = Date.now,
  ) {}

  async issue(userId: string, familyId: string = randomUUID()): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const issuedAt = this.now();
    await this.store.put({
      tokenHash: hashRefreshToken(token),
      userId,
      familyId,
      issuedAt,
      expiresAt: issuedAt + REFRESH_TOKEN_TTL_MS,
      revokedAt: null,
      replacedBy: null,
    });
    return token;
  }

  /** Spends `token` and returns its successor with the user it belongs to. */
  async rotate(token: string): Promise<{ userId: string; refreshToken: string }> {
    const now = this.now();
    const record = await this.store.get(hashRefreshToken(token));
    if (!record) throw rejected('unknown refresh token');
    if (await this.store.isFamilyRevoked(record.familyId)) throw rejected('refresh token family revoked');
    if (record.revokedAt !== null) {
      await this.store.revokeFamily(record.familyId, now);
      throw rejected('refresh token reused: family revoked');
    }
    if (record.expiresAt <= now) throw rejected('refresh token expired');

    const successor = await this.issue(record.userId, record.familyId);
    if (!(await this.store.markRotated(record.tokenHash, hashRefreshToken(successor), now))) {
      // Another request spent it between our read and write: same as reuse.
      await this.store.revokeFamily(record.familyId, now);
      throw rejected('refresh token raced: family revoked');
    }
    return { userId: record.userId, refreshToken: successor };
  }

  /** Revokes the token's whole family, so no successor issued from it survives sign-out. */
  async revoke(token: string, userId: string): Promise<void> {
    const record = await this.store.get(hashRefreshToken(token));
    if (!record || record.userId !== userId) return;
    const now = this.now();
    await this.store.revoke(record.tokenHash, now);
    await this.store.revokeFamily(record.familyId, now);
  }
}

function rejected(logMessage: string): AppError {
  return new AppError('UNAUTHENTICATED', undefined, { logMessage });
}

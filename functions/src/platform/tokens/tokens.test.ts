import { AppError } from '@zhixiang/shared/errors';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { hashRefreshToken, REFRESH_TOKEN_TTL_MS, RefreshTokens } from '../../auth/adapters/refresh-tokens';
import { createAuthStores } from '../auth-store/auth-store';
import { getDocumentClient } from '../dynamodb/client';
import { ACCESS_TOKEN_TTL_SECONDS, AccessTokens } from './access-tokens';

// @local-stack: refresh tokens are kept in this file's table in DynamoDB Local.

const key = 'k'.repeat(48);
const codeOf = (e: unknown) => (e instanceof AppError ? e.code : e);

describe('AccessTokens', () => {
  it('issues a 15-minute HS256 token whose claims verify back', async () => {
    const tokens = new AccessTokens(async () => key);
    const { token, expiresIn } = await tokens.issue({
      sub: 'u1',
      role: 'staff',
      branchId: 'SH',
      branchPath: 'HQ/SH',
    });
    expect(expiresIn).toBe(ACCESS_TOKEN_TTL_SECONDS);
    expect(JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString())).toMatchObject({
      alg: 'HS256',
    });
    expect(await tokens.verify(token)).toEqual({
      sub: 'u1',
      role: 'staff',
      branchId: 'SH',
      branchPath: 'HQ/SH',
    });
  });

  it('rejects an expired token', async () => {
    let now = Date.now();
    const tokens = new AccessTokens(
      async () => key,
      () => now,
    );
    const { token } = await tokens.issue({ sub: 'u1', role: 'customer' });
    now += (ACCESS_TOKEN_TTL_SECONDS + 1) * 1000;
    expect(codeOf(await tokens.verify(token).catch((e) => e))).toBe('UNAUTHENTICATED');
  });

  it('rejects a token signed with another key, an unsigned token and a token with an unknown role', async () => {
    const tokens = new AccessTokens(async () => key);
    const { token: forged } = await new AccessTokens(async () => 'f'.repeat(48)).issue({
      sub: 'u1',
      role: 'admin',
    });
    const [header, payload] = forged.split('.');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    const superuser = await new SignJWT({ role: 'root' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u1')
      .setIssuer('zhixiang-kefu')
      .setAudience('zhixiang-kefu-api')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(key));
    for (const bad of [forged, none, `${header}.${payload}`, superuser, 'garbage']) {
      expect(codeOf(await tokens.verify(bad).catch((e) => e))).toBe('UNAUTHENTICATED');
    }
  });
});

describe('RefreshTokens against DynamoDB', () => {
  const stores = () => createAuthStores({ client: getDocumentClient(), table: process.env.TABLE_NAME ?? '' });

  it('stores only the SHA-256 of the token', async () => {
    const { refreshTokens: store } = stores();
    const token = await new RefreshTokens(store).issue('u-hash');
    const record = await store.get(hashRefreshToken(token));
    expect(record?.userId).toBe('u-hash');
    expect(JSON.stringify(record)).not.toContain(token);
  });

  it('rotates: each use spends the token and returns a working successor', async () => {
    const tokens = new RefreshTokens(stores().refreshTokens);
    const first = await tokens.issue('u-rotate');
    const second = await tokens.rotate(first);
    expect(second.userId).toBe('u-rotate');
    expect(second.refreshToken).not.toBe(first);
    const third = await tokens.rotate(second.refreshToken);
    expect(third.userId).toBe('u-rotate');
  });

  it('revokes the whole family when a spent token is presented again', async () => {
    const tokens = new RefreshTokens(stores().refreshTokens);
    const stolen = await tokens.issue('u-reuse');
    const { refreshToken: legitimate } = await tokens.rotate(stolen);
    expect(codeOf(await tokens.rotate(stolen).catch((e) => e))).toBe('UNAUTHENTICATED');
    // The legitimate holder's successor dies with the family.
    expect(codeOf(await tokens.rotate(legitimate).catch((e) => e))).toBe('UNAUTHENTICATED');
  });

  it('lets only one of two concurrent refreshes with the same token succeed', async () => {
    const tokens = new RefreshTokens(stores().refreshTokens);
    const token = await tokens.issue('u-race');
    const results = await Promise.allSettled([tokens.rotate(token), tokens.rotate(token)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('rejects an expired token and an unknown token', async () => {
    let now = Date.now();
    const tokens = new RefreshTokens(stores().refreshTokens, () => now);
    const token = await tokens.issue('u-expired');
    now += REFRESH_TOKEN_TTL_MS + 1;
    expect(codeOf(await tokens.rotate(token).catch((e) => e))).toBe('UNAUTHENTICATED');
    expect(codeOf(await tokens.rotate('x'.repeat(43)).catch((e) => e))).toBe('UNAUTHENTICATED');
  });

  it("revokes on sign-out, and only the owner's token", async () => {
    const tokens = new RefreshTokens(stores().refreshTokens);
    const token = await tokens.issue('u-out');
    await tokens.revoke(token, 'someone-else');
    const { refreshToken } = await tokens.rotate(token);
    await tokens.revoke(refreshToken, 'u-out');
    expect(codeOf(await tokens.rotate(refreshToken).catch((e) => e))).toBe('UNAUTHENTICATED');
  });
});

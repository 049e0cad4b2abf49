import { describe, expect, it } from 'vitest';
import type { DynamoDocumentClient } from '../dynamodb/document-client';
import { authItems, DynamoRateLimiter } from './auth-store';

/** The sign-in state's items exactly as stored (TTL in epoch seconds, rounded up). */
const markers = (entity: string) => ({ __edb_e__: entity, __edb_v__: '1' });

describe('the sign-in state as items', () => {
  it('a refresh token, fresh and rotated', () => {
    const token = { tokenHash: 'h1', userId: 'U1', familyId: 'F1', issuedAt: 1000, expiresAt: 5_000_001 };
    expect(authItems.refreshToken({ ...token, revokedAt: null, replacedBy: null })).toStrictEqual({
      tokenHash: 'h1',
      userId: 'U1',
      familyId: 'F1',
      issuedAt: 1000,
      validUntil: 5_000_001,
      expiresAt: 5001,
      pk: 'RTOKEN#h1',
      sk: 'RTOKEN',
      ...markers('refreshToken'),
    });
    expect(authItems.refreshToken({ ...token, revokedAt: 2000, replacedBy: 'h2' })).toMatchObject({
      revokedAt: 2000,
      replacedBy: 'h2',
    });
  });

  it('a revoked family, a one-time code, a lockout', () => {
    expect(authItems.tokenFamily('F1', 2000, 9_000_000)).toStrictEqual({
      familyId: 'F1',
      revokedAt: 2000,
      expiresAt: 9000,
      pk: 'RFAMILY#F1',
      sk: 'REVOKED',
      ...markers('tokenFamily'),
    });
    expect(
      authItems.oneTimeCode({
        subject: 'bind:U1',
        codeHash: 'c',
        phoneIndex: 'p',
        customerId: 'C1',
        expiresAt: 300_500,
        attempts: 0,
        createdAt: 500,
      }),
    ).toStrictEqual({
      subject: 'bind:U1',
      codeHash: 'c',
      phoneIndex: 'p',
      customerId: 'C1',
      validUntil: 300_500,
      attempts: 0,
      createdAt: 500,
      expiresAt: 301,
      pk: 'OTP#bind:U1',
      sk: 'OTP',
      ...markers('oneTimeCode'),
    });
    expect(authItems.lockout('bind:U1', 60_000)).toStrictEqual({
      subject: 'bind:U1',
      lockedUntil: 60_000,
      expiresAt: 60,
      pk: 'LOCK#bind:U1',
      sk: 'LOCK',
      ...markers('lockout'),
    });
  });

  it('a consent and a customer binding, beside the account and the customer', () => {
    const at = '2026-11-02T00:00:00.000Z';
    expect(authItems.consent({ userId: 'U1', kind: 'privacy_guide', version: 'v1', at })).toStrictEqual({
      userId: 'U1',
      kind: 'privacy_guide',
      version: 'v1',
      at,
      pk: 'USER#U1',
      sk: `CONSENT#${at}#privacy_guide`,
      ...markers('consent'),
    });
    expect(authItems.customerBinding('C1', 'U1', at)).toStrictEqual({
      customerId: 'C1',
      userId: 'U1',
      boundAt: at,
      pk: 'CUSTOMER#C1',
      sk: 'BINDING',
      ...markers('customerBinding'),
    });
  });

  it('a rate counter, created by its window’s first request with its attributes and markers', async () => {
    interface Update {
      Key: unknown;
      UpdateExpression: string;
      ExpressionAttributeNames: Record<string, string>;
      ExpressionAttributeValues: Record<string, unknown>;
    }
    const sent: { TransactItems: { Update: Update }[] }[] = [];
    const client = { send: async (command: { input: (typeof sent)[number] }) => sent.push(command.input) };
    const limiter = new DynamoRateLimiter({ client: client as unknown as DynamoDocumentClient, table: 't' });
    await limiter.consume([{ key: 'ip:1', limit: 30, windowSeconds: 60 }], 125_000);
    const [{ Update: update }] = (sent[0] ?? { TransactItems: [] }).TransactItems as [{ Update: Update }];
    expect(update.Key).toEqual({ pk: 'RATE#ip:1', sk: 'W#120000' });
    const set = Object.fromEntries(
      [...update.UpdateExpression.matchAll(/(#\w+) = (:\w+)/g)].map(([, name, value]) => [
        update.ExpressionAttributeNames[name as string],
        update.ExpressionAttributeValues[value as string],
      ]),
    );
    expect(set).toEqual({
      expiresAt: 180,
      counterKey: 'ip:1',
      windowStart: 120_000,
      ...markers('rateCounter'),
    });
  });
});

import type { SessionResponse } from '@zhixiang/shared/auth/schemas';
import { describe, expect, it } from 'vitest';
import { putUser, useTestContainer } from '../../../test/support/test-system';
import { loadConfig } from '../../platform/config';
import { invoke } from '../../platform/http/testing';
import { createLogger } from '../../platform/logging/logger';
import { queryEntity } from '../../platform/records/point-reads';
import { createSystem, setSystem } from '../../system';
import { handler as getMe } from './get-me';
import { handler as listDemoUsers } from './list-demo-users';
import { handler as refreshSession } from './refresh-session';
import { handler as signInAsDemoUser } from './sign-in-as-demo-user';
import { handler as signInWithWechat } from './sign-in-with-wechat';
import { handler as signOut } from './sign-out';

// @local-stack: the handlers read and write this file's table in DynamoDB Local.

const demoUserId = `demo-customer-${process.pid}`;
const kit = useTestContainer({
  demoUsers: async () => [
    { userId: demoUserId, role: 'customer', displayName: '演示客户', description: '有 2 张保单' },
  ],
});
const consent = '2026-11-01';

const wechatSignIn = (code: string) =>
  invoke<SessionResponse>(signInWithWechat, {
    path: '/auth/wechat',
    body: { code, privacyConsentVersion: consent },
  });

describe('POST /auth/wechat', () => {
  it('creates an unbound customer on first sign-in, records consent, and finds the same account next time', async () => {
    const first = await wechatSignIn('code-alice');
    expect(first.status).toBe(200);
    expect(first.body.expiresIn).toBe(900);
    expect(first.body.me).toMatchObject({
      role: 'customer',
      customerId: null,
      privacyConsentVersion: consent,
    });
    const again = await wechatSignIn('code-alice');
    expect(again.body.me.userId).toBe(first.body.me.userId);
    expect((await wechatSignIn('code-bob')).body.me.userId).not.toBe(first.body.me.userId);

    const account = await kit.container.repositories.users.get(first.body.me.userId);
    expect(account?.openid).toMatch(/^sandbox-/);
    expect(account?.privacyConsentedAt).toBe(new Date(kit.clock.now).toISOString());
    const consents = await queryEntity(kit.container.table, 'consent', {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `USER#${first.body.me.userId}`, ':prefix': 'CONSENT#' },
    });
    expect(consents).toEqual([expect.objectContaining({ kind: 'privacy_guide', version: consent })]);
  });

  it('limits sign-ins per address (30 a minute), leaving other addresses alone', async () => {
    const from = (sourceIp: string, code: string) =>
      invoke(signInWithWechat, {
        path: '/auth/wechat',
        body: { code, privacyConsentVersion: consent },
        sourceIp,
      });
    for (let i = 0; i < 30; i++) expect((await from('203.0.113.7', `code-nat-${i}`)).status).toBe(200);
    const refused = await from('203.0.113.7', 'code-nat-30');
    expect(refused.status).toBe(429);
    expect(refused.headers?.['Retry-After'] ?? refused.headers?.['retry-after']).toBeDefined();
    expect(refused.body).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringContaining('请求过于频繁'),
    });
    expect((await from('198.51.100.9', 'code-other')).status).toBe(200);
    kit.advance(61_000);
    expect((await from('203.0.113.7', 'code-nat-31')).status).toBe(200);
  });

  it('refuses a consent to an outdated privacy guide', async () => {
    const res = await invoke(signInWithWechat, {
      path: '/auth/wechat',
      body: { code: 'c', privacyConsentVersion: '2020-01-01' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'privacyConsentVersion' });
  });

  it('never returns or logs the WeChat session key', async () => {
    const res = await wechatSignIn('code-carol');
    expect(JSON.stringify(res.body)).not.toMatch(/session_?key/i);
  });
});

describe('GET /me', () => {
  it('describes the signed-in user', async () => {
    const { body } = await wechatSignIn('code-me');
    const me = await invoke(getMe, { path: '/me', token: body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(body.me);
  });
});

describe('POST /auth/refresh and /auth/sign-out', () => {
  it('rotates the refresh token and detects reuse of a spent one', async () => {
    const { body: session } = await wechatSignIn('code-refresh');
    const refreshed = await invoke<SessionResponse>(refreshSession, {
      path: '/auth/refresh',
      body: { refreshToken: session.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(session.refreshToken);
    expect(refreshed.body.me.userId).toBe(session.me.userId);

    const reused = await invoke(refreshSession, {
      path: '/auth/refresh',
      body: { refreshToken: session.refreshToken },
    });
    expect(reused.status).toBe(401);
    const successor = await invoke(refreshSession, {
      path: '/auth/refresh',
      body: { refreshToken: refreshed.body.refreshToken },
    });
    expect(successor.status).toBe(401);
  });

  it('revokes the session on sign-out', async () => {
    const { body: session } = await wechatSignIn('code-signout');
    const out = await invoke(signOut, {
      path: '/auth/sign-out',
      token: session.accessToken,
      body: { refreshToken: session.refreshToken },
    });
    expect(out.status).toBe(204);
    const after = await invoke(refreshSession, {
      path: '/auth/refresh',
      body: { refreshToken: session.refreshToken },
    });
    expect(after.status).toBe(401);
  });

  it('rejects an unknown refresh token', async () => {
    const res = await invoke(refreshSession, {
      path: '/auth/refresh',
      body: { refreshToken: 'n'.repeat(43) },
    });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });
});

describe('demo sign-in', () => {
  it('lists the demo users and signs in as one on the local stage', async () => {
    await putUser(kit.container, { userId: demoUserId, displayName: '演示客户', customerId: 'C-DEMO' });
    const list = await invoke(listDemoUsers, { path: '/auth/demo-users' });
    expect(list.status).toBe(200);
    expect(list.body.users).toEqual([expect.objectContaining({ userId: demoUserId })]);

    const session = await invoke<SessionResponse>(signInAsDemoUser, {
      path: '/auth/demo',
      body: { userId: demoUserId, privacyConsentVersion: consent },
    });
    expect(session.status).toBe(200);
    expect(session.body.me).toMatchObject({ userId: demoUserId, customerId: 'C-DEMO' });
  });

  it('refuses an account that is not a demo user', async () => {
    const other = await putUser(kit.container, { role: 'admin' });
    const res = await invoke(signInAsDemoUser, {
      path: '/auth/demo',
      body: { userId: other.userId, privacyConsentVersion: consent },
    });
    expect(res.status).toBe(404);
  });

  it.each(['dev', 'prod'])('answers 404 on %s', async (stage) => {
    const deployed = loadConfig({
      ...process.env,
      STAGE: stage,
      FIELD_KEY_PROVIDER: 'kms',
      FIELD_KEY_ID: 'alias/test',
      SMS_PROVIDER: 'tencent',
      WECHAT_PROVIDER: 'wechat',
      FACE_VERIFY_PROVIDER: 'wechat',
      ID_CARD_OCR_PROVIDER: 'wechat',
      DOCUMENT_SIGNING_PROVIDER: 'secrets-manager',
      SUBSCRIBE_MESSAGE_PROVIDER: 'wechat',
      SSM_PREFIX: `/zhixiang-kefu/${stage}`,
      TOKEN_SIGNING_KEY: undefined,
      IVR_SIGNING_SECRET: undefined,
      WECHAT_PUSH_TOKEN: undefined,
      WECHAT_PUSH_AES_KEY: undefined,
      WECHAT_APP_ID: undefined,
      BILLING_SIGNING_SECRET: undefined,
      STANDARDS_SIGNING_SECRET: undefined,
      WECHAT_PAY_PROVIDER: 'wechat',
      WECHAT_PAY_SECRET: undefined,
      FINANCE_PROVIDER: 'http',
      FINANCE_SIGNING_SECRET: undefined,
      BILLING_PROVIDER: 'http',
    });
    setSystem(
      createSystem(deployed, {
        logger: createLogger({ logLevel: 'SILENT' }),
        demoUsers: async () => [
          { userId: demoUserId, role: 'customer', displayName: '演示客户', description: '' },
        ],
      }),
    );
    try {
      expect((await invoke(listDemoUsers, { path: '/auth/demo-users' })).status).toBe(404);
      const res = await invoke(signInAsDemoUser, {
        path: '/auth/demo',
        body: { userId: demoUserId, privacyConsentVersion: consent },
      });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
      const malformed = await invoke(signInAsDemoUser, {
        path: '/auth/demo',
        rawBody: '{',
        headers: { 'Content-Type': 'application/json' },
      });
      expect(malformed.status).toBe(404);
    } finally {
      setSystem(kit.container);
    }
  });
});

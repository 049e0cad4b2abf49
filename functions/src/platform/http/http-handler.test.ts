import { routes } from '@zhixiang/shared/api/routes';
import { AppError } from '@zhixiang/shared/errors';
import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { putUser, useTestContainer } from '../../../test/support/test-system';
import { handler as bindIdentity } from '../../auth/handlers/bind-identity';
import { handler as getMe } from '../../auth/handlers/get-me';
import { handler as listDemoUsers } from '../../auth/handlers/list-demo-users';
import { handler as refreshSession } from '../../auth/handlers/refresh-session';
import { handler as sendBindCode } from '../../auth/handlers/send-bind-code';
import { handler as signInAsDemoUser } from '../../auth/handlers/sign-in-as-demo-user';
import { handler as signInWithWechat } from '../../auth/handlers/sign-in-with-wechat';
import { handler as signOut } from '../../auth/handlers/sign-out';
import { httpHandler, MAX_BODY_BYTES } from './http-handler';
import { invoke } from './testing';

// @local-stack: the handlers read and write this file's table in DynamoDB Local.

const kit = useTestContainer();
let token: string;
beforeAll(async () => {
  const user = await putUser(kit.container);
  ({ token } = await kit.container.accessTokens.issue({ sub: user.userId, role: 'customer' }));
});

const valid = {
  signInWithWechat: { code: 'wx-code', privacyConsentVersion: '2026-11-01' },
  refreshSession: { refreshToken: 'r'.repeat(43) },
  signInAsDemoUser: { userId: 'demo-1', privacyConsentVersion: '2026-11-01' },
  signOut: { refreshToken: 'r'.repeat(43) },
  sendBindCode: {
    name: '张三',
    idNumber: '11010519491231002X',
    phone: '13800138000',
    sensitiveConsentVersion: '2026-11-01',
  },
  bindIdentity: {
    name: '张三',
    idNumber: '11010519491231002X',
    phone: '13800138000',
    code: '123456',
    sensitiveConsentVersion: '2026-11-01',
  },
};

const bodyRoutes = [
  ['signInWithWechat', signInWithWechat, 'code', 42],
  ['refreshSession', refreshSession, 'refreshToken', 42],
  ['signInAsDemoUser', signInAsDemoUser, 'userId', 7],
  ['signOut', signOut, 'refreshToken', false],
  ['sendBindCode', sendBindCode, 'phone', 13800138000],
  ['bindIdentity', bindIdentity, 'code', 123456],
] as const;

describe.each(bodyRoutes)('POST %s rejects bad input', (name, handler, field, wrongValue) => {
  const spec = routes[name];
  const send = (request: Parameters<typeof invoke>[1]) =>
    invoke(handler, { path: spec.path, method: 'POST', token, ...request });

  it('malformed JSON → 400 MALFORMED_JSON', async () => {
    const res = await send({ rawBody: '{"code": ', headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_JSON');
  });

  it('a content type other than JSON → 415', async () => {
    const res = await send({
      rawBody: 'code=1',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it(`a wrong type for ${field} → 400 naming the field`, async () => {
    const res = await send({ body: { ...valid[name], [field]: wrongValue } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', field });
    expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it(`a missing ${field} → 400 naming the field`, async () => {
    const { [field]: _omitted, ...rest } = valid[name] as Record<string, unknown>;
    const res = await send({ body: rest });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', field, message: `缺少必填项：${field}` });
  });

  it('an unknown field → 400 naming it', async () => {
    const res = await send({ body: { ...valid[name], role: 'admin' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'role' });
    expect(res.body.message).toContain('不支持的字段');
  });

  it('a body that is not an object → 400', async () => {
    const res = await send({ body: ['x'] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('a body over 64 KiB → 413 before parsing', async () => {
    const res = await send({
      rawBody: `{"x":"${'a'.repeat(MAX_BODY_BYTES)}"}`,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

const userRoutes = [
  ['getMe', getMe, undefined],
  ['signOut', signOut, valid.signOut],
  ['sendBindCode', sendBindCode, valid.sendBindCode],
  ['bindIdentity', bindIdentity, valid.bindIdentity],
] as const;

describe.each(userRoutes)('%s requires a valid access token', (name, handler, body) => {
  const spec = routes[name];
  const send = (t?: string) =>
    invoke(handler, { path: spec.path, method: spec.method, body, ...(t ? { token: t } : {}) });

  it('no token → 401', async () => {
    const res = await send();
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('a forged token (signed with another key) → 401', async () => {
    const forged = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('attacker')
      .setIssuer('zhixiang-kefu')
      .setAudience('zhixiang-kefu-api')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('not-the-real-signing-key-0123456789'));
    expect((await send(forged)).status).toBe(401);
  });

  it('an expired token → 401', async () => {
    const user = await putUser(kit.container);
    const { token: old } = await kit.container.accessTokens.issue({ sub: user.userId, role: 'customer' });
    kit.advance(16 * 60_000);
    try {
      const res = await send(old);
      expect(res.status).toBe(401);
      expect(res.body.message).toBe('登录已过期，请重新登录');
    } finally {
      kit.advance(-16 * 60_000);
    }
  });
});

describe('httpHandler', () => {
  it('turns an unexpected error into a generic 500 with the request id, details only in logs', async () => {
    const handler = httpHandler(
      routes.getMe,
      () => kit.container,
      async () => {
        throw new Error('database password is hunter2');
      },
    );
    const res = await invoke(handler, { path: '/me', token, headers: { 'X-Request-Id': 'req-12345678' } });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      code: 'INTERNAL',
      message: '系统繁忙，请稍后再试',
      requestId: 'req-12345678',
    });
    expect(res.headers['X-Request-Id']).toBe('req-12345678');
  });

  it('maps AppError to its status and adds CORS headers', async () => {
    const handler = httpHandler(
      routes.getMe,
      () => kit.container,
      async () => {
        throw new AppError('CONFLICT', '冲突了');
      },
    );
    const res = await invoke(handler, { path: '/me', token });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT', message: '冲突了' });
    expect(res.headers['Access-Control-Allow-Origin']).toBe('*');
  });

  it('refuses a role not allowed on the route with 403', async () => {
    const agent = await putUser(kit.container, { role: 'agent', agentId: 'A1' });
    const { token: agentToken } = await kit.container.accessTokens.issue({
      sub: agent.userId,
      role: 'agent',
      agentId: 'A1',
    });
    const res = await invoke(sendBindCode, {
      path: '/me/identity/code',
      token: agentToken,
      body: valid.sendBindCode,
    });
    expect(res.status).toBe(403);
  });

  it('authenticates before reading the body: an anonymous malformed request gets 401', async () => {
    const res = await invoke(sendBindCode, {
      path: '/me/identity/code',
      rawBody: '{oops',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(401);
  });

  it('does not need a token on public routes', async () => {
    const res = await invoke(listDemoUsers, { path: '/auth/demo-users' });
    expect(res.status).toBe(200);
  });
});

describe('optional authentication (routes serving signed-in and signed-out callers)', () => {
  const spec = { method: 'GET', path: '/optional', auth: 'optional' } as const;
  const whoAmI = httpHandler(
    spec,
    () => kit.container,
    async ({ auth }) => {
      throw new AppError('CONFLICT', auth ? `signed in as ${auth.sub}` : 'anonymous');
    },
  );
  const ask = (request: Parameters<typeof invoke>[1] = {}) =>
    invoke(whoAmI, { path: '/optional', ...request });

  it('lets a caller without a token through as anonymous', async () => {
    expect((await ask()).body).toMatchObject({ message: 'anonymous' });
  });

  it('passes the claims of a valid token to the use case', async () => {
    expect((await ask({ token })).body.message).toMatch(/^signed in as /);
  });

  it('refuses a token that is sent but invalid with 401, so the app refreshes the session', async () => {
    expect((await ask({ token: 'not-a-token' })).status).toBe(401);
    expect((await ask({ headers: { Authorization: 'Basic abc' } })).status).toBe(401);
  });
});

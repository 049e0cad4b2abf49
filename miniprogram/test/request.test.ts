import type { SessionResponse } from '@zhixiang/shared/auth/schemas';
import { describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  createApiClient,
  NETWORK_ERROR_MESSAGE,
  type Transport,
  type TransportRequest,
} from '../src/services/request';

const me = {
  userId: 'u1',
  role: 'customer' as const,
  displayName: '张三',
  customerId: 'c1',
  phoneMasked: '138****0000',
  branch: null,
  privacyConsentVersion: '2026-11-01',
};

function setup(transport: Transport, tokens = { access: 'old-access', refresh: 'refresh-token-0123456789' }) {
  const state = { ...tokens, cleared: false };
  const notifyError = vi.fn();
  const onSignedOut = vi.fn();
  const client = createApiClient({
    baseUrl: () => 'http://api.test',
    transport,
    tokens: {
      accessToken: () => state.access,
      refreshToken: () => state.refresh,
      save: (session: SessionResponse) => {
        state.access = session.accessToken;
        state.refresh = session.refreshToken;
      },
      clear: () => {
        state.cleared = true;
      },
    },
    notifyError,
    onSignedOut,
    sleep: () => Promise.resolve(),
  });
  return { client, state, notifyError, onSignedOut };
}

const session = (access: string): SessionResponse => ({
  accessToken: access,
  refreshToken: 'refresh-token-new-0123',
  expiresIn: 900,
  me,
});

describe('request wrapper', () => {
  it('sends the token on optional routes when signed in, and none when signed out', async () => {
    const calls: TransportRequest[] = [];
    const transport: Transport = async (request) => {
      calls.push(request);
      return {
        status: 200,
        body: {
          conversationId: 'c',
          kind: 'smalltalk',
          text: [],
          intent: 'greeting_smalltalk',
          confidence: 1,
          answerId: null,
          buttons: [],
        },
      };
    };
    const signedIn = setup(transport);
    await signedIn.client.call('sendAssistantMessage', { body: { text: '你好' } });
    const signedOut = setup(transport, {
      access: null as unknown as string,
      refresh: null as unknown as string,
    });
    await signedOut.client.call('sendAssistantMessage', { body: { text: '你好' } });
    expect(calls.map((call) => call.headers.authorization)).toEqual(['Bearer old-access', undefined]);
  });

  it('refreshes the session once on a 401 and repeats the call with the new token', async () => {
    const calls: TransportRequest[] = [];
    const transport: Transport = async (request) => {
      calls.push(request);
      if (request.url.endsWith('/auth/refresh')) return { status: 200, body: session('new-access') };
      if (request.headers.authorization === 'Bearer new-access') return { status: 200, body: me };
      return { status: 401, body: { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' } };
    };
    const { client, state, onSignedOut } = setup(transport);

    await expect(client.call('getMe')).resolves.toEqual(me);

    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      'GET http://api.test/me',
      'POST http://api.test/auth/refresh',
      'GET http://api.test/me',
    ]);
    expect(calls[1]?.body).toEqual({ refreshToken: 'refresh-token-0123456789' });
    expect(calls[1]?.headers.authorization).toBeUndefined();
    expect(state.access).toBe('new-access');
    expect(onSignedOut).not.toHaveBeenCalled();
  });

  it('sends extra headers (an Idempotency-Key) on the call and on its repeat after a refresh', async () => {
    const calls: TransportRequest[] = [];
    const transport: Transport = async (request) => {
      calls.push(request);
      if (request.url.endsWith('/auth/refresh')) return { status: 200, body: session('new-access') };
      if (request.headers.authorization === 'Bearer new-access') return { status: 200, body: me };
      return { status: 401, body: { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' } };
    };
    const { client } = setup(transport);

    await client.call('getMe', { headers: { 'idempotency-key': 'key-1' } });

    expect(calls.map((call) => call.headers['idempotency-key'])).toEqual(['key-1', undefined, 'key-1']);
  });

  it('shares one refresh between concurrent 401s', async () => {
    let refreshes = 0;
    const transport: Transport = async (request) => {
      if (request.url.endsWith('/auth/refresh')) {
        refreshes++;
        return { status: 200, body: session('new-access') };
      }
      if (request.headers.authorization === 'Bearer new-access')
        return { status: 200, body: { policies: [] } };
      return { status: 401, body: { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' } };
    };
    const { client } = setup(transport);
    await Promise.all([
      client.call('listMyPolicies'),
      client.call('listAgentCustomers'),
      client.call('getMe'),
    ]);
    expect(refreshes).toBe(1);
  });

  it('signs out when the refresh fails, without refreshing a second time', async () => {
    const calls: string[] = [];
    const transport: Transport = async (request) => {
      calls.push(request.url);
      return { status: 401, body: { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' } };
    };
    const { client, state, onSignedOut, notifyError } = setup(transport);

    const error = await client.call('getMe').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('UNAUTHENTICATED');
    expect(calls).toEqual(['http://api.test/me', 'http://api.test/auth/refresh']);
    expect(state.cleared).toBe(true);
    expect(onSignedOut).toHaveBeenCalledTimes(1);
    expect(notifyError).toHaveBeenCalledWith('登录已失效，请重新登录');
  });

  it('leaves a visitor who never signed in to the page gate: no sign-out redirect that would drop the page', async () => {
    const transport: Transport = async () => ({
      status: 401,
      body: { code: 'UNAUTHENTICATED', message: '请先登录' },
    });
    const { client, onSignedOut } = setup(transport, { access: null, refresh: null } as never);
    await expect(client.call('getMe', { silent: true })).rejects.toBeInstanceOf(ApiError);
    expect(onSignedOut).not.toHaveBeenCalled();
  });

  it('retries a GET after a network failure and succeeds', async () => {
    let attempts = 0;
    const transport: Transport = async () => {
      attempts++;
      if (attempts < 3) throw new Error('socket hang up');
      return { status: 200, body: { policies: [] } };
    };
    const { client } = setup(transport);
    await expect(client.call('listMyPolicies')).resolves.toEqual({ policies: [] });
    expect(attempts).toBe(3);
  });

  it('gives up on a GET after the retries and reports a network error', async () => {
    let attempts = 0;
    const transport: Transport = async () => {
      attempts++;
      throw new Error('offline');
    };
    const { client, notifyError } = setup(transport);
    const error = (await client.call('listMyPolicies').catch((e: unknown) => e)) as ApiError;
    expect(attempts).toBe(3);
    expect(error.code).toBe('NETWORK');
    expect(notifyError).toHaveBeenCalledWith(NETWORK_ERROR_MESSAGE);
  });

  it('never repeats a POST after a network failure', async () => {
    let attempts = 0;
    const transport: Transport = async () => {
      attempts++;
      throw new Error('offline');
    };
    const { client } = setup(transport);
    const body = {
      name: '张三',
      idNumber: '11010519491231002X',
      phone: '13800000000',
      code: '123456',
      sensitiveConsentVersion: 'v',
    };
    await expect(client.call('bindIdentity', { body })).rejects.toMatchObject({ code: 'NETWORK' });
    expect(attempts).toBe(1);
  });

  it("normalises the server's error body and shows its Chinese message", async () => {
    const transport: Transport = async () => ({
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        message: '验证码不正确，还可尝试 4 次',
        field: 'code',
        requestId: 'r1',
      },
    });
    const { client, notifyError } = setup(transport);
    const body = {
      name: '张三',
      idNumber: '11010519491231002X',
      phone: '13800000000',
      code: '000000',
      sensitiveConsentVersion: 'v',
    };
    const error = (await client.call('bindIdentity', { body }).catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      status: 400,
      field: 'code',
      message: '验证码不正确，还可尝试 4 次',
    });
    expect(notifyError).toHaveBeenCalledWith('验证码不正确，还可尝试 4 次');
  });

  it('maps a body-less failure to the generic message for its status, and stays quiet when silent', async () => {
    const transport: Transport = async () => ({ status: 502, body: '<html>Bad gateway</html>' });
    const { client, notifyError } = setup(transport);
    const error = (await client
      .call('getPolicy', { params: { policyNo: 'P1' }, silent: true })
      .catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ code: 'UPSTREAM_FAILED', message: '外部服务暂时不可用，请稍后再试' });
    expect(notifyError).not.toHaveBeenCalled();
  });

  it('fills and encodes path parameters and tracks pending calls', async () => {
    const urls: string[] = [];
    const pendingSeen: number[] = [];
    const transport: Transport = async (request) => {
      urls.push(request.url);
      return { status: 200, body: { policies: [] } };
    };
    const { client } = setup(transport);
    client.onPendingChange((pending) => pendingSeen.push(pending));
    await client.call('listCustomerPolicies', { params: { customerId: 'c/1' } });
    expect(urls).toEqual(['http://api.test/customers/c%2F1/policies']);
    expect(pendingSeen).toEqual([1, 0]);
  });
});

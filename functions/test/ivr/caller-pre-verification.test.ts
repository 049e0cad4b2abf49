import { randomUUID } from 'node:crypto';
import { IVR_HEADERS, ScreenPopSchema } from '@zhixiang/shared/ivr/schemas';
import { maskIdNumber } from '@zhixiang/shared/privacy/mask';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IVR_FAILURES_PER_HOUR } from '../../src/ivr/use-cases/identify-caller';
import { signIvrRequest } from '../../src/ivr/use-cases/verify-ivr-request';
import { buildDemoData } from '../../src/seed/demo-data';
import { createSystem, type System } from '../../src/system';
import { accessTokenFor } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { FIXED_TODAY, fixedClock } from '../support/fixed-clock';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/** Seed case 示例一 through the real gateway: the IVR's signed check, then the seat's screen-pop. */
const data = buildDemoData(FIXED_TODAY);
const customer = (id: string) => data.customers.find((c) => c.customerId === id)!;
const zhangWei = customer('C001');
const liuYang = customer('C005');

let container: System;
let gateway: TestGateway;
let api: ApiClient;
let secret: string;

function signedHeaders(
  rawBody: string,
  overrides: { timestamp?: string; nonce?: string; key?: string } = {},
) {
  const timestamp = overrides.timestamp ?? String(container.now());
  const nonce = overrides.nonce ?? randomUUID();
  return {
    'content-type': 'application/json',
    [IVR_HEADERS.timestamp]: timestamp,
    [IVR_HEADERS.nonce]: nonce,
    [IVR_HEADERS.signature]: signIvrRequest(overrides.key ?? secret, timestamp, nonce, rawBody),
  };
}

function identify(body: unknown, headers?: Record<string, string>) {
  const rawBody = JSON.stringify(body);
  return api.request<{ callId: string; verified: boolean; code?: string; message?: string }>(
    'POST',
    '/ivr/identify',
    {
      rawBody,
      headers: headers ?? signedHeaders(rawBody),
    },
  );
}

async function screenPop(callId: string, userId: string) {
  return api.get<Record<string, unknown>>(`/ivr/calls/${callId}`, {
    token: await accessTokenFor(container, userId),
  });
}

beforeAll(async () => {
  gateway = await startTestGateway({ system: () => createSystem(undefined, { now: fixedClock() }) });
  container = gateway.system;
  await seedDemoDataOnce({ repositories: container.repositories, today: FIXED_TODAY });
  secret = await container.secrets.ivrSigningSecret();
  api = createApiClient(gateway.url);
});

afterAll(async () => {
  await gateway?.close();
});

describe('POST /ivr/identify', () => {
  it('verifies a caller whose ID number belongs to the customer of the calling number', async () => {
    const response = await identify({ callingNumber: zhangWei.phone, idNumber: zhangWei.idNumber });
    expect(response.status, response.text).toBe(201);
    expect(response.body).toEqual({ callId: expect.stringMatching(/^[0-9a-f-]{36}$/), verified: true });
  });

  it('accepts the X of an ID number typed as * on the keypad', async () => {
    const x = data.customers.find((c) => c.idNumber.endsWith('X'));
    if (!x) return;
    const response = await identify({ callingNumber: x.phone, idNumber: `${x.idNumber.slice(0, 17)}*` });
    expect(response.body.verified).toBe(true);
  });

  it('answers "not verified" alike for an unknown ID number and for another customer’s', async () => {
    const unknown = await identify({ callingNumber: '13912345678', idNumber: '11010519491231002X' });
    const someoneElse = await identify({ callingNumber: '13912345678', idNumber: zhangWei.idNumber });
    expect(unknown.status).toBe(201);
    expect(unknown.body.verified).toBe(false);
    expect(someoneElse.body.verified).toBe(false);
  });

  it('refuses unsigned, tampered, stale and wrongly keyed requests with 401', async () => {
    const body = { callingNumber: zhangWei.phone, idNumber: zhangWei.idNumber };
    const rawBody = JSON.stringify(body);
    const unsigned = await api.request('POST', '/ivr/identify', {
      rawBody,
      headers: { 'content-type': 'application/json' },
    });
    expect(unsigned.status).toBe(401);
    expect(unsigned.body).toMatchObject({ code: 'UNAUTHENTICATED', message: '请求未签名' });

    const tampered = await identify({ ...body, callingNumber: '13912345678' }, signedHeaders(rawBody));
    expect(tampered.status).toBe(401);
    expect(tampered.body).toMatchObject({ message: '签名校验失败' });

    const stale = await identify(
      body,
      signedHeaders(rawBody, { timestamp: String(container.now() - 6 * 60_000) }),
    );
    expect(stale.status).toBe(401);
    expect(stale.body).toMatchObject({ message: '请求时间戳无效或已过期' });

    const wrongKey = await identify(body, signedHeaders(rawBody, { key: 'k'.repeat(48) }));
    expect(wrongKey.status).toBe(401);
  });

  it('rejects a replayed request, even a correctly signed one', async () => {
    const rawBody = JSON.stringify({ callingNumber: zhangWei.phone, idNumber: zhangWei.idNumber });
    const headers = signedHeaders(rawBody);
    const first = await api.request('POST', '/ivr/identify', { rawBody, headers });
    expect(first.status).toBe(201);
    const replays = await Promise.all(
      [0, 1].map(() => api.request('POST', '/ivr/identify', { rawBody, headers })),
    );
    for (const replay of replays) {
      expect(replay.status).toBe(401);
      expect(replay.body).toMatchObject({ message: '重复的请求已被拒绝' });
    }
  });

  it('explains a malformed body in Chinese once the signature is valid', async () => {
    const response = await identify({ callingNumber: 'abc', idNumber: zhangWei.idNumber });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'callingNumber',
      message: '来电号码格式不正确',
    });
  });

  it(`locks a calling number after ${IVR_FAILURES_PER_HOUR} failed checks, even for the right ID number`, async () => {
    for (let i = 0; i <= IVR_FAILURES_PER_HOUR; i++) {
      const failed = await identify({ callingNumber: liuYang.phone, idNumber: zhangWei.idNumber });
      expect(failed.status).toBe(201);
      expect(failed.body.verified).toBe(false);
    }
    const locked = await identify({ callingNumber: liuYang.phone, idNumber: liuYang.idNumber });
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({
      code: 'RATE_LIMITED',
      message: '该号码身份核验失败次数过多，请稍后再试',
    });
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another number is not affected.
    const other = await identify({ callingNumber: zhangWei.phone, idNumber: zhangWei.idNumber });
    expect(other.body.verified).toBe(true);
  });
});

describe('GET /ivr/calls/{callId}: the seat’s screen-pop', () => {
  let callId: string;

  beforeAll(async () => {
    callId = (await identify({ callingNumber: zhangWei.phone, idNumber: zhangWei.idNumber })).body.callId;
  });

  it('shows staff of the caller’s branch subtree the name, masked ID, policies and requests', async () => {
    for (const staff of ['demo-staff-sh', 'demo-staff-hq', 'demo-admin']) {
      const response = await screenPop(callId, staff);
      expect(response.status, response.text).toBe(200);
      expect(ScreenPopSchema.safeParse(response.body).success).toBe(true);
      expect(response.body).toMatchObject({
        verified: true,
        callingNumberMasked: '138****0001',
        customer: {
          name: '张伟',
          idNumberMasked: maskIdNumber(zhangWei.idNumber),
          phoneMasked: '138****0001',
        },
      });
      const policies = response.body.policies as Array<{ policyNo: string }>;
      expect(policies.map((p) => p.policyNo).sort()).toEqual(
        data.policies
          .filter((p) => p.holderId === 'C001' || p.insuredId === 'C001')
          .map((p) => p.policyNo)
          .sort(),
      );
      expect(response.text).not.toContain(zhangWei.idNumber);
      expect(response.text).not.toContain(zhangWei.phone);
    }
  });

  it('answers 404 to staff of another branch and 403 to customers and agents', async () => {
    const beijing = await screenPop(callId, 'demo-staff-bj');
    expect(beijing.status).toBe(404);
    expect(beijing.body).toMatchObject({ message: '未找到该来电' });
    expect((await screenPop(callId, 'demo-customer-c001')).status).toBe(403);
    expect((await screenPop(callId, 'demo-agent-a001')).status).toBe(403);
    expect((await api.get(`/ivr/calls/${callId}`)).status).toBe(401);
    expect((await screenPop('not-a-call', 'demo-staff-sh')).status).toBe(400);
  });

  it('shows only the masked number of an unverified call', async () => {
    const unverified = await identify({ callingNumber: '13912345670', idNumber: zhangWei.idNumber });
    const response = await screenPop(unverified.body.callId, 'demo-staff-bj');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      verified: false,
      callingNumberMasked: '139****5670',
      customer: null,
      policies: [],
    });
  });
});

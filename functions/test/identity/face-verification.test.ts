import { FACE_ID_CONSENT_VERSION } from '@zhixiang/shared/identity/verification';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsFor } from '../../src/auth/use-cases/session';
import { SANDBOX_SESSION_NOT_FOUND_MESSAGE } from '../../src/identity/adapters/wechat-face-verifier';
import { completeFaceVerification } from '../../src/identity/use-cases/complete-face-verification';
import { startFaceVerification } from '../../src/identity/use-cases/start-face-verification';
import { createSystem, type System } from '../../src/system';
import { type ApiClient, type ApiResponse, createApiClient } from '../support/api-client';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/**
 * Face verification through the gateway against DynamoDB Local, with the local sandbox playing
 * WeChat: consent, start, the sandbox screen's answer, the server-side result, the append-only
 * record, the daily lock and what IdentityProofs answers afterwards.
 */
let container: System;
let gateway: TestGateway;
let api: ApiClient;
const tokens = new Map<string, string>();

async function tokenFor(userId: string): Promise<string> {
  let token = tokens.get(userId);
  if (!token) {
    const user = await container.repositories.users.get(userId);
    if (!user) throw new Error(`no user ${userId}`);
    token = (await container.accessTokens.issue(claimsFor(user))).token;
    tokens.set(userId, token);
  }
  return token;
}

// biome-ignore lint/suspicious/noExplicitAny: tests read success and error bodies from the same response
type Body = any;

async function as(userId: string) {
  const token = await tokenFor(userId);
  return {
    post: (path: string, body?: unknown) =>
      api.request<Body>('POST', path, { token, ...(body === undefined ? {} : { body }) }),
    get: (path: string, query: Record<string, string>) => api.get<Body>(path, { token, query }),
  };
}

/** The whole sandbox sequence a tester (or another feature's e2e setup) drives over HTTP. */
async function verifyByFace(
  userId: string,
  purpose: string,
  outcome: string,
  customerId?: string,
): Promise<ApiResponse<Body>> {
  const user = await as(userId);
  const started = await user.post('/identity/face', { purpose, ...(customerId ? { customerId } : {}) });
  if (started.status !== 201) return started;
  const session = started.body as { attemptId: string; verifyId: string };
  const answered = await user.post(`/identity/face/sandbox/${session.verifyId}`, { outcome });
  expect(answered.status).toBe(204);
  return user.post(`/identity/face/${session.attemptId}/result`);
}

beforeAll(async () => {
  container = createSystem();
  await seedDemoDataOnce({ repositories: container.repositories });
  gateway = await startTestGateway();
  api = createApiClient(gateway.url);
});
afterAll(async () => gateway?.close());

describe('consent', () => {
  it('asks for the separate face and ID consent before the first face verification', async () => {
    const customer = await as('demo-customer-c002');
    const refused = await customer.post('/identity/face', { purpose: 'document:C-1' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      message: '请先阅读并同意《人脸及身份证件信息处理授权》',
      field: 'consent',
    });

    const outdated = await customer.post('/identity/consent', { version: '2020-01-01' });
    expect(outdated.status).toBe(400);
    expect(outdated.body).toMatchObject({ message: '授权内容已更新，请重新阅读并同意', field: 'version' });

    const agreed = await customer.post('/identity/consent', { version: FACE_ID_CONSENT_VERSION });
    expect(agreed.status).toBe(201);
    expect(agreed.body).toMatchObject({ version: FACE_ID_CONSENT_VERSION });
    const status = await customer.get('/identity/status', { purpose: 'document:C-1' });
    expect(status.body).toMatchObject({ consented: true, customerId: 'C002', customerNameMasked: '李*' });
    expect((await customer.post('/identity/face', { purpose: 'document:C-1' })).status).toBe(201);
  });
});

describe('face verification with the sandbox', () => {
  beforeAll(async () => {
    for (const userId of [
      'demo-customer-c001',
      'demo-customer-c005',
      'demo-customer-c011',
      'demo-agent-a001',
    ])
      await (await as(userId)).post('/identity/consent', { version: FACE_ID_CONSENT_VERSION });
  });

  it('verifies 张伟 for one purpose, records the attempt, and IdentityProofs says yes for that purpose only', async () => {
    const result = await verifyByFace('demo-customer-c001', 'document:D-100', 'success');
    expect(result.status).toBe(200);
    expect(result.body.verification).toMatchObject({
      customerId: 'C001',
      purpose: 'document:D-100',
      method: 'face',
      result: 'success',
      reason: null,
    });
    const now = Date.now();
    const proof = await container.identityProofs.requireVerified({
      customerId: 'C001',
      purpose: 'document:D-100',
      now,
    });
    expect(proof).toMatchObject({ customerId: 'C001', method: 'face', purpose: 'document:D-100' });
    // The same success cannot be replayed for another action.
    await expect(
      container.identityProofs.requireVerified({ customerId: 'C001', purpose: 'document:D-200', now }),
    ).rejects.toMatchObject({ status: 403, userMessage: expect.stringMatching(/已用于其他业务/) });
    // Ten minutes later it no longer counts.
    await expect(
      container.identityProofs.requireVerified({
        customerId: 'C001',
        purpose: 'document:D-100',
        now: proof.verifiedAt + 10 * 60_000 + 1,
      }),
    ).rejects.toMatchObject({ status: 403, userMessage: '身份核验已超过 10 分钟有效期，请重新核验' });

    const [record] = await container.identityVerifications.listSince('C001', now - 60_000);
    expect(record).toMatchObject({
      actorUserId: 'demo-customer-c001',
      actorRole: 'customer',
      providerResult: 10000,
      device: { ip: '127.0.0.1' },
    });
    expect(record?.providerRefs).toMatchObject({
      provider: 'sandbox',
      verifyId: expect.stringMatching(/^sandbox-/),
    });
    expect(record?.providerRefs.outSeqNo).toMatch(/^ZX[0-9a-f]{32}$/);

    const status = await (await as('demo-customer-c001')).get('/identity/status', {
      purpose: 'document:D-100',
    });
    expect(status.body.verified).toMatchObject({ result: 'success', method: 'face' });
  });

  it('says why a customer never verified for a purpose is refused', async () => {
    await expect(
      container.identityProofs.requireVerified({
        customerId: 'C004',
        purpose: 'document:D-1',
        now: Date.now(),
      }),
    ).rejects.toMatchObject({ status: 403, userMessage: expect.stringMatching(/^请先完成身份核验/) });
  });

  it('reports a mismatch as 人脸比对未通过 and IdentityProofs refuses with that reason', async () => {
    const result = await verifyByFace('demo-customer-c011', 'document:D-300', 'face_mismatch');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      verification: { result: 'failure', reason: '人脸比对未通过' },
      faceFailuresToday: 1,
      faceLockedUntil: null,
    });
    await expect(
      container.identityProofs.requireVerified({
        customerId: 'C011',
        purpose: 'document:D-300',
        now: Date.now(),
      }),
    ).rejects.toMatchObject({ userMessage: '身份核验未通过（人脸比对未通过），请重新核验' });
  });

  it('records each attempt once: submitting the same result again is refused', async () => {
    const user = await as('demo-customer-c001');
    const started = await user.post('/identity/face', { purpose: 'document:D-400' });
    await user.post(`/identity/face/sandbox/${started.body.verifyId}`, { outcome: 'success' });
    expect((await user.post(`/identity/face/${started.body.attemptId}/result`)).status).toBe(200);
    const again = await user.post(`/identity/face/${started.body.attemptId}/result`);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/不能重复提交/);
    // Concurrent submissions of one attempt: exactly one is recorded.
    const next = await user.post('/identity/face', { purpose: 'document:D-401' });
    await user.post(`/identity/face/sandbox/${next.body.verifyId}`, { outcome: 'success' });
    const results = await Promise.all(
      Array.from({ length: 4 }, () => user.post(`/identity/face/${next.body.attemptId}/result`)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
  });

  it('asks the user to finish the face screen before the result is read', async () => {
    const user = await as('demo-customer-c001');
    const started = await user.post('/identity/face', { purpose: 'document:D-500' });
    const early = await user.post(`/identity/face/${started.body.attemptId}/result`);
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/模拟人脸核身/);
  });

  it('refuses a result after the verify_id expired (1 hour)', async () => {
    let now = Date.now();
    const timed = createSystem(undefined, { now: () => now });
    const customer = claimsFor((await timed.repositories.users.get('demo-customer-c001'))!);
    const session = await startFaceVerification(timed, customer, { purpose: 'document:D-600' });
    now += 3600_000 + 1;
    await expect(
      completeFaceVerification(timed, customer, session.attemptId, { userAgent: null, ip: null }),
    ).rejects.toMatchObject({ status: 409, userMessage: expect.stringMatching(/已过期/) });
  });

  it('locks the face path after 5 failed comparisons in a day, also for a success started before', async () => {
    const user = await as('demo-customer-c005');
    const earlier = await user.post('/identity/face', { purpose: 'document:D-700' });
    for (let i = 1; i <= 5; i++) {
      const result = await verifyByFace('demo-customer-c005', 'document:D-700', 'face_mismatch');
      expect(result.body.faceFailuresToday).toBe(i);
    }
    const locked = await user.post('/identity/face', { purpose: 'document:D-700' });
    expect(locked.status).toBe(423);
    expect(locked.body.message).toMatch(/已锁定至明日 0 点.*业务员当面核验.*人工审核/);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(locked.body.retryAfterSeconds).toBeLessThanOrEqual(24 * 3600);

    await user.post(`/identity/face/sandbox/${earlier.body.verifyId}`, { outcome: 'success' });
    const late = await user.post(`/identity/face/${earlier.body.attemptId}/result`);
    expect(late.status).toBe(423);
    const status = await user.get('/identity/status', { purpose: 'document:D-700' });
    expect(status.body).toMatchObject({ faceFailuresToday: 5, verified: null });
    expect(status.body.faceLockedUntil).toBeGreaterThan(Date.now());
  });

  it('does not count a cancelled face screen toward the lock', async () => {
    const result = await verifyByFace('demo-customer-c001', 'document:D-800', 'user_cancelled');
    expect(result.body).toMatchObject({
      verification: { result: 'failure', reason: '您已取消人脸核身' },
      faceFailuresToday: 0,
    });
  });
});

describe('who may verify whom', () => {
  it('lets the assigned agent verify a customer present, recorded as the agent acting', async () => {
    const result = await verifyByFace('demo-agent-a001', 'document:D-900', 'success', 'C002');
    expect(result.status).toBe(200);
    const [record] = await container.identityVerifications.listSince('C002', Date.now() - 60_000);
    expect(record).toMatchObject({ actorUserId: 'demo-agent-a001', actorRole: 'agent', method: 'face' });
  });

  it('gives another agent, another customer and staff nothing', async () => {
    await (await as('demo-agent-a003')).post('/identity/consent', { version: FACE_ID_CONSENT_VERSION });
    const otherAgent = await (await as('demo-agent-a003')).post('/identity/face', {
      purpose: 'document:D-1',
      customerId: 'C001',
    });
    expect(otherAgent.status).toBe(404);
    expect(otherAgent.body.message).toBe('未找到该客户');
    const otherCustomer = await (await as('demo-customer-c011')).post('/identity/face', {
      purpose: 'document:D-1',
      customerId: 'C001',
    });
    expect(otherCustomer.status).toBe(404);
    const staff = await (await as('demo-staff-sh')).post('/identity/face', {
      purpose: 'document:D-1',
      customerId: 'C001',
    });
    expect(staff.status).toBe(403);
    const unbound = await (await as('demo-unbound')).get('/identity/status', { purpose: 'document:D-1' });
    expect(unbound.status).toBe(403);
    expect(unbound.body.message).toMatch(/请先完成身份绑定/);

    // Someone else's attempt id is a 404, like one that does not exist.
    const own = await (await as('demo-customer-c001')).post('/identity/face', { purpose: 'document:D-2' });
    const foreign = await (await as('demo-customer-c011')).post(
      `/identity/face/${own.body.attemptId}/result`,
    );
    expect(foreign.status).toBe(404);
  });

  it('needs the agent to name the customer', async () => {
    const missing = await (await as('demo-agent-a001')).post('/identity/face', { purpose: 'document:D-1' });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ field: 'customerId', message: '请选择要核验身份的客户' });
  });
});

describe('bad input', () => {
  it.each([
    [{}, 'purpose', /缺少必填项/],
    [{ purpose: 'no-colon' }, 'purpose', /核验用途格式不正确/],
    [{ purpose: `document:${'x'.repeat(130)}` }, 'purpose', /核验用途过长/],
    [{ purpose: 'document:D-1', customerId: 'C 001' }, 'customerId', /客户编号格式不正确/],
    [{ purpose: 'document:D-1', extra: 1 }, 'extra', /不支持的字段/],
  ])('refuses %j with 400 naming %s', async (body, field, message) => {
    const response = await (await as('demo-customer-c001')).post('/identity/face', body);
    expect(response.status).toBe(400);
    expect(response.body.field).toBe(field);
    expect(response.body.message).toMatch(message);
  });

  it('lets only the user who opened a sandbox session answer it; an unknown session is not found', async () => {
    const owner = await as('demo-customer-c011');
    const started = await owner.post('/identity/face', { purpose: 'document:D-SANDBOX' });
    expect(started.status).toBe(201);
    const { verifyId, attemptId } = started.body as { verifyId: string; attemptId: string };
    const failures = async () =>
      (await owner.get('/identity/status', { purpose: 'document:D-SANDBOX' })).body.faceFailuresToday;
    const failuresBefore = await failures();
    for (const other of ['demo-customer-c001', 'demo-agent-a001']) {
      const answered = await (await as(other)).post(`/identity/face/sandbox/${verifyId}`, {
        outcome: 'face_mismatch',
      });
      expect(answered.status, other).toBe(404);
      expect(answered.body).toMatchObject({ code: 'NOT_FOUND', message: SANDBOX_SESSION_NOT_FOUND_MESSAGE });
    }
    const unknown = await owner.post('/identity/face/sandbox/sandbox-00000000-unknown', {
      outcome: 'success',
    });
    expect(unknown.status).toBe(404);
    // Nothing was recorded against the owner: their session still waits for their own answer.
    expect((await owner.post(`/identity/face/${attemptId}/result`)).status).toBe(409);
    expect(await failures()).toBe(failuresBefore);
    expect((await owner.post(`/identity/face/sandbox/${verifyId}`, { outcome: 'success' })).status).toBe(204);
    expect((await owner.post(`/identity/face/${attemptId}/result`)).status).toBe(200);
  });

  it('refuses a malformed attempt id, sandbox outcome and status query', async () => {
    const user = await as('demo-customer-c001');
    expect((await user.post('/identity/face/bad!id/result')).status).toBe(400);
    const outcome = await user.post('/identity/face/sandbox/sandbox-12345678', { outcome: 'maybe' });
    expect(outcome.status).toBe(400);
    expect(outcome.body.field).toBe('outcome');
    const status = await user.get('/identity/status', {});
    expect(status.status).toBe(400);
    expect(status.body.field).toBe('purpose');
  });
});

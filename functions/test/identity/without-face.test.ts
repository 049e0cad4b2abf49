import { FACE_ID_CONSENT_VERSION } from '@zhixiang/shared/identity/verification';
import { maskPhone } from '@zhixiang/shared/privacy/mask';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsFor } from '../../src/auth/use-cases/session';
import { readLatestSandboxCode } from '../../src/platform/sms/sandbox-outbox-sms';
import { DEMO_CUSTOMERS } from '../../src/seed/demo-data';
import { createSystem, type System } from '../../src/system';
import { type ApiClient, type ApiResponse, createApiClient } from '../support/api-client';
import { FIXED_TODAY, fixedClock } from '../support/fixed-clock';
import { renderIdCardBack, renderIdCardFront } from '../support/render-id-card';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/** The paths without the face: agent attestation and staff review, through the gateway. */
// biome-ignore lint/suspicious/noExplicitAny: tests read success and error bodies from the same response
type Body = any;
let container: System;
let gateway: TestGateway;
let api: ApiClient;
const tokens = new Map<string, string>();
const liNa = DEMO_CUSTOMERS.find((c) => c.customerId === 'C002')!;
const zhangWei = DEMO_CUSTOMERS.find((c) => c.customerId === 'C001')!;
/** The smallest MP4 header a phone camera writes: a `ftyp` box. */
const MP4 = new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32, 0, 0, 0, 0]);

async function token(userId: string): Promise<string> {
  let value = tokens.get(userId);
  if (!value) {
    value = (await container.accessTokens.issue(claimsFor((await container.repositories.users.get(userId))!)))
      .token;
    tokens.set(userId, value);
  }
  return value;
}
const outbox = () =>
  container.config.sms.provider === 'sandbox-outbox' ? container.config.sms.outboxFile : '';
const post = async (userId: string, path: string, body?: unknown): Promise<ApiResponse<Body>> =>
  api.request<Body>('POST', path, { token: await token(userId), ...(body === undefined ? {} : { body }) });
const get = async (userId: string, path: string, query: Record<string, string> = {}) =>
  api.get<Body>(path, { token: await token(userId), query });

async function upload(userId: string, kind: string, bytes: Uint8Array): Promise<string> {
  const ticket = await post(userId, '/identity/uploads', { kind });
  const put = await fetch(ticket.body.uploadUrl, { method: 'PUT', body: new Uint8Array(bytes) });
  expect(put.status).toBe(200);
  return ticket.body.uploadId;
}

async function submitReview(userId: string, purpose: string, video = MP4) {
  const customer = userId === 'demo-customer-c001' ? zhangWei : liNa;
  const front = await upload(
    userId,
    'id_card_front',
    renderIdCardFront({ ...customer, address: '上海市浦东新区张江路88号' }),
  );
  const back = await upload(
    userId,
    'id_card_back',
    renderIdCardBack({ authority: '上海市公安局', validity: '2016.01.01-2036.01.01' }),
  );
  const videoId = await upload(userId, 'selfie_video', video);
  return post(userId, '/identity/reviews', {
    purpose,
    frontUploadId: front,
    backUploadId: back,
    videoUploadId: videoId,
  });
}

beforeAll(async () => {
  gateway = await startTestGateway({ system: () => createSystem(undefined, { now: fixedClock() }) });
  container = gateway.system;
  await seedDemoDataOnce({ repositories: container.repositories, today: FIXED_TODAY });
  api = createApiClient(gateway.url);
  for (const userId of ['demo-customer-c001', 'demo-customer-c002', 'demo-agent-a001', 'demo-agent-a003'])
    await post(userId, '/identity/consent', { version: FACE_ID_CONSENT_VERSION });
});
afterAll(async () => gateway?.close());

describe('agent attestation (业务员当面核验)', () => {
  it('lets the assigned agent attest after checking the card, even while the face path is locked', async () => {
    for (let i = 0; i < 5; i++) {
      const attemptId = `lock-${i}-${container.now()}`;
      await container.identityVerifications.createFaceAttempt({
        attemptId,
        customerId: 'C002',
        purpose: 'document:LOCK',
        userId: 'demo-customer-c002',
        userRole: 'customer',
        openid: null,
        outSeqNo: attemptId,
        verifyId: attemptId,
        provider: 'sandbox',
        createdAt: container.now(),
        expiresAt: container.now() + 3600_000,
      });
      await container.identityVerifications.completeFaceAttempt({
        attemptId,
        record: {
          verificationId: attemptId,
          customerId: 'C002',
          purpose: 'document:LOCK',
          method: 'face',
          result: 'failure',
          reason: '人脸比对未通过',
          actorUserId: 'demo-customer-c002',
          actorRole: 'customer',
          providerRefs: {},
          providerResult: 10004,
          at: container.now(),
          device: { userAgent: null, ip: null },
        },
        countsAsFailure: true,
        day: FIXED_TODAY,
        maxFailures: 5,
      });
    }
    const locked = await post('demo-customer-c002', '/identity/face', { purpose: 'document:A-1' });
    expect(locked.status).toBe(423);
    const target = { purpose: 'document:A-1', customerId: 'C002' };
    const attest = (code: string, extra: Record<string, unknown> = {}) =>
      post('demo-agent-a001', '/identity/attestations', { ...target, cardChecked: true, code, ...extra });

    // Without a code texted to the customer there is nothing to type: the ID number's last four
    // digits (which the agent's customer list shows) no longer attest anything.
    const noCode = await attest('123456');
    expect(noCode.status).toBe(400);
    expect(noCode.body).toMatchObject({ field: 'code', message: '验证码已过期或未获取，请重新获取验证码' });
    const oldShape = await post('demo-agent-a001', '/identity/attestations', {
      ...target,
      cardChecked: true,
      idNumberLast4: liNa.idNumber.slice(-4),
    });
    expect(oldShape.status).toBe(400);

    const sent = await post('demo-agent-a001', '/identity/attestations/code', target);
    expect(sent.status, sent.text).toBe(200);
    expect(sent.body).toEqual({
      sentTo: maskPhone(liNa.phone),
      resendAfterSeconds: 60,
      expiresInSeconds: 300,
    });
    const code = await readLatestSandboxCode(outbox(), liNa.phone);
    expect(code).toMatch(/^\d{6}$/);
    // A second code within the minute is refused.
    expect((await post('demo-agent-a001', '/identity/attestations/code', target)).status).toBe(429);

    const wrong = await attest(code === '000000' ? '111111' : '000000');
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ field: 'code', message: '验证码不正确，还可尝试 4 次' });
    const unchecked = await attest(code!, { cardChecked: false });
    expect(unchecked.status).toBe(400);
    expect(unchecked.body.field).toBe('cardChecked');
    // The code vouches for its purpose only.
    const otherPurpose = await post('demo-agent-a001', '/identity/attestations', {
      ...target,
      purpose: 'document:A-OTHER',
      cardChecked: true,
      code,
    });
    expect(otherPurpose.status).toBe(400);

    const done = await attest(code!);
    expect(done.status, done.text).toBe(201);
    expect(done.body).toMatchObject({ method: 'agent_attestation', result: 'success', customerId: 'C002' });
    const proof = await container.identityProofs.requireVerified({
      customerId: 'C002',
      purpose: 'document:A-1',
      now: container.now(),
    });
    expect(proof.method).toBe('agent_attestation');
    const [record] = await container.identityVerifications.listSince('C002', container.now() - 60_000);
    expect(record).toMatchObject({
      actorUserId: 'demo-agent-a001',
      actorRole: 'agent',
      providerRefs: { agentId: 'A001' },
    });
    // A code is used once.
    expect((await attest(code!)).status).toBe(400);
  });

  it('locks attesting the customer for 30 minutes after five wrong codes', async () => {
    const target = { purpose: 'document:A-LOCK', customerId: 'C001' };
    expect((await post('demo-agent-a001', '/identity/attestations/code', target)).status).toBe(200);
    const code = await readLatestSandboxCode(outbox(), zhangWei.phone);
    const wrongCode = code === '000000' ? '111111' : '000000';
    const attempt = (value: string) =>
      post('demo-agent-a001', '/identity/attestations', { ...target, cardChecked: true, code: value });
    for (let i = 0; i < 4; i++) expect((await attempt(wrongCode)).status).toBe(400);
    const fifth = await attempt(wrongCode);
    expect(fifth.status).toBe(423);
    expect(fifth.body.message).toBe('验证码错误次数过多，当面核验已锁定 30 分钟，请稍后再试');
    // Locked: neither the right code nor a new one helps.
    expect((await attempt(code!)).status).toBe(423);
    const again = await post('demo-agent-a001', '/identity/attestations/code', target);
    expect(again.status).toBe(423);
    expect(again.body.message).toMatch(/当面核验已锁定，请在 30 分钟后再试/);
  });

  it('is for the assigned agent only', async () => {
    const body = { purpose: 'document:A-2', customerId: 'C002' };
    for (const path of ['/identity/attestations/code', '/identity/attestations']) {
      const payload = path.endsWith('code') ? body : { ...body, cardChecked: true, code: '123456' };
      expect((await post('demo-agent-a003', path, payload)).status).toBe(404);
      expect((await post('demo-customer-c002', path, payload)).status).toBe(403);
      expect((await post('demo-staff-sh', path, payload)).status).toBe(403);
    }
  });
});

describe('staff review (人工审核)', () => {
  it('queues the photos and selfie video for the customer’s branch; an approval verifies the purpose', async () => {
    const submitted = await submitReview('demo-customer-c001', 'document:R-1');
    expect(submitted.status, submitted.text).toBe(201);
    expect(submitted.body).toMatchObject({ status: 'pending', customerId: 'C001' });
    const again = await submitReview('demo-customer-c001', 'document:R-1');
    expect(again.status).toBe(409);

    const bj = await get('demo-staff-bj', '/identity/reviews');
    expect(bj.body.reviews.map((r: Body) => r.reviewId)).not.toContain(submitted.body.reviewId);
    const sh = await get('demo-staff-sh', '/identity/reviews');
    const item = sh.body.reviews.find((r: Body) => r.reviewId === submitted.body.reviewId);
    expect(item).toMatchObject({
      customerNameMasked: '张*',
      idNumberMasked: expect.stringMatching(/\*{10}/),
    });
    expect(sh.text).not.toContain(zhangWei.idNumber);
    const photo = await fetch(item.frontImageUrl);
    expect(photo.status).toBe(200);
    expect(new Uint8Array(await photo.arrayBuffer()).slice(1, 4)).toEqual(new TextEncoder().encode('PNG'));

    const foreign = await post('demo-staff-bj', `/identity/reviews/${submitted.body.reviewId}/decision`, {
      decision: 'approve',
    });
    expect(foreign.status).toBe(404);
    const status = await get('demo-customer-c001', '/identity/status', { purpose: 'document:R-1' });
    expect(status.body.review).toMatchObject({ status: 'pending' });

    // Two reviewers at once: exactly one decision.
    const decisions = await Promise.all([
      post('demo-staff-sh', `/identity/reviews/${submitted.body.reviewId}/decision`, { decision: 'approve' }),
      post('demo-staff-hq', `/identity/reviews/${submitted.body.reviewId}/decision`, { decision: 'approve' }),
    ]);
    expect(decisions.map((d) => d.status).sort()).toEqual([200, 409]);
    const proof = await container.identityProofs.requireVerified({
      customerId: 'C001',
      purpose: 'document:R-1',
      now: container.now(),
    });
    expect(proof.method).toBe('staff_review');
    // The selfie video is deleted once decided.
    const review = await container.identityReviews.get(submitted.body.reviewId);
    const video = await container.identityUploads.getUpload(review!.videoUploadId);
    expect(await container.identityFiles.size(video!.key)).toBeNull();
  }, 30_000);

  it('rejects only with a reason, which the customer then reads', async () => {
    const submitted = await submitReview('demo-customer-c002', 'document:R-2');
    const path = `/identity/reviews/${submitted.body.reviewId}/decision`;
    const noReason = await post('demo-staff-sh-pd', path, { decision: 'reject' });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ field: 'reason', message: '请填写不通过的原因，客户将看到该原因' });
    const rejected = await post('demo-staff-sh-pd', path, { decision: 'reject', reason: '视频中人脸不清晰' });
    expect(rejected.status).toBe(200);
    const status = await get('demo-customer-c002', '/identity/status', { purpose: 'document:R-2' });
    expect(status.body.review).toMatchObject({ status: 'rejected', reason: '视频中人脸不清晰' });
    await expect(
      container.identityProofs.requireVerified({
        customerId: 'C002',
        purpose: 'document:R-2',
        now: container.now(),
      }),
    ).rejects.toMatchObject({
      userMessage: '身份核验未通过（人工审核未通过：视频中人脸不清晰），请重新核验',
    });
  }, 30_000);

  it('refuses a video that is neither MP4 nor WebM, and bad decision input', async () => {
    const notVideo = await submitReview(
      'demo-customer-c002',
      'document:R-3',
      new TextEncoder().encode('not a video'),
    );
    expect(notVideo.status).toBe(400);
    expect(notVideo.body).toMatchObject({
      field: 'videoUploadId',
      message: '自拍视频仅支持 MP4 或 WebM 格式',
    });
    const bad = await post('demo-staff-sh', '/identity/reviews/20260101000000/decision', {
      decision: 'maybe',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('decision');
  }, 30_000);
});

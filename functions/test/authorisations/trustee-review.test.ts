import type { TrusteeAuthorisation } from '@zhixiang/shared/authorisations/trustee';
import type { DocumentDetail } from '@zhixiang/shared/documents/schemas';
import type { EndorsementApplication } from '@zhixiang/shared/endorsement/application';
import { FACE_ID_CONSENT_VERSION } from '@zhixiang/shared/identity/verification';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSystem, type System } from '../../src/system';
import { sampleStrokes } from '../documents/fixtures';
import { strokesToPng } from '../documents/signature-png';
import { demoPolicyNo } from '../endorsements/endorsement-steps';
import { requestsAs } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { approvedAuthorisation } from '../support/approved-authorisation';
import { renderIdCardFront } from '../support/render-id-card';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { signingSession } from '../support/signing-session';
import { startTestGateway, type TestGateway } from '../support/test-gateway';
import { putUser } from '../support/test-system';

/**
 * A trustee whose document is a passport, which WeChat face verification cannot compare, proving
 * their identity by 人工审核 instead, through the gateway against DynamoDB Local and s3rver: their
 * status says face is not theirs and names the document; the photo pages and a selfie video go to
 * the staff of the authorisation's review branch under `trustee:<userId>`, the reviewer sees the
 * passport type and number masked; once approved, the engine takes the proof as it takes a face
 * proof and the trustee signs. Bad input and anyone else's authorisation are refused.
 */
let container: System;
let gateway: TestGateway;
let api: ApiClient;
const texts: string[] = [];
const as = requestsAs(() => ({ api, system: container }), texts);
const session = signingSession(
  () => container,
  () => api,
);

const TRUSTEE = 'trustee-passport';
const STRANGER = 'trustee-passport-stranger';
const AUTHORISATION = 'SQ20261201E0000001';
const PASSPORT = 'E76543219';
const PARTICIPATING = demoPolicyNo('C001', 'PL01');
/** The smallest MP4 header a phone camera writes: a `ftyp` box. */
const MP4 = new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32, 0, 0, 0, 0]);
const PHOTO = renderIdCardFront({
  name: '李娜',
  gender: 'female',
  birthDate: '1985-03-03',
  idNumber: '110105198503030022',
  address: '—',
});

async function upload(kind: string, bytes: Uint8Array, userId = TRUSTEE) {
  const ticket = await as<{ uploadUrl: string; uploadId: string }>(userId, 'POST', '/identity/uploads', {
    kind,
    authorisationId: AUTHORISATION,
  });
  expect(ticket.status, ticket.text).toBe(201);
  expect((await fetch(ticket.body.uploadUrl, { method: 'PUT', body: new Uint8Array(bytes) })).status).toBe(
    200,
  );
  return ticket.body.uploadId;
}

beforeAll(async () => {
  gateway = await startTestGateway({ system: () => createSystem() });
  container = gateway.system;
  await seedDemoDataOnce({ repositories: container.repositories });
  api = createApiClient(gateway.url);
  for (const userId of [TRUSTEE, STRANGER]) await putUser(container, { userId, displayName: '微信用户' });
  const record = approvedAuthorisation(
    AUTHORISATION,
    { policyNos: [PARTICIPATING], matters: ['contact_change'] },
    { userId: TRUSTEE, boundAt: new Date().toISOString() },
  );
  record.poa.trustee = { ...record.poa.trustee, idType: 'passport', idNumber: PASSPORT };
  // Written as a binding is: the trustee's link and the audit event with the record.
  const bound = {
    audit: { action: 'trustee_bound' as const, byUserId: TRUSTEE, at: new Date().toISOString() },
  };
  expect(await container.repositories.authorisations.put(record, null, bound)).toBe(true);
  for (const userId of [TRUSTEE, STRANGER])
    expect(
      (await as(userId, 'POST', '/identity/consent', { version: FACE_ID_CONSENT_VERSION })).status,
    ).toBeLessThan(300);
});

afterAll(async () => {
  await gateway?.close();
});

describe('a trustee with a passport proves their identity by 人工审核', () => {
  let application: EndorsementApplication;

  it('shows the document type on the binding, and tells the trustee face is not their path', async () => {
    const bound = await as<{ authorisations: TrusteeAuthorisation[] }>(
      TRUSTEE,
      'GET',
      '/trustee/authorisations',
    );
    expect(bound.body.authorisations[0]?.trusteeIdTypeLabel).toBe('护照');
    const created = await as<EndorsementApplication>(
      TRUSTEE,
      'POST',
      `/policies/${PARTICIPATING}/endorsements?authorisationId=${AUTHORISATION}`,
      { type: 'contact_change', address: '上海市徐汇区漕溪北路 88 号 12 楼' },
    );
    expect(created.status, created.text).toBe(201);
    application = created.body;
    const status = await as<{ faceAvailable: boolean; documentTypeLabel: string; customerId: string }>(
      TRUSTEE,
      'GET',
      `/identity/status?purpose=${encodeURIComponent(application.identityPurpose)}&authorisationId=${AUTHORISATION}`,
    );
    expect(status.status, status.text).toBe(200);
    expect(status.body).toMatchObject({
      customerId: `trustee:${TRUSTEE}`,
      faceAvailable: false,
      documentTypeLabel: '护照',
    });
    const face = await as<{ message: string }>(TRUSTEE, 'POST', '/identity/face', {
      purpose: application.identityPurpose,
      authorisationId: AUTHORISATION,
    });
    expect(face.status).toBe(409);
    expect(face.body.message).toContain('刷脸认证仅支持居民身份证');
  });

  it('refuses bad input and anyone else’s authorisation, writing nothing', async () => {
    const malformed = await as<{ message: string }>(TRUSTEE, 'POST', '/identity/uploads', {
      kind: 'id_card_front',
      authorisationId: 'SQ1',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toContain('授权编号格式不正确');
    for (const [userId, status] of [
      [STRANGER, 404],
      ['demo-agent-a001', 404],
      ['demo-customer-c001', 404],
    ] as const) {
      const refused = await as(userId, 'POST', '/identity/uploads', {
        kind: 'id_card_front',
        authorisationId: AUTHORISATION,
      });
      expect(refused.status, `${userId}: ${refused.text}`).toBe(status);
    }
    const unknownUploads = await as(TRUSTEE, 'POST', '/identity/reviews', {
      purpose: application.identityPurpose,
      authorisationId: AUTHORISATION,
      frontUploadId: 'aaaaaaaa-0000',
      backUploadId: 'aaaaaaaa-0001',
      videoUploadId: 'aaaaaaaa-0002',
    });
    expect(unknownUploads.status).toBeGreaterThanOrEqual(400);
    expect(unknownUploads.status).toBeLessThan(500);
    expect(
      await container.identityReviews.latestForPurpose(`trustee:${TRUSTEE}`, application.identityPurpose),
    ).toBeNull();
  });

  it('goes to the review branch’s staff with the passport masked; approved, the trustee signs', async () => {
    const submitted = await as<{ status: string; customerId: string; reviewId: string }>(
      TRUSTEE,
      'POST',
      '/identity/reviews',
      {
        purpose: application.identityPurpose,
        authorisationId: AUTHORISATION,
        frontUploadId: await upload('id_card_front', PHOTO),
        backUploadId: await upload('id_card_back', PHOTO),
        videoUploadId: await upload('selfie_video', MP4),
      },
    );
    expect(submitted.status, submitted.text).toBe(201);
    expect(submitted.body).toMatchObject({ status: 'pending', customerId: `trustee:${TRUSTEE}` });

    const bj = await as<{ reviews: { reviewId: string }[] }>('demo-staff-bj', 'GET', '/identity/reviews');
    expect(bj.body.reviews.map((r) => r.reviewId)).not.toContain(submitted.body.reviewId);
    const sh = await as<{ reviews: Record<string, string>[] }>('demo-staff-sh', 'GET', '/identity/reviews');
    expect(sh.body.reviews.find((r) => r.reviewId === submitted.body.reviewId)).toMatchObject({
      customerNameMasked: '李*（受托人）',
      documentTypeLabel: '护照',
      idNumberMasked: 'E7*****19',
      authorisationId: AUTHORISATION,
    });
    expect(texts.join('\n')).not.toContain(PASSPORT);

    const decided = await as(
      'demo-staff-sh',
      'POST',
      `/identity/reviews/${submitted.body.reviewId}/decision`,
      {
        decision: 'approve',
      },
    );
    expect(decided.status, decided.text).toBe(200);
    const seen = await as<EndorsementApplication>(
      TRUSTEE,
      'GET',
      `/endorsements/${application.applicationId}`,
    );
    expect(seen.body).toMatchObject({ status: 'identity_verified', identityVerified: true });
    expect(seen.body.timeline.find((e) => e.type === 'identity_verified')?.detail).toContain('人工审核');

    const path = `/documents/${application.documentId}`;
    const detail = await as<DocumentDetail>(TRUSTEE, 'GET', path);
    const uploadId = await session.upload(TRUSTEE, path, {
      strokes: sampleStrokes(),
      image: strokesToPng(sampleStrokes()),
    });
    const signed = await as<DocumentDetail>(TRUSTEE, 'POST', `${path}/signature`, {
      uploadId,
      contentHash: detail.body.contentHash,
    });
    expect(signed.status, signed.text).toBe(200);
  });
});

import { randomUUID } from 'node:crypto';
import type { TrusteeAuthorisation } from '@zhixiang/shared/authorisations/trustee';
import { trusteeActNote } from '@zhixiang/shared/authorisations/trustee-rules';
import type { DocumentDetail } from '@zhixiang/shared/documents/schemas';
import type { EndorsementApplication, EndorsementOptions } from '@zhixiang/shared/endorsement/application';
import { luhnCheckDigit } from '@zhixiang/shared/endorsement/renewal-account-change';
import { addDays, todayInShanghai } from '@zhixiang/shared/format/dates';
import { idCheckCharacter } from '@zhixiang/shared/identity/id-number';
import { FACE_ID_CONSENT_VERSION } from '@zhixiang/shared/identity/verification';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsFor } from '../../src/auth/use-cases/session';
import { deliverEndorsementEvents } from '../../src/endorsements/use-cases/deliver-endorsement-events';
import { deliverEndorsementEventsDeps } from '../../src/endorsements/wiring-delivery';
import { readLatestSandboxCode } from '../../src/platform/sms/sandbox-outbox-sms';
import { DEMO_PAYEE_CARD_NUMBER } from '../../src/seed/demo-endorsements';
import { createSystem, type System } from '../../src/system';
import { sampleStrokes } from '../documents/fixtures';
import { strokesToPng } from '../documents/signature-png';
import { demoPolicyNo } from '../endorsements/endorsement-steps';
import { requestsAs } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { approvedAuthorisation, TRUSTEE_ID_NUMBER, TRUSTEE_PHONE } from '../support/approved-authorisation';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { signingSession } from '../support/signing-session';
import { startTestGateway, type TestGateway } from '../support/test-gateway';
import { putUser } from '../support/test-system';

/**
 * The trustee (受托人) acting on 张伟's approved video authorisation, through the real gateway
 * against DynamoDB Local and s3rver: binding it to their own WeChat account by its reference, their
 * ID and a code texted to the phone 张伟 recorded; reading only what the authorised matters need;
 * verifying their own identity (the face sandbox, keyed on their account) and signing; and the
 * engine refusing another account, a matter or policy outside the scope, an expired and a revoked
 * authorisation.
 */
let shiftMs = 0;
let container: System;
let gateway: TestGateway;
let api: ApiClient;
const texts: string[] = [];
const as = requestsAs(() => ({ api, system: container }), texts);
const session = signingSession(
  () => container,
  () => api,
);

const OWNER = 'demo-customer-c001';
const TRUSTEE = 'trustee-li-na';
const STRANGER = 'trustee-stranger';
const ANNUITY = demoPolicyNo('C001', 'AN01');
const PARTICIPATING = demoPolicyNo('C001', 'PL01');
const TODAY = todayInShanghai();
const AUTHORISED_CARD = `622202100087654321${luhnCheckDigit('622202100087654321')}`;
const SURRENDER_AUTHORISATION = 'SQ20261201A0000001';
const CONTACT_AUTHORISATION = 'SQ20261201A0000002';

const refundAccount = { cardHolderName: '张伟', accountNumber: AUTHORISED_CARD, bankName: '中国工商银行' };

const naming = (authorisationId: string, overrides: Record<string, string> = {}) => ({
  authorisationId,
  name: '李娜',
  idType: 'id_card',
  idNumber: TRUSTEE_ID_NUMBER,
  ...overrides,
});

async function bind(userId: string, authorisationId: string) {
  const sent = await as<{ phoneMasked: string }>(
    userId,
    'POST',
    '/trustee/authorisations/code',
    naming(authorisationId),
  );
  expect(sent.status, sent.text).toBe(200);
  const code = await readLatestSandboxCode(process.env.SMS_OUTBOX_FILE ?? '', TRUSTEE_PHONE);
  return as<TrusteeAuthorisation>(userId, 'POST', '/trustee/authorisations', {
    ...naming(authorisationId),
    code: code ?? '',
  });
}

/** The trustee's own face verification for the application's purpose (the identity sandbox). */
async function verifyTrustee(purpose: string, authorisationId: string) {
  expect(
    (await as(TRUSTEE, 'POST', '/identity/consent', { version: FACE_ID_CONSENT_VERSION })).status,
  ).toBeLessThan(300);
  const status = await as<{ customerId: string; customerNameMasked: string }>(
    TRUSTEE,
    'GET',
    `/identity/status?purpose=${encodeURIComponent(purpose)}&authorisationId=${authorisationId}`,
  );
  expect(status.status, status.text).toBe(200);
  expect(status.body).toMatchObject({ customerId: `trustee:${TRUSTEE}`, customerNameMasked: '李*' });
  const started = await as<{ attemptId: string; verifyId: string }>(TRUSTEE, 'POST', '/identity/face', {
    purpose,
    authorisationId,
  });
  expect(started.status, started.text).toBe(201);
  expect(
    (await as(TRUSTEE, 'POST', `/identity/face/sandbox/${started.body.verifyId}`, { outcome: 'success' }))
      .status,
  ).toBe(204);
  const result = await as(TRUSTEE, 'POST', `/identity/face/${started.body.attemptId}/result`);
  expect(result.status, result.text).toBe(200);
}

async function verifyAndSign(documentId: string, authorisationId: string) {
  const path = `/documents/${documentId}`;
  const detail = await as<DocumentDetail>(TRUSTEE, 'GET', path);
  expect(detail.status, detail.text).toBe(200);
  await verifyTrustee(detail.body.purpose, authorisationId);
  const uploadId = await session.upload(TRUSTEE, path, {
    strokes: sampleStrokes(),
    image: strokesToPng(sampleStrokes()),
  });
  const signed = await as<DocumentDetail>(TRUSTEE, 'POST', `${path}/signature`, {
    uploadId,
    contentHash: detail.body.contentHash,
  });
  expect(signed.status, signed.text).toBe(200);
  return signed.body;
}

function submit(applicationId: string) {
  return api.request<EndorsementApplication & { message?: string }>(
    'POST',
    `/endorsements/${applicationId}/submit`,
    {
      body: {},
      headers: { 'idempotency-key': randomUUID() },
      token: '',
    },
  );
}

/** The trustee submits; a token issued on the system's clock (which a test may have moved on). */
async function submitAsTrustee(applicationId: string) {
  const user = await container.repositories.users.get(TRUSTEE);
  const { token } = await container.accessTokens.issue(claimsFor(user!));
  const response = await api.request<EndorsementApplication & { message?: string }>(
    'POST',
    `/endorsements/${applicationId}/submit`,
    { body: {}, headers: { 'idempotency-key': randomUUID() }, token },
  );
  texts.push(response.text);
  return response;
}

beforeAll(async () => {
  gateway = await startTestGateway({
    system: () => createSystem(undefined, { now: () => Date.now() + shiftMs }),
  });
  container = gateway.system;
  await seedDemoDataOnce({ repositories: container.repositories });
  api = createApiClient(gateway.url);
  for (const userId of [TRUSTEE, STRANGER]) await putUser(container, { userId, displayName: '微信用户' });
  const { authorisations } = container.repositories;
  expect(
    await authorisations.put(
      approvedAuthorisation(SURRENDER_AUTHORISATION, { policyNos: [ANNUITY], refundAccount }),
      null,
    ),
  ).toBe(true);
  expect(
    await authorisations.put(
      approvedAuthorisation(CONTACT_AUTHORISATION, {
        policyNos: [PARTICIPATING],
        matters: ['contact_change'],
      }),
      null,
    ),
  ).toBe(true);
});

afterAll(async () => {
  await gateway?.close();
});

describe('binding the authorisation to the trustee', () => {
  it.each([
    ['another name', { name: '李四' }],
    ['another ID number', { idNumber: `11010519900101001${idCheckCharacter('11010519900101001')}` }],
    ['another ID type', { idType: 'passport' }],
  ])('refuses %s with the same words, texting nothing', async (_case, overrides) => {
    const refused = await as<{ message: string }>(
      TRUSTEE,
      'POST',
      '/trustee/authorisations/code',
      naming(SURRENDER_AUTHORISATION, overrides),
    );
    expect(refused.status, refused.text).toBe(400);
    expect(refused.body.message).toBe(
      '授权编号、姓名或证件号码与录像授权登记的受托人信息不一致，请核对后重试',
    );
  });

  it('refuses bad input: a malformed reference, control characters, a wrong code', async () => {
    const malformed = await as<{ message: string }>(TRUSTEE, 'POST', '/trustee/authorisations/code', {
      ...naming('SQ123'),
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toContain('授权编号格式不正确');
    const extra = await as(TRUSTEE, 'POST', '/trustee/authorisations/code', {
      ...naming(SURRENDER_AUTHORISATION),
      x: 1,
    });
    expect(extra.status).toBe(400);
    const control = await as(
      TRUSTEE,
      'POST',
      '/trustee/authorisations/code',
      naming(SURRENDER_AUTHORISATION, { name: '李\u0000娜' }),
    );
    expect(control.status).toBe(400);
    const wrongCode = await as<{ message: string }>(TRUSTEE, 'POST', '/trustee/authorisations', {
      ...naming(SURRENDER_AUTHORISATION),
      code: '12345',
    });
    expect(wrongCode.status).toBe(400);
    expect(wrongCode.body.message).toBe('验证码应为 6 位数字');
  });

  it('does not let the customer be their own trustee', async () => {
    const refused = await as<{ message: string }>(
      OWNER,
      'POST',
      '/trustee/authorisations/code',
      naming(SURRENDER_AUTHORISATION),
    );
    expect(refused.status, refused.text).toBe(403);
    expect(refused.body.message).toBe('投保人本人不能作为自己的受托人');
  });

  it('binds with the code texted to the phone 张伟 recorded, once: another account is refused', async () => {
    const bound = await bind(TRUSTEE, SURRENDER_AUTHORISATION);
    expect(bound.status, bound.text).toBe(200);
    expect(bound.body).toMatchObject({
      authorisationId: SURRENDER_AUTHORISATION,
      status: 'approved',
      grantorName: '张*',
      matters: [{ type: 'surrender', label: '退保' }],
      refundAccount: {
        bankName: '中国工商银行',
        accountMasked: expect.stringMatching(/^\*+\d{4}$|尾号|\d{4}$/),
      },
    });
    expect(bound.text).not.toContain(AUTHORISED_CARD);
    const stranger = await as<{ message: string }>(
      STRANGER,
      'POST',
      '/trustee/authorisations/code',
      naming(SURRENDER_AUTHORISATION),
    );
    expect(stranger.status).toBe(409);
    expect(stranger.body.message).toContain('已由其他微信账号绑定');
    const audit = await container.repositories.authorisations.listAudit(SURRENDER_AUTHORISATION);
    expect(audit.map((e) => [e.action, e.byUserId])).toContainEqual(['trustee_bound', TRUSTEE]);
    expect((await bind(TRUSTEE, CONTACT_AUTHORISATION)).status).toBe(200);
    const listed = await as<{ authorisations: TrusteeAuthorisation[] }>(
      TRUSTEE,
      'GET',
      '/trustee/authorisations',
    );
    expect(listed.body.authorisations.map((a) => a.authorisationId).sort()).toEqual([
      SURRENDER_AUTHORISATION,
      CONTACT_AUTHORISATION,
    ]);
    const none = await as<{ authorisations: TrusteeAuthorisation[] }>(
      STRANGER,
      'GET',
      '/trustee/authorisations',
    );
    expect(none.body.authorisations).toEqual([]);
  });
});

describe('what the trustee reaches', () => {
  it('reads the options of an authorised policy, only the authorised matters offered', async () => {
    const options = await as<EndorsementOptions>(
      TRUSTEE,
      'GET',
      `/policies/${ANNUITY}/endorsements/options?authorisationId=${SURRENDER_AUTHORISATION}`,
    );
    expect(options.status, options.text).toBe(200);
    const available = options.body.options.filter((o) => o.available).map((o) => o.type);
    expect(available).toEqual(['surrender']);
    expect(options.body.authorisedPayee).toEqual({
      bankName: '中国工商银行',
      accountMasked: `**** **** **** ${AUTHORISED_CARD.slice(-4)}`,
    });
    expect(options.body.options.find((o) => o.type === 'policy_loan')?.unavailableReason).toContain(
      '未委托办理此项',
    );
  });

  it.each([
    ['the policy without the authorisation', `/policies/${ANNUITY}/endorsements/options`, 404],
    ['the policy itself', `/policies/${ANNUITY}`, 404],
    [
      'a policy outside the scope',
      `/policies/${PARTICIPATING}/endorsements/options?authorisationId=${SURRENDER_AUTHORISATION}`,
      403,
    ],
    [
      'an authorisation bound to someone else',
      `/policies/${ANNUITY}/endorsements/options?authorisationId=${SURRENDER_AUTHORISATION}`,
      404,
      STRANGER,
    ],
    ['a malformed authorisation id', `/policies/${ANNUITY}/endorsements/options?authorisationId=x`, 400],
    ["张伟's documents", '/me/documents', 403],
  ])('refuses %s', async (_case, path, status, who = TRUSTEE) => {
    const response = await as(who, 'GET', path);
    expect(response.status, response.text).toBe(status);
  });

  it('refuses agents and staff acting on the authorisation', async () => {
    for (const userId of ['demo-agent-a001', 'demo-staff-sh']) {
      const response = await as(
        userId,
        'POST',
        `/policies/${ANNUITY}/endorsements?authorisationId=${SURRENDER_AUTHORISATION}`,
        {
          type: 'surrender',
          acknowledgedLossCents: 1000,
        },
      );
      expect(response.status, response.text).toBe(403);
    }
  });
});

describe("the trustee surrenders 张伟's annuity", () => {
  let applicationId = '';
  const path = `/policies/${ANNUITY}/endorsements?authorisationId=${SURRENDER_AUTHORISATION}`;
  const surrender = (payeeCard?: { cardHolderName: string; cardNumber: string }) => ({
    type: 'surrender',
    acknowledgedLossCents: 1000,
    ...(payeeCard ? { payeeCard } : {}),
  });

  it('refuses the money to another account, and a matter not entrusted, writing nothing', async () => {
    const before = (await container.repositories.endorsements.listByHolder('C001')).length;
    const other = await as<{ message: string; field: string }>(
      TRUSTEE,
      'POST',
      path,
      surrender({ cardHolderName: '张伟', cardNumber: DEMO_PAYEE_CARD_NUMBER }),
    );
    expect(other.status, other.text).toBe(403);
    expect(other.body.message).toMatch(
      /^受托人代办的款项只能转入授权指定的账户（中国工商银行 .*），请改用该账户$/,
    );
    expect(other.text).not.toContain(AUTHORISED_CARD);
    const loan = await as<{ message: string }>(TRUSTEE, 'POST', path, {
      type: 'policy_loan',
      amountCents: 100_000,
    });
    expect(loan.status).toBe(403);
    expect(loan.body.message).toContain('未委托办理该事项');
    expect((await container.repositories.endorsements.listByHolder('C001')).length).toBe(before);
  });

  it('prepares it paying the authorised account, the holder staying the holder', async () => {
    const created = await as<EndorsementApplication>(
      TRUSTEE,
      'POST',
      path,
      // No card: the authorised account, which the trustee sees only masked.
      surrender(),
    );
    expect(created.status, created.text).toBe(201);
    applicationId = created.body.applicationId;
    expect(created.body.holder.name).toBe('张伟');
    expect(created.body.trustee).toEqual({ authorisationId: SURRENDER_AUTHORISATION, name: '李娜' });
    expect(created.body.figures.payeeAccountMasked).toBe(`**** **** **** ${AUTHORISED_CARD.slice(-4)}`);
    expect(created.text).not.toContain(AUTHORISED_CARD);
    expect(created.body.timeline[0]?.detail).toContain(trusteeActNote(SURRENDER_AUTHORISATION));
    expect(created.body.timeline[0]?.actor).toBe('李娜（受托人，代 张伟 办理）');
    const document = await as<DocumentDetail>(TRUSTEE, 'GET', `/documents/${created.body.documentId}`);
    expect(JSON.stringify(document.body)).toContain(trusteeActNote(SURRENDER_AUTHORISATION));
    await verifyAndSign(created.body.documentId, SURRENDER_AUTHORISATION);
    // Another trustee's account cannot open it.
    expect((await as(STRANGER, 'GET', `/endorsements/${applicationId}`)).status).toBe(404);
    expect((await submit(applicationId)).status).toBe(401);
  });

  it('is refused after the validity, with the date it ended', async () => {
    shiftMs = 32 * 86_400_000;
    try {
      const refused = await submitAsTrustee(applicationId);
      expect(refused.status, refused.text).toBe(403);
      expect(refused.body.message).toBe(
        `录像授权 ${SURRENDER_AUTHORISATION} 已于 ${addDays(TODAY, 30)} 到期，受托人不能再代为办理`,
      );
    } finally {
      shiftMs = 0;
    }
  });

  it('submits within the validity, recording the authorisation in the audit trail', async () => {
    const submitted = await submitAsTrustee(applicationId);
    expect(submitted.status, submitted.text).toBe(200);
    const note = trusteeActNote(SURRENDER_AUTHORISATION);
    const submittedEvent = submitted.body.timeline.find((e) => e.type === 'submitted');
    expect(submittedEvent?.detail).toContain(note);
    expect(submitted.body.timeline.find((e) => e.type === 'signed')?.detail).toContain(note);
    expect(submitted.text).not.toContain(AUTHORISED_CARD);
    expect(texts.join('\n')).not.toContain(TRUSTEE_ID_NUMBER);
    expect(submitted.body.status).toBe('document_issued');
    // The 批单, issued by the outbox consumer, names the trustee and the authorisation.
    expect(await deliverEndorsementEvents(deliverEndorsementEventsDeps(container))).toMatchObject({
      endorsementsIssued: 1,
    });
    const application = await container.repositories.documents.get(submitted.body.documentId);
    const endorsement = await container.repositories.documents.get(application?.endorsementDocumentId ?? '');
    expect(endorsement?.annotation).toContain(`经投保人张伟委托，受托人李娜（${note}）`);
    expect((await container.repositories.policies.get(ANNUITY))?.status).toBe('surrendered');
  });
});

describe('revocation takes effect at once', () => {
  it("refuses the trustee's submission after 张伟 revokes, and any new application", async () => {
    const path = `/policies/${PARTICIPATING}/endorsements?authorisationId=${CONTACT_AUTHORISATION}`;
    const created = await as<EndorsementApplication>(TRUSTEE, 'POST', path, {
      type: 'contact_change',
      address: '上海市徐汇区漕溪北路 88 号 12 楼',
    });
    expect(created.status, created.text).toBe(201);
    await verifyAndSign(created.body.documentId, CONTACT_AUTHORISATION);
    const revoked = await as(OWNER, 'POST', `/me/authorisations/${CONTACT_AUTHORISATION}/revoke`);
    expect(revoked.status, revoked.text).toBe(200);
    const message = `录像授权 ${CONTACT_AUTHORISATION} 已由投保人撤销，受托人不能再代为办理`;
    const refused = await submitAsTrustee(created.body.applicationId);
    expect(refused.status, refused.text).toBe(403);
    expect(refused.body.message).toBe(message);
    const again = await as<{ message: string }>(TRUSTEE, 'POST', path, {
      type: 'contact_change',
      address: '北京',
    });
    expect(again.status).toBe(403);
    expect(again.body.message).toBe(message);
    const face = await as<{ message: string }>(TRUSTEE, 'POST', '/identity/face', {
      purpose: `endorsement:${created.body.applicationId}`,
      authorisationId: CONTACT_AUTHORISATION,
    });
    expect(face.status).toBe(403);
  });
});

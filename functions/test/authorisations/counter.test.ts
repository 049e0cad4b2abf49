import { randomUUID } from 'node:crypto';
import { COUNTER_PHONE_REFUSED, counterActNote } from '@zhixiang/shared/authorisations/trustee-rules';
import type { EndorsementApplication } from '@zhixiang/shared/endorsement/application';
import { luhnCheckDigit } from '@zhixiang/shared/endorsement/renewal-account-change';
import { addDays, todayInShanghai } from '@zhixiang/shared/format/dates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsFor } from '../../src/auth/use-cases/session';
import { DynamoEndorsementRepository } from '../../src/endorsements/adapters/endorsements';
import { deliverEndorsementEvents } from '../../src/endorsements/use-cases/deliver-endorsement-events';
import { deliverEndorsementEventsDeps } from '../../src/endorsements/wiring-delivery';
import { DEMO_PAYEE_CARD_NUMBER } from '../../src/seed/demo-endorsements';
import { createSystem, type System } from '../../src/system';
import { demoPolicyNo } from '../endorsements/endorsement-steps';
import { accessTokenFor, requestsAs } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { approvedAuthorisation } from '../support/approved-authorisation';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';
import { putUser } from '../support/test-system';

/**
 * 柜面代办: staff of the subtree processing a matter of 张伟's approved video authorisation
 * themselves, through the real gateway against DynamoDB Local and s3rver — the same checks as the
 * trustee's (scope, validity, revocation, money only to the authorised account), with the counter's
 * note and the staff member's id in the audit trail, on the 申请书 and on the 批单; everyone else
 * refused; bad input refused writing nothing; two staff at once, one winner.
 */
let shiftMs = 0;
let container: System;
let gateway: TestGateway;
let api: ApiClient;
const texts: string[] = [];
const as = requestsAs(() => ({ api, system: container }), texts);

const STAFF = 'demo-staff-sh';
const HQ_STAFF = 'demo-staff-hq';
const TRUSTEE = 'counter-trustee';
const ANNUITY = demoPolicyNo('C001', 'AN01');
const PARTICIPATING = demoPolicyNo('C001', 'PL01');
const TODAY = todayInShanghai();
const AUTHORISED_CARD = `622202100087654321${luhnCheckDigit('622202100087654321')}`;
const SURRENDER_AUTHORISATION = 'SQ20261201C0000001';
const CONTACT_AUTHORISATION = 'SQ20261201C0000002';
const REVOKED_AUTHORISATION = 'SQ20261201C0000003';
const RECORDING_SHA256 = 'ab'.repeat(32);

const refundAccount = { cardHolderName: '张伟', accountNumber: AUTHORISED_CARD, bankName: '中国工商银行' };
const prepare = (authorisationId: string, policyNo: string) =>
  `/staff/authorisations/${authorisationId}/policies/${policyNo}/endorsements`;
const surrender = { type: 'surrender', acknowledgedLossCents: 1000 };
const contactChange = { type: 'contact_change', address: '上海市徐汇区漕溪北路 88 号 12 楼' };

async function submitAs(userId: string, authorisationId: string, applicationId: string) {
  const response = await api.request<EndorsementApplication & { message?: string }>(
    'POST',
    `/staff/authorisations/${authorisationId}/endorsements/${applicationId}/submit`,
    {
      body: {},
      headers: { 'idempotency-key': randomUUID() },
      // A token issued on the system's clock (which a test may have moved on).
      token: (
        await container.accessTokens.issue(claimsFor((await container.repositories.users.get(userId))!))
      ).token,
    },
  );
  texts.push(response.text);
  return response;
}

const applicationsOfZhangWei = async () =>
  (await container.repositories.endorsements.listByHolder('C001')).length;

beforeAll(async () => {
  gateway = await startTestGateway({
    system: () => createSystem(undefined, { now: () => Date.now() + shiftMs }),
  });
  container = gateway.system;
  await seedDemoDataOnce({ repositories: container.repositories });
  api = createApiClient(gateway.url);
  await putUser(container, { userId: TRUSTEE, displayName: '微信用户' });
  const { authorisations } = container.repositories;
  const recording = {
    key: 'authorisations/C001/x/recording.mp4',
    contentType: 'video/mp4',
    sizeBytes: 1_000_000,
    durationSeconds: 40,
    sha256: RECORDING_SHA256,
    scriptDate: TODAY,
    recordedAt: new Date().toISOString(),
  };
  for (const record of [
    {
      ...approvedAuthorisation(
        SURRENDER_AUTHORISATION,
        { policyNos: [ANNUITY], refundAccount },
        { userId: TRUSTEE, boundAt: new Date().toISOString() },
      ),
      recording,
    },
    {
      ...approvedAuthorisation(CONTACT_AUTHORISATION, {
        policyNos: [PARTICIPATING],
        matters: ['contact_change'],
      }),
      recording,
    },
    {
      ...approvedAuthorisation(REVOKED_AUTHORISATION, {
        policyNos: [PARTICIPATING],
        matters: ['contact_change'],
      }),
      status: 'revoked' as const,
      revokedAt: new Date().toISOString(),
    },
  ])
    expect(await authorisations.put(record, null)).toBe(true);
});

afterAll(async () => {
  await gateway?.close();
});

describe('who may process a matter at the counter', () => {
  it.each([
    [
      'staff outside the subtree (the same 404 as an authorisation that does not exist)',
      'demo-staff-bj',
      404,
    ],
    ['the agent', 'demo-agent-a001', 403],
    ['张伟 himself', 'demo-customer-c001', 403],
    ['the trustee', TRUSTEE, 403],
    ['an executive (read-only)', 'demo-exec-sh-pd', 403],
  ])('refuses %s, writing nothing', async (_case, userId, status) => {
    const before = await applicationsOfZhangWei();
    const response = await as<{ message: string }>(
      userId,
      'POST',
      prepare(SURRENDER_AUTHORISATION, ANNUITY),
      surrender,
    );
    expect(response.status, response.text).toBe(status);
    if (status === 404) expect(response.body.message).toBe('未找到该授权');
    expect(await applicationsOfZhangWei()).toBe(before);
  });
});

describe('bad input', () => {
  it.each([
    ['a malformed authorisation id', prepare('SQ123', ANNUITY), surrender, 400, '授权编号格式不正确'],
    [
      'a malformed policy number',
      prepare(SURRENDER_AUTHORISATION, '保单'),
      surrender,
      400,
      '保单号格式不正确',
    ],
    ['an unknown matter', prepare(SURRENDER_AUTHORISATION, ANNUITY), { type: 'x' }, 400, ''],
    [
      'control characters',
      prepare(CONTACT_AUTHORISATION, PARTICIPATING),
      { type: 'contact_change', address: '上海\u0000市' },
      400,
      '',
    ],
    [
      'a policy outside the scope',
      prepare(SURRENDER_AUTHORISATION, PARTICIPATING),
      surrender,
      403,
      `保单 ${PARTICIPATING} 不在录像授权 ${SURRENDER_AUTHORISATION} 的委托范围内`,
    ],
    [
      'a matter not entrusted',
      prepare(SURRENDER_AUTHORISATION, ANNUITY),
      { type: 'policy_loan', amountCents: 100_000 },
      403,
      `录像授权 ${SURRENDER_AUTHORISATION} 未委托办理该事项，可办理：退保`,
    ],
    [
      'the money to another account',
      prepare(SURRENDER_AUTHORISATION, ANNUITY),
      { ...surrender, payeeCard: { cardHolderName: '张伟', cardNumber: DEMO_PAYEE_CARD_NUMBER } },
      403,
      '受托人代办的款项只能转入授权指定的账户（中国工商银行',
    ],
    [
      'a new mobile number, which only the holder can confirm by its code',
      prepare(CONTACT_AUTHORISATION, PARTICIPATING),
      { ...contactChange, phone: '13912345678' },
      400,
      COUNTER_PHONE_REFUSED,
    ],
    [
      'a revoked authorisation',
      prepare(REVOKED_AUTHORISATION, PARTICIPATING),
      contactChange,
      403,
      `录像授权 ${REVOKED_AUTHORISATION} 已由投保人撤销，受托人不能再代为办理`,
    ],
  ])('refuses %s with its message, writing nothing', async (_case, path, body, status, message) => {
    const before = await applicationsOfZhangWei();
    const response = await as<{ message: string }>(STAFF, 'POST', path, body);
    expect(response.status, response.text).toBe(status);
    expect(response.body.message).toContain(message);
    expect(await applicationsOfZhangWei()).toBe(before);
  });

  it('refuses malformed JSON and an oversized body', async () => {
    const token = await accessTokenFor(container, STAFF);
    const malformed = await api.request<{ message: string }>(
      'POST',
      prepare(SURRENDER_AUTHORISATION, ANNUITY),
      { rawBody: '{"type":', headers: { 'content-type': 'application/json' }, token },
    );
    expect(malformed.status, malformed.text).toBe(400);
    const oversized = await api.request<{ message: string }>(
      'POST',
      prepare(CONTACT_AUTHORISATION, PARTICIPATING),
      { body: { ...contactChange, address: '路'.repeat(200_000) }, token },
    );
    expect(oversized.status).toBeGreaterThanOrEqual(400);
    expect(oversized.status).toBeLessThan(500);
  });

  it("refuses submitting through another authorisation, or an application that is not the counter's", async () => {
    const response = await submitAs(STAFF, CONTACT_AUTHORISATION, 'EA20261201AAAAAA');
    expect(response.status).toBe(404);
  });
});

describe('two staff at once', () => {
  it('prepare the same matter: one wins, the other is told of the open application', async () => {
    const [first, second] = await Promise.all(
      [STAFF, HQ_STAFF].map((userId) =>
        as<EndorsementApplication & { message: string }>(
          userId,
          'POST',
          prepare(CONTACT_AUTHORISATION, PARTICIPATING),
          contactChange,
        ),
      ),
    );
    const statuses = [first?.status, second?.status].sort();
    expect(statuses).toEqual([201, 409]);
    const won = (first?.status === 201 ? first : second) as NonNullable<typeof first>;
    const lost = (first?.status === 201 ? second : first) as NonNullable<typeof first>;
    expect(lost.body.message).toContain(won.body.applicationId);
    expect(won.body.status).toBe('signed');
    // Both submit it at once: one submission, the other a conflict.
    const [a, b] = await Promise.all(
      [STAFF, HQ_STAFF].map((userId) => submitAs(userId, CONTACT_AUTHORISATION, won.body.applicationId)),
    );
    expect([a?.status, b?.status].sort()).toEqual([200, 409]);
    const events = await container.repositories.endorsements.listEvents(won.body.applicationId);
    expect(events.filter((e) => e.type === 'submitted')).toHaveLength(1);
  });
});

describe('a submission that read the application before another committed it', () => {
  it("is told the application has moved on (409), not a rule refusal computed from the other's change", async () => {
    const prepared = await as<EndorsementApplication>(
      STAFF,
      'POST',
      prepare(CONTACT_AUTHORISATION, PARTICIPATING),
      // An address of its own: the file's other tests have made theirs already.
      { ...contactChange, address: `上海市浦东新区张杨路 ${Date.now() % 100_000} 号` },
    );
    expect(prepared.status, prepared.text).toBe(201);
    const applicationId = prepared.body.applicationId;
    const before = await container.repositories.endorsements.get(applicationId);
    expect(before?.status).toBe('signed');
    expect((await submitAs(STAFF, CONTACT_AUTHORISATION, applicationId)).status).toBe(200);
    // The second submission opens the application as it was before the first committed, and reads
    // everything else (the customer's contact, already changed) after it.
    const get = DynamoEndorsementRepository.prototype.get;
    let stale = true;
    DynamoEndorsementRepository.prototype.get = async function (
      this: DynamoEndorsementRepository,
      id: string,
    ) {
      if (id === applicationId && stale) {
        stale = false;
        return before;
      }
      return get.call(this, id);
    };
    try {
      const second = await submitAs(HQ_STAFF, CONTACT_AUTHORISATION, applicationId);
      expect(second.status, second.text).toBe(409);
      expect(stale).toBe(false);
    } finally {
      DynamoEndorsementRepository.prototype.get = get;
    }
    const events = await container.repositories.endorsements.listEvents(applicationId);
    expect(events.filter((e) => e.type === 'submitted')).toHaveLength(1);
  });
});

describe('staff withdraw an application they prepared at the counter', () => {
  const note = counterActNote(CONTACT_AUTHORISATION);
  const cancel = (authorisationId: string, applicationId: string) =>
    `/staff/authorisations/${authorisationId}/endorsements/${applicationId}/cancel`;
  let address = 0;
  // Each preparation changes the address to one not used before (an unchanged one is refused).
  const prepareContactChange = async () => {
    address += 1;
    const created = await as<EndorsementApplication>(
      STAFF,
      'POST',
      prepare(CONTACT_AUTHORISATION, PARTICIPATING),
      { type: 'contact_change', address: `上海市徐汇区漕溪北路 ${100 + address} 号` },
    );
    expect(created.status, created.text).toBe(201);
    return created.body.applicationId;
  };
  const eventsOf = async (applicationId: string, type: string) =>
    (await container.repositories.endorsements.listEvents(applicationId)).filter((e) => e.type === type);
  const statusOf = async (applicationId: string) =>
    (await container.repositories.endorsements.get(applicationId))?.status;
  let applicationId = '';

  it.each([
    ['staff outside the subtree (the same 404 as a missing application)', 'demo-staff-bj', 404],
    ['the agent', 'demo-agent-a001', 403],
    ['张伟 himself (his own cancel is the holder’s route)', 'demo-customer-c001', 403],
    ['the trustee', TRUSTEE, 403],
    ['an executive (read-only)', 'demo-exec-sh-pd', 403],
  ])('refuses %s, changing nothing', async (_case, userId, status) => {
    applicationId ||= await prepareContactChange();
    const response = await as<{ message: string }>(
      userId,
      'POST',
      cancel(CONTACT_AUTHORISATION, applicationId),
      {},
    );
    expect(response.status, response.text).toBe(status);
    expect(await statusOf(applicationId)).toBe('signed');
    expect(await eventsOf(applicationId, 'cancelled')).toHaveLength(0);
  });

  it.each([
    ['a malformed authorisation id', () => cancel('SQ123', applicationId), {}, 400, '授权编号格式不正确'],
    ['a malformed application id', () => cancel(CONTACT_AUTHORISATION, 'EA1'), {}, 400, '申请编号格式不正确'],
    [
      'an application that does not exist',
      () => cancel(CONTACT_AUTHORISATION, 'EA20261201AAAAAA'),
      {},
      404,
      '未找到该保全申请',
    ],
    [
      'another authorisation named for the application',
      () => cancel(SURRENDER_AUTHORISATION, applicationId),
      {},
      404,
      '未找到该授权',
    ],
    [
      'control characters in the reason',
      () => cancel(CONTACT_AUTHORISATION, applicationId),
      { reason: '客户\u0007改主意' },
      400,
      '含有不可见的控制字符',
    ],
    [
      'an oversized reason',
      () => cancel(CONTACT_AUTHORISATION, applicationId),
      { reason: '因'.repeat(201) },
      400,
      '撤销原因',
    ],
    [
      'a reason of the wrong type',
      () => cancel(CONTACT_AUTHORISATION, applicationId),
      { reason: 42 },
      400,
      '撤销原因',
    ],
    [
      'an unknown field',
      () => cancel(CONTACT_AUTHORISATION, applicationId),
      { status: 'cancelled' },
      400,
      '',
    ],
  ])('refuses %s with its message, changing nothing', async (_case, path, body, status, message) => {
    const response = await as<{ message: string }>(STAFF, 'POST', path(), body);
    expect(response.status, response.text).toBe(status);
    expect(response.body.message).toContain(message);
    expect(await statusOf(applicationId)).toBe('signed');
  });

  it('refuses malformed JSON, changing nothing', async () => {
    const response = await api.request<{ message: string }>(
      'POST',
      cancel(CONTACT_AUTHORISATION, applicationId),
      {
        rawBody: '{"reason":',
        headers: { 'content-type': 'application/json' },
        token: await accessTokenFor(container, STAFF),
      },
    );
    expect(response.status, response.text).toBe(400);
    expect(await statusOf(applicationId)).toBe('signed');
  });

  it('withdraws it with the reason, the counter and the staff member audited, freeing the matter', async () => {
    const response = await as<EndorsementApplication>(
      STAFF,
      'POST',
      cancel(CONTACT_AUTHORISATION, applicationId),
      { reason: '客户改变主意' },
    );
    expect(response.status, response.text).toBe(200);
    expect(response.body.status).toBe('cancelled');
    const [event] = await eventsOf(applicationId, 'cancelled');
    expect(event).toMatchObject({
      actorUserId: STAFF,
      actorRole: 'staff',
      detail: `${note}（柜面人员 ${STAFF}）；撤销原因：客户改变主意`,
    });
    const shown = response.body.timeline.find((e) => e.type === 'cancelled');
    expect(shown?.actor).toBe('上海分公司保全 钱进（柜面，代 张伟 办理）');
    expect((await container.repositories.documents.get(response.body.documentId))?.status).toBe('voided');
    // Cancelled is final: a second withdrawal is a conflict.
    const again = await as<{ message: string }>(
      STAFF,
      'POST',
      cancel(CONTACT_AUTHORISATION, applicationId),
      {},
    );
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('该申请已撤销，不能继续办理；如需变更请重新申请');
  });

  it('refuses a submitted application with a clear message', async () => {
    const id = await prepareContactChange();
    expect((await submitAs(STAFF, CONTACT_AUTHORISATION, id)).status).toBe(200);
    const response = await as<{ message: string }>(STAFF, 'POST', cancel(CONTACT_AUTHORISATION, id), {});
    expect(response.status, response.text).toBe(409);
    expect(response.body.message).toBe('该申请已办理完成');
    expect(await eventsOf(id, 'cancelled')).toHaveLength(0);
  });

  it('two withdrawals at once: one wins, the other is a conflict', async () => {
    const id = await prepareContactChange();
    const responses = await Promise.all(
      [STAFF, HQ_STAFF].map((userId) => as(userId, 'POST', cancel(CONTACT_AUTHORISATION, id), {})),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await eventsOf(id, 'cancelled')).toHaveLength(1);
  });

  it('a withdrawal and a submission at once: one wins, the other is a conflict', async () => {
    const id = await prepareContactChange();
    const [cancelled, submitted] = await Promise.all([
      as(HQ_STAFF, 'POST', cancel(CONTACT_AUTHORISATION, id), {}),
      submitAs(STAFF, CONTACT_AUTHORISATION, id),
    ]);
    expect([cancelled.status, submitted.status].sort()).toEqual([200, 409]);
    const won = cancelled.status === 200 ? 'cancelled' : 'submitted';
    const lost = won === 'cancelled' ? 'submitted' : 'cancelled';
    expect(await eventsOf(id, won)).toHaveLength(1);
    expect(await eventsOf(id, lost)).toHaveLength(0);
    expect(await statusOf(id)).toBe(won === 'cancelled' ? 'cancelled' : 'document_issued');
  });
});

describe("staff surrender 张伟's annuity on the authorisation", () => {
  let applicationId = '';
  const note = counterActNote(SURRENDER_AUTHORISATION);

  it('prepares it verified and signed on the reviewed recording, paying the authorised account', async () => {
    const created = await as<EndorsementApplication>(
      STAFF,
      'POST',
      prepare(SURRENDER_AUTHORISATION, ANNUITY),
      surrender,
    );
    expect(created.status, created.text).toBe(201);
    applicationId = created.body.applicationId;
    expect(created.body).toMatchObject({
      status: 'signed',
      holder: { name: '张伟' },
      counter: { authorisationId: SURRENDER_AUTHORISATION, name: '上海分公司保全 钱进' },
      preparedBy: { role: 'staff', name: '上海分公司保全 钱进' },
    });
    expect(created.body.figures.payeeAccountMasked).toBe(`**** **** **** ${AUTHORISED_CARD.slice(-4)}`);
    expect(created.text).not.toContain(AUTHORISED_CARD);
    const [made, verified, signed] = created.body.timeline;
    expect(made?.detail).toContain(`${note}（柜面人员 ${STAFF}）`);
    expect(made?.actor).toBe('上海分公司保全 钱进（柜面，代 张伟 办理）');
    expect(verified?.detail).toContain(`SHA-256 ${RECORDING_SHA256}`);
    expect(signed?.detail).toContain('无需另行签署');
    const document = await container.repositories.documents.get(created.body.documentId);
    expect(document).toMatchObject({ status: 'signed', signature: null });
    expect(document?.annotation).toContain(`${note}：投保人张伟以经审核通过的录像授权委托办理本事项`);
    expect(document?.annotation).toContain(`（${STAFF}）`);
  });

  it('is refused after the validity, with the date it ended', async () => {
    shiftMs = 32 * 86_400_000;
    try {
      const refused = await submitAs(STAFF, SURRENDER_AUTHORISATION, applicationId);
      expect(refused.status, refused.text).toBe(403);
      expect(refused.body.message).toBe(
        `录像授权 ${SURRENDER_AUTHORISATION} 已于 ${addDays(TODAY, 30)} 到期，受托人不能再代为办理`,
      );
    } finally {
      shiftMs = 0;
    }
  });

  it('is refused to staff outside the subtree, and through another authorisation', async () => {
    expect((await submitAs('demo-staff-bj', SURRENDER_AUTHORISATION, applicationId)).status).toBe(404);
    expect((await submitAs(STAFF, CONTACT_AUTHORISATION, applicationId)).status).toBe(404);
  });

  it('submits, recording the counter and the staff member, and the 批单 names them', async () => {
    const submitted = await submitAs(STAFF, SURRENDER_AUTHORISATION, applicationId);
    expect(submitted.status, submitted.text).toBe(200);
    const submittedEvent = submitted.body.timeline.find((e) => e.type === 'submitted');
    expect(submittedEvent?.detail).toContain(`${note}（柜面人员 ${STAFF}）`);
    expect(submitted.text).not.toContain(AUTHORISED_CARD);
    expect(submitted.body.status).toBe('document_issued');
    // The outbox consumer issues this 批单 (and the contact change's above).
    await deliverEndorsementEvents(deliverEndorsementEventsDeps(container));
    const application = await container.repositories.documents.get(submitted.body.documentId);
    const endorsement = await container.repositories.documents.get(application?.endorsementDocumentId ?? '');
    expect(endorsement?.annotation).toContain(
      `经投保人张伟以录像授权委托，柜面人员上海分公司保全 钱进（${STAFF}，${note}）`,
    );
    expect((await container.repositories.policies.get(ANNUITY))?.status).toBe('surrendered');
  });
});

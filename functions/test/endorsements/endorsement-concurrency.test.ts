import { randomUUID } from 'node:crypto';
import type {
  CreateEndorsementRequest,
  EndorsementApplication,
} from '@zhixiang/shared/endorsement/application';
import { DIVIDEND_OPTIONS } from '@zhixiang/shared/policy/schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAYEE_CARD_NUMBER } from '../../src/seed/demo-endorsements';
import { demoPolicyNo, useEndorsementStack } from './endorsement-steps';
import { signedDrafts } from './signed-drafts';

/**
 * What the database guarantees under concurrency, through the real handlers against DynamoDB
 * Local: one policy version, one winner; one Idempotency-Key, one loan; one staff decision.
 */
const stack = useEndorsementStack();
const { steps } = stack;
const ZHANG_PL01 = demoPolicyNo('C001', 'PL01');
const WANG_AN02 = demoPolicyNo('C004', 'AN02');

describe('20 loan submissions on one policy at once, each with its own key', () => {
  it('lends once: one is approved, the others are told the policy changed; never above the quota', async () => {
    // Each ¥30,000: two of them would exceed the quota of ¥54,736.40.
    const ids = await signedDrafts(
      stack.container(),
      'demo-customer-c001',
      ZHANG_PL01,
      { type: 'policy_loan', amountCents: 3_000_000 },
      20,
    );
    const results = await Promise.all(
      ids.map((id) => steps.submit('demo-customer-c001', id, {}, randomUUID())),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const refused of results.filter((r) => r.status === 409))
      expect(refused.body).toMatchObject({ message: '保单信息已变更，请刷新后重试' });
    const policy = await stack.container().repositories.policies.get(ZHANG_PL01);
    expect(policy?.loan?.principalCents).toBe(3_000_000);
    const loans = (await stack.container().repositories.endorsements.listPendingDomainEvents(100)).filter(
      (e) => e.policyNo === ZHANG_PL01 && e.endorsementType === 'policy_loan',
    );
    expect(loans).toHaveLength(1);
    // The refused ones are still signed drafts: nothing of them was written.
    const losers = ids.filter((_, i) => results[i]?.status === 409);
    for (const id of losers)
      expect((await stack.container().repositories.endorsements.get(id))?.status).toBe('signed');
    // The customer withdraws them (a signed application can still be cancelled before submission).
    for (const id of losers)
      expect(
        (await (await steps.as('demo-customer-c001')).post(`/endorsements/${id}/cancel`, {})).status,
      ).toBe(200);
  });
});

describe('the same Idempotency-Key sent 20 times', () => {
  it('creates one loan and answers every repeat with the first result', async () => {
    const before = (await stack.container().repositories.policies.get(ZHANG_PL01))?.loan?.principalCents ?? 0;
    const [id = ''] = await signedDrafts(
      stack.container(),
      'demo-customer-c001',
      ZHANG_PL01,
      { type: 'policy_loan', amountCents: 500_000 },
      1,
    );
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => steps.submit('demo-customer-c001', id, {}, key)),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const bodies = results.map((r) => r.body as EndorsementApplication);
    for (const body of bodies) expect(body).toEqual(bodies[0]);
    expect(bodies[0]?.status).toBe('document_issued');
    const after = await stack.container().repositories.policies.get(ZHANG_PL01);
    // The earlier loan's interest is capitalised into the consolidated loan; the new money is lent once.
    expect(after?.loan?.principalCents).toBeGreaterThanOrEqual(before + 500_000);
    expect(after?.loan?.principalCents).toBeLessThan(before + 2 * 500_000);
    const events = await stack.container().repositories.endorsements.listEvents(id);
    expect(events.filter((e) => e.type === 'submitted')).toHaveLength(1);

    const later = await steps.submit('demo-customer-c001', id, {}, key);
    expect(later.status).toBe(200);
    expect(later.body).toEqual(bodies[0]);
    const otherKey = await steps.submit('demo-customer-c001', id, {}, randomUUID());
    expect(otherKey.status).toBe(409);
  });

  it('refuses a financial submission without a valid key, before anything is written', async () => {
    const [id = ''] = await signedDrafts(
      stack.container(),
      'demo-customer-c002',
      demoPolicyNo('C002', 'PL02'),
      { type: 'dividend_withdrawal', amountCents: 10_000 },
      1,
    );
    for (const key of [null, 'short', 'x'.repeat(65), 'has spaces in it 123456']) {
      const response = await steps.submit('demo-customer-c002', id, {}, key);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        field: 'Idempotency-Key',
        message: '提交请求缺少有效的幂等键（Idempotency-Key），请刷新页面后重新提交',
      });
    }
    expect((await stack.container().repositories.endorsements.get(id))?.status).toBe('draft');
    expect((await stack.container().repositories.endorsements.listEvents(id)).map((e) => e.type)).toEqual([
      'created',
    ]);
  });
});

describe('two endorsements of one policy', () => {
  it('lets the first change win and tells the second the policy changed', async () => {
    const [withdrawal = ''] = await signedDrafts(
      stack.container(),
      'demo-customer-c001',
      ZHANG_PL01,
      { type: 'dividend_withdrawal', amountCents: 10_000 },
      1,
    );
    const [option = ''] = await signedDrafts(
      stack.container(),
      'demo-customer-c001',
      ZHANG_PL01,
      { type: 'dividend_option_change', dividendOption: 'cash' },
      1,
    );
    expect((await steps.submit('demo-customer-c001', option, {}, null)).status).toBe(200);
    const stale = await steps.submit('demo-customer-c001', withdrawal);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'CONFLICT', message: '保单信息已变更，请刷新后重试' });
    expect((await stack.container().repositories.endorsements.get(withdrawal))?.status).toBe('signed');
  });
});

describe('two staff decisions at once', () => {
  it('accepts exactly one of approve and reject', async () => {
    const [id = ''] = await signedDrafts(
      stack.container(),
      'demo-customer-c004',
      WANG_AN02,
      {
        type: 'policy_loan',
        amountCents: 1_000_000,
        payeeCard: { cardHolderName: '王芳', cardNumber: DEMO_PAYEE_CARD_NUMBER },
      },
      1,
    );
    const submitted = await steps.submit('demo-customer-c004', id);
    expect(submitted.body).toMatchObject({ status: 'submitted' });
    const staff = await steps.as('demo-staff-sh');
    const headOffice = await steps.as('demo-staff-hq');
    const results = await Promise.all([
      staff.post(`/staff/endorsements/${id}/decision`, { decision: 'approve' }),
      headOffice.post(`/staff/endorsements/${id}/decision`, { decision: 'reject', reason: '收款账户需核实' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const final = await stack.container().repositories.endorsements.get(id);
    const loan = (await stack.container().repositories.policies.get(WANG_AN02))?.loan;
    if (final?.status === 'rejected') expect(loan).toBeNull();
    else expect(loan?.principalCents).toBe(1_000_000);
  });
});

describe('20 creates of one type on one policy at once', () => {
  let optionChange: CreateEndorsementRequest;
  beforeAll(async () => {
    const current = (await stack.container().repositories.policies.get(ZHANG_PL01))?.dividendOption;
    const other = DIVIDEND_OPTIONS.find((option) => option !== current)!;
    optionChange = { type: 'dividend_option_change', dividendOption: other };
  });

  it('opens one draft; the others get 409 naming it, and none of them prepared a 批单', async () => {
    const container = stack.container();
    const documentsBefore = (await container.repositories.documents.listByHolder('C001')).length;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => steps.create('demo-customer-c001', ZHANG_PL01, optionChange)),
    );
    const created = results.filter((r) => r.status === 201 || r.status === 200);
    const refused = results.filter((r) => r.status === 409);
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(19);
    const draft = created[0]!.body as EndorsementApplication;
    expect(draft.status).toBe('draft');
    for (const response of refused)
      expect(response.body).toMatchObject({
        code: 'CONFLICT',
        message: `该保单已有办理中的红利领取方式变更申请（${draft.applicationId}），请继续办理或先撤销`,
        // The app links to it.
        relatedId: draft.applicationId,
      });
    const open = (await container.repositories.endorsements.listByHolder('C001')).filter(
      (a) => a.policyNo === ZHANG_PL01 && a.type === 'dividend_option_change' && a.status === 'draft',
    );
    expect(open.map((a) => a.applicationId)).toEqual([draft.applicationId]);
    expect((await container.repositories.documents.listByHolder('C001')).length).toBe(documentsBefore + 1);

    // Cancelling frees the type on the policy: the next application is accepted.
    expect(
      (await (await steps.as('demo-customer-c001')).post(`/endorsements/${draft.applicationId}/cancel`, {}))
        .status,
    ).toBe(200);
    const again = await steps.create('demo-customer-c001', ZHANG_PL01, optionChange);
    expect([200, 201]).toContain(again.status);
    expect(
      (
        await (
          await steps.as('demo-customer-c001')
        ).post(`/endorsements/${(again.body as EndorsementApplication).applicationId}/cancel`, {})
      ).status,
    ).toBe(200);
  });

  it('takes over a slot whose application never came to exist once its reservation is old', async () => {
    const container = stack.container();
    const slot = { policyNo: ZHANG_PL01, type: 'dividend_option_change' as const };
    // A create that crashed after reserving: the slot names an application that does not exist.
    expect(
      await container.repositories.endorsements.reserveOpenApplication(
        slot,
        'EA-CRASHED',
        container.now() - 120_000,
      ),
    ).toBeNull();
    const response = await steps.create('demo-customer-c001', ZHANG_PL01, optionChange);
    expect([200, 201]).toContain(response.status);
    const id = (response.body as EndorsementApplication).applicationId;
    expect((await (await steps.as('demo-customer-c001')).post(`/endorsements/${id}/cancel`, {})).status).toBe(
      200,
    );
  });

  it('refuses to cancel while its 批单 is being signed, instead of discarding it under the signer', async () => {
    const container = stack.container();
    const response = await steps.create('demo-customer-c001', ZHANG_PL01, optionChange);
    expect([200, 201]).toContain(response.status);
    const { applicationId, documentId } = response.body as EndorsementApplication;
    const document = (await container.repositories.documents.get(documentId!))!;
    const now = container.now();
    expect(
      await container.repositories.documents.claimSigning({
        documentId: document.documentId,
        expectedVersion: document.version,
        claimId: 'signing-now',
        now,
        until: now + 60_000,
      }),
    ).toBe(true);
    const customer = await steps.as('demo-customer-c001');
    const refused = await customer.post(`/endorsements/${applicationId}/cancel`, {});
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ message: '申请书刚刚已签署，请刷新后再操作' });
    expect(await container.repositories.documents.get(document.documentId)).not.toBeNull();

    // The signer gave up: the claim is gone and the cancellation goes through.
    await container.repositories.documents.releaseSigning(document.documentId, 'signing-now');
    expect((await customer.post(`/endorsements/${applicationId}/cancel`, {})).status).toBe(200);
  });
});

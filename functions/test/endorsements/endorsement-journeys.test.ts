import type {
  EndorsementApplication,
  EndorsementListResponse,
  EndorsementOptions,
  EndorsementReviewQueue,
} from '@zhixiang/shared/endorsement/application';
import {
  EndorsementApplicationSchema,
  EndorsementOptionsSchema,
} from '@zhixiang/shared/endorsement/application';
import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMERS } from '../../src/seed/demo-data';
import { DEMO_PAYEE_CARD_NUMBER } from '../../src/seed/demo-endorsements';
import { demoPolicyNo, useEndorsementStack } from './endorsement-steps';

/**
 * Every endorsement type end to end through the real gateway, DynamoDB Local and s3rver, on the
 * demo data: create → identity (the identity feature's sandbox) → sign the 电子批单 → submit →
 * approved automatically or by staff → effective (the policy changed) → document issued.
 */
const stack = useEndorsementStack();
const { steps } = stack;

const ZHANG_PL01 = demoPolicyNo('C001', 'PL01');
const ZHANG_AN01 = demoPolicyNo('C001', 'AN01');
const LI_PL02 = demoPolicyNo('C002', 'PL02');
const WANG_AN02 = demoPolicyNo('C004', 'AN02');
const WU_PL03 = demoPolicyNo('C011', 'PL03');
const customer = (id: string) => DEMO_CUSTOMERS.find((c) => c.customerId === id)!;

function expectIssued(application: EndorsementApplication) {
  expect(application.status).toBe('document_issued');
  expect(application.timeline.map((e) => e.type)).toEqual([
    'created',
    'identity_verified',
    'signed',
    ...(application.phoneConfirmation ? ['phone_confirmed'] : []),
    'submitted',
    'approved',
    'effective',
    'document_issued',
    // A change that pays the customer instructs the payout in the same transaction.
    ...(application.payout ? ['payout_instructed'] : []),
  ]);
  expect(EndorsementApplicationSchema.safeParse(application).success).toBe(true);
}

describe('张伟 (self-service) through every type on his policies', () => {
  it('shows what he can do on his participating policy, with 可贷金额 and 年利率', async () => {
    const response = await (await steps.as('demo-customer-c001')).get<EndorsementOptions>(
      `/policies/${ZHANG_PL01}/endorsements/options`,
    );
    expect(response.status, response.text).toBe(200);
    expect(EndorsementOptionsSchema.safeParse(response.body).success).toBe(true);
    // 80% × ¥68,420.50, rounded down.
    expect(response.body.loan).toMatchObject({ quotaCents: 5_473_640, annualRateBasisPoints: 500 });
    expect(response.body.options.find((o) => o.type === 'loan_repayment')).toMatchObject({
      available: false,
      unavailableReason: '该保单没有未还清的贷款',
    });
    expect(response.body.dividends).toMatchObject({ accumulatedCents: 865_032, option: 'accumulate' });
    expect(response.body.contact.phoneMasked).toMatch(/^138\*{4}\d{4}$/);
    expect(response.text).not.toContain(customer('C001').phone);
  });

  it('changes his phone and address: the new phone confirmed by a code texted to it', async () => {
    const created = await steps.create('demo-customer-c001', ZHANG_PL01, {
      type: 'contact_change',
      phone: '13912340001',
      address: '上海市徐汇区漕溪北路88号2201室',
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      nextStep: 'verify_identity',
      identityPurpose: `endorsement:${created.body.applicationId}`,
      phoneConfirmation: { phoneMasked: '139****0001', confirmed: false },
    });
    expect(created.text).not.toContain('13912340001');
    await steps.verifyAndSign('demo-customer-c001', created.body.documentId);
    const signed = await steps.get('demo-customer-c001', created.body.applicationId);
    expect(signed.body).toMatchObject({ status: 'signed', nextStep: 'confirm_phone', documentSigned: true });

    const withoutCode = await steps.submit('demo-customer-c001', created.body.applicationId, {}, null);
    expect(withoutCode.status).toBe(400);
    expect(withoutCode.body).toMatchObject({ field: 'phoneCode' });
    const code = await steps.newPhoneCode('demo-customer-c001', created.body.applicationId, '13912340001');
    const submitted = await steps.submit(
      'demo-customer-c001',
      created.body.applicationId,
      { phoneCode: code },
      null,
    );
    expect(submitted.status, submitted.text).toBe(200);
    expectIssued(submitted.body);
    const holder = await stack.container().repositories.customers.get('C001');
    expect(holder).toMatchObject({ phone: '13912340001', address: '上海市徐汇区漕溪北路88号2201室' });
  });

  it('borrows against the policy: the loan is on the policy and the version moved on', async () => {
    const before = await stack.container().repositories.policies.get(ZHANG_PL01);
    const { submitted } = await steps.complete('demo-customer-c001', ZHANG_PL01, {
      type: 'policy_loan',
      amountCents: 1_000_000,
    });
    expect(submitted.status, submitted.text).toBe(200);
    expectIssued(submitted.body);
    expect(submitted.body.figures).toMatchObject({ amountCents: 1_000_000, annualRateBasisPoints: 500 });
    const after = await stack.container().repositories.policies.get(ZHANG_PL01);
    expect(after?.loan?.principalCents).toBe(1_000_000);
    expect(after?.version).toBe((before?.version ?? 0) + 1);
    const outbox = await stack.container().repositories.endorsements.listPendingDomainEvents(50);
    expect(outbox).toContainEqual(
      expect.objectContaining({
        type: 'endorsement.effective',
        applicationId: submitted.body.applicationId,
        policyNo: ZHANG_PL01,
        endorsementType: 'policy_loan',
        amountCents: 1_000_000,
      }),
    );
  });

  it('withdraws dividends and then changes the dividend option', async () => {
    const withdrawal = await steps.complete('demo-customer-c001', ZHANG_PL01, {
      type: 'dividend_withdrawal',
      amountCents: 100_000,
    });
    expect(withdrawal.submitted.status, withdrawal.submitted.text).toBe(200);
    expectIssued(withdrawal.submitted.body);
    expect((await stack.container().repositories.policies.get(ZHANG_PL01))?.accumulatedDividendsCents).toBe(
      765_032,
    );

    const option = await steps.complete('demo-customer-c001', ZHANG_PL01, {
      type: 'dividend_option_change',
      dividendOption: 'cash',
    });
    expect(option.submitted.status, option.submitted.text).toBe(200);
    expectIssued(option.submitted.body);
    expect((await stack.container().repositories.policies.get(ZHANG_PL01))?.dividendOption).toBe('cash');
  });

  it('moves his renewal premiums to another card of his own', async () => {
    const { submitted } = await steps.complete('demo-customer-c001', ZHANG_PL01, {
      type: 'renewal_account_change',
      cardHolderName: '张伟',
      cardNumber: DEMO_PAYEE_CARD_NUMBER,
    });
    expect(submitted.status, submitted.text).toBe(200);
    expectIssued(submitted.body);
    expect(submitted.text).not.toContain(DEMO_PAYEE_CARD_NUMBER);
    expect((await stack.container().repositories.policies.get(ZHANG_PL01))?.renewalAccount).toEqual({
      bankName: '中国工商银行',
      accountNumber: DEMO_PAYEE_CARD_NUMBER,
    });
  });

  it('surrenders his new annuity inside the cooling-off period, having seen the loss', async () => {
    const options = await (await steps.as('demo-customer-c001')).get<EndorsementOptions>(
      `/policies/${ZHANG_AN01}/endorsements/options`,
    );
    const quote = options.body.surrender;
    expect(quote).toMatchObject({
      inCoolingOff: true,
      feeCents: 1000,
      refundCents: 1_999_000,
      lossCents: 1000,
    });
    const { submitted } = await steps.complete('demo-customer-c001', ZHANG_AN01, {
      type: 'surrender',
      acknowledgedLossCents: quote?.lossCents ?? -1,
    });
    expect(submitted.status, submitted.text).toBe(200);
    expectIssued(submitted.body);
    expect((await stack.container().repositories.policies.get(ZHANG_AN01))?.status).toBe('surrendered');
  });
});

describe('李娜 repays her policy loan', () => {
  it('is approved with the interest accrued to today, and waits 待支付: no effect without the money', async () => {
    const { submitted } = await steps.complete('demo-customer-c002', LI_PL02, {
      type: 'loan_repayment',
      kind: 'full',
    });
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'awaiting_payment', nextStep: 'pay' });
    expect(submitted.body.figures.interestPaidCents).toBeGreaterThan(0);
    expect(submitted.body.payment?.amountCents).toBe(submitted.body.figures.amountCents);
    // The loan stands until WeChat Pay confirms the payment (functions/test/payments/).
    expect((await stack.container().repositories.policies.get(LI_PL02))?.loan).not.toBeNull();
  });
});

describe('吴刚 changes the beneficiaries of the policy on his wife, prepared by his agent', () => {
  it('needs 徐丽 (the insured) to verify and sign her consent before it can be submitted', async () => {
    const created = await steps.create('demo-agent-a003', WU_PL03, {
      type: 'beneficiary_change',
      beneficiaries: [
        {
          name: '吴刚',
          relation: '配偶',
          order: 1,
          shareBasisPoints: 6000,
          idNumber: customer('C011').idNumber,
        },
        {
          name: '马琳',
          relation: '父母',
          order: 1,
          shareBasisPoints: 4000,
          idNumber: customer('C014').idNumber,
        },
      ],
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body.preparedBy).toEqual({ role: 'agent', name: '赵志强' });
    expect(created.body.insuredConsent).toMatchObject({ customerId: 'C012', name: '徐丽', signed: false });
    const id = created.body.applicationId;

    // The agent's "link" is the application page: 吴刚 opens it in his own WeChat.
    expect((await steps.get('demo-customer-c011', id)).status).toBe(200);
    await steps.verifyAndSign('demo-customer-c011', created.body.documentId);
    const waiting = await steps.get('demo-customer-c011', id);
    expect(waiting.body).toMatchObject({ status: 'signed', nextStep: 'insured_consent' });
    const early = await steps.submit('demo-customer-c011', id);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ field: 'insuredConsent' });

    // 徐丽 signs her consent on the agent's device, in person.
    await steps.verifyAndSign(
      'demo-customer-c012',
      created.body.insuredConsent?.documentId ?? '',
      'demo-agent-a003',
    );
    const submitted = await steps.submit('demo-agent-a003', id);
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body.status).toBe('document_issued');
    expect(submitted.body.timeline.map((e) => e.type)).toContain('insured_consented');
    expect(submitted.body.timeline.find((e) => e.type === 'created')?.actor).toBe(
      '赵志强（业务员，代 吴刚 办理）',
    );
    expect(submitted.text).not.toContain(customer('C014').idNumber);
    const policy = await stack.container().repositories.policies.get(WU_PL03);
    expect(policy?.beneficiaries.map((b) => [b.name, b.shareBasisPoints])).toEqual([
      ['吴刚', 6000],
      ['马琳', 4000],
    ]);
  });
});

describe('王芳 (61) borrows by herself: staff review', () => {
  it('goes to 保全审核 of her branch, where Shanghai staff approve it and Beijing staff never see it', async () => {
    const { created, submitted } = await steps.complete('demo-customer-c004', WANG_AN02, {
      type: 'policy_loan',
      amountCents: 2_000_000,
      payeeCard: { cardHolderName: '王芳', cardNumber: DEMO_PAYEE_CARD_NUMBER },
    });
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', nextStep: 'await_review' });
    expect(submitted.body.reviewReasons).toEqual(['60 周岁以上客户自助申请贷款，需人工审核']);
    expect((await stack.container().repositories.policies.get(WANG_AN02))?.loan).toBeNull();

    const queue = await (await steps.as('demo-staff-sh')).get<EndorsementReviewQueue>('/staff/endorsements');
    expect(queue.body.applications.map((a) => a.applicationId)).toContain(created.applicationId);
    const beijing = await (await steps.as('demo-staff-bj')).get<EndorsementReviewQueue>(
      '/staff/endorsements',
    );
    expect(beijing.body.applications.map((a) => a.applicationId)).not.toContain(created.applicationId);
    expect(
      (
        await (
          await steps.as('demo-staff-bj')
        ).post(`/staff/endorsements/${created.applicationId}/decision`, {
          decision: 'approve',
        })
      ).status,
    ).toBe(404);

    const approved = await (await steps.as('demo-staff-sh')).post<EndorsementApplication>(
      `/staff/endorsements/${created.applicationId}/decision`,
      { decision: 'approve', reason: '已电话核实本人意愿' },
    );
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body).toMatchObject({ status: 'document_issued', decision: { decision: 'approve' } });
    expect((await stack.container().repositories.policies.get(WANG_AN02))?.loan?.principalCents).toBe(
      2_000_000,
    );
    const mine = await (await steps.as('demo-customer-c004')).get<EndorsementListResponse>(
      '/me/endorsements',
    );
    expect(mine.body.applications[0]).toMatchObject({
      applicationId: created.applicationId,
      status: 'document_issued',
    });
  });
});

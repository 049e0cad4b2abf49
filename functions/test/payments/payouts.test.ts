import { randomUUID } from 'node:crypto';
import { defaultBusinessCalendar } from '@zhixiang/shared/complaints/calendar';
import type { EndorsementApplication } from '@zhixiang/shared/endorsement/application';
import { luhnCheckDigit } from '@zhixiang/shared/endorsement/renewal-account-change';
import {
  PAYOUT_ALREADY_PAID_MESSAGE,
  PAYOUT_AMOUNT_MISMATCH_MESSAGE,
  PAYOUT_NOT_FAILED_MESSAGE,
  PAYOUT_SUPERSEDED_MESSAGE,
} from '@zhixiang/shared/payments/payout';
import type { PayoutView, ReconciliationResponse } from '@zhixiang/shared/payments/schemas';
import type { PayoutInstructionRecord } from '@zhixiang/shared/ports/payout-instructions';
import { SEEDED_STANDARDS } from '@zhixiang/shared/standards/catalogue';
import { inEventOrder, measureCase } from '@zhixiang/shared/standards/measure';
import { beforeAll, describe, expect, it } from 'vitest';
import { financeSignatureHeaders } from '../../src/payments/adapters/finance-client';
import { DynamoPayoutInstructions } from '../../src/payments/adapters/payout-instructions';
import {
  deliverPayoutInstruction,
  deliverPayoutInstructions,
} from '../../src/payments/use-cases/deliver-payout-instructions';
import { reconcilePayouts } from '../../src/payments/use-cases/reconcile-payouts';
import { payoutDeps } from '../../src/payments/wiring';
import { GetCommand, TransactWriteCommand } from '../../src/platform/dynamodb/document-client';
import { demoPolicyNo, useEndorsementStack } from '../endorsements/endorsement-steps';
import { type FinanceFake, startFinanceFake } from '../support/finance-fake';

/**
 * Payouts through the real gateway, DynamoDB Local and the real finance client against its HTTP
 * fake: the instruction written with the effect, delivered by the outbox with retries over a
 * signed request, the signed results moving 待付款 → 已付款 / 付款失败 exactly once, another
 * account of the customer's own after a failure, and the reconciliation list for finance staff.
 */
const SECRET = 'finance-test-secret-0123456789abcdef-0123456789';
let finance: FinanceFake;
beforeAll(async () => {
  finance = await startFinanceFake(SECRET);
  Object.assign(process.env, {
    FINANCE_PROVIDER: 'http',
    FINANCE_API_BASE_URL: finance.url,
    FINANCE_SIGNING_SECRET: SECRET,
  });
  return () => finance.close();
});
const stack = useEndorsementStack();
const { steps } = stack;
const ZHANG = 'demo-customer-c001';
const LI = 'demo-customer-c002';
const ZHANG_PL01 = demoPolicyNo('C001', 'PL01');
const LI_PL02 = demoPolicyNo('C002', 'PL02');
/** 李娜's own other card (a supported bank's BIN, a valid Luhn digit). */
const LI_NEW_CARD = `621700000011223344${luhnCheckDigit('621700000011223344')}`;

const deps = (now?: number) => {
  const container = stack.container();
  return payoutDeps(now === undefined ? container : { ...container, now: () => now });
};
const instruction = async (reference: string) =>
  (await stack.container().payoutInstructions.get(reference)) as PayoutInstructionRecord;

/** The finance system's signed result, as docs/payments.md documents it. */
async function postResult(body: Record<string, unknown>, headers?: Record<string, string>) {
  const rawBody = JSON.stringify(body);
  return stack.api().request<Record<string, unknown>>('POST', '/payouts/results', {
    rawBody,
    headers: {
      'content-type': 'application/json',
      ...(headers ?? financeSignatureHeaders(SECRET, rawBody, Date.now())),
    },
  });
}

async function effective(userId: string, policyNo: string, body: Parameters<typeof steps.complete>[2]) {
  const { submitted } = await steps.complete(userId, policyNo, body);
  expect(submitted.status, submitted.text).toBe(200);
  return submitted.body;
}

const pendingDomainEvents = async (applicationId: string) =>
  (await stack.container().repositories.endorsements.listPendingDomainEvents(500)).filter(
    (e) => e.applicationId === applicationId,
  );
const countOf = (application: EndorsementApplication, type: string) =>
  application.timeline.filter((e) => e.type === type).length;

describe('张伟 takes a policy loan, and the money moves', () => {
  let application: EndorsementApplication;
  let reference: string;

  it('writes the payout instruction with the effect: 待付款, the account encrypted at rest and masked', async () => {
    application = await effective(ZHANG, ZHANG_PL01, { type: 'policy_loan', amountCents: 1_000_000 });
    expect(application.status).toBe('document_issued');
    expect(application.payout).toMatchObject({
      amountCents: 1_000_000,
      status: 'pending',
      statusLabel: '待付款',
      paidAt: null,
      failureReason: null,
    });
    expect(application.payout?.accountMasked).toMatch(/^\*{4} \*{4} \*{4} \d{4}$/);
    expect(application.timeline.at(-1)).toMatchObject({ type: 'payout_instructed', label: '已发起付款' });
    reference = application.payout?.reference ?? '';
    const stored = await instruction(reference);
    expect(stored).toMatchObject({
      applicationId: application.applicationId,
      amountCents: 1_000_000,
      status: 'pending',
      payeeName: '张伟',
      deliveredAt: null,
    });
    // At rest: ciphertext only, never the account number.
    const { Item } = await stack.container().table.client.send(
      new GetCommand({
        TableName: stack.container().table.table,
        Key: { pk: `PAYOUT#${reference}`, sk: 'PAYOUT' },
      }),
    );
    expect(JSON.stringify(Item)).not.toContain(stored.account.accountNumber);
    expect(Item?.accountCipher).toEqual(expect.any(String));
  });

  it('delivers it over a signed request, retrying a failure on the outbox schedule, paying once', async () => {
    finance.failNext(1, 503);
    const first = await deliverPayoutInstructions(deps());
    expect(first).toMatchObject({ due: 1, delivered: 0, failed: 1 });
    expect(await instruction(reference)).toMatchObject({ attempts: 1, deliveredAt: null });
    expect((await instruction(reference)).lastError).toMatch(/503/);
    // Not due again before its next attempt (1 minute later).
    expect(await deliverPayoutInstructions(deps())).toMatchObject({ due: 0 });
    const later = await deliverPayoutInstructions(deps(Date.now() + 61_000));
    expect(later).toMatchObject({ due: 1, delivered: 1, failed: 0 });
    expect((await instruction(reference)).deliveredAt).toEqual(expect.any(Number));
    const sent = [...finance.instructions.values()].find((i) => i.body.reference === reference);
    expect(sent?.body).toMatchObject({
      amountCents: 1_000_000,
      currency: 'CNY',
      purpose: 'policy_loan',
      policyNo: ZHANG_PL01,
      payee: {
        name: '张伟',
        bankName: expect.any(String),
        accountNumber: expect.stringMatching(/^\d{16,19}$/),
      },
    });
    // A retry after a lost answer carries the same idempotency key: finance pays it once.
    await deliverPayoutInstruction(deps(), await instruction(reference));
    expect([...finance.instructions.values()].filter((i) => i.body.reference === reference)).toHaveLength(1);
    expect(finance.requests.at(-1)?.status).toBe(200);
  });

  it('refuses forged, unknown, wrong-amount and replayed results with precise messages, changing nothing', async () => {
    const body = { reference, outcome: 'paid', amountCents: 1_000_000 };
    const rawBody = JSON.stringify(body);
    const forged = financeSignatureHeaders('another-secret-0123456789abcdef-0123', rawBody, Date.now());
    expect((await postResult(body, forged)).body).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: '签名校验失败',
    });
    const stale = financeSignatureHeaders(SECRET, rawBody, Date.now() - 10 * 60_000);
    const staleAnswer = await postResult(body, stale);
    expect(staleAnswer.status).toBe(401);
    expect(staleAnswer.body.message).toBe('请求时间戳无效或已过期');
    const unknown = await postResult({ ...body, reference: 'PO20261205ABCDEFGHJKLM' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('未找到该付款指令：PO20261205ABCDEFGHJKLM');
    const wrongAmount = await postResult({ ...body, amountCents: 999_999 });
    expect(wrongAmount.status).toBe(400);
    expect(wrongAmount.body.message).toBe(PAYOUT_AMOUNT_MISMATCH_MESSAGE);
    const noReason = await postResult({ ...body, outcome: 'failed' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toBe('付款失败或退票时须说明原因');
    const fractional = await postResult({ ...body, amountCents: 1_000_000.5 });
    expect(fractional.status).toBe(400);
    expect(fractional.body.message).toBe('付款金额应为以分为单位的整数');
    const shown = await steps.get(ZHANG, application.applicationId);
    expect(shown.body.payout?.status).toBe('pending');
  });

  it('moves 待付款 → 已付款 once: 已到账 in the timeline with its time, and the payout.paid event', async () => {
    const body = { reference, outcome: 'paid', amountCents: 1_000_000, financeReference: 'FIN-0001' };
    const rawBody = JSON.stringify(body);
    const headers = financeSignatureHeaders(SECRET, rawBody, Date.now());
    const paid = await postResult(body, headers);
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body).toEqual({ reference, status: 'paid', applied: true });
    // The same request again (its nonce spent) is a replay.
    const replay = await postResult(body, headers);
    expect(replay.status).toBe(401);
    expect(replay.body.message).toBe('重复的请求已被拒绝');
    // The same result, freshly signed: answered, nothing changes.
    expect((await postResult(body)).body).toEqual({ reference, status: 'paid', applied: false });
    // A failure after payment is refused: only the bank's return can still come.
    const contradicting = await postResult({ ...body, outcome: 'failed', reason: '账户已冻结' });
    expect(contradicting.status).toBe(409);
    expect(contradicting.body.message).toBe(PAYOUT_ALREADY_PAID_MESSAGE);

    const shown = (await steps.get(ZHANG, application.applicationId)).body;
    expect(shown.payout).toMatchObject({ status: 'paid', statusLabel: '已付款', paidAt: expect.any(String) });
    expect(countOf(shown, 'payout_paid')).toBe(1);
    const arrived = shown.timeline.find((e) => e.type === 'payout_paid');
    expect(arrived).toMatchObject({ label: '已到账', at: expect.any(String) });
    expect(arrived?.detail).toMatch(/^¥10,000\.00 已到账（.+ \*{4} \*{4} \*{4} \d{4}），付款指令 PO/);
    expect(
      (await pendingDomainEvents(application.applicationId)).filter((e) => e.type === 'payout.paid'),
    ).toEqual([
      expect.objectContaining({
        type: 'payout.paid',
        amountCents: 1_000_000,
        endorsementType: 'policy_loan',
      }),
    ]);
    expect(await instruction(reference)).toMatchObject({
      status: 'paid',
      result: { outcome: 'paid', financeReference: 'FIN-0001' },
    });
    // The service standard "loan paid ≤ 1 business day after approval" measures these steps.
    const measured = inEventOrder(
      await stack.container().measurements.listCase(`endorsement:${application.applicationId}`),
    );
    expect(measured.map((e) => e.type)).toEqual(
      expect.arrayContaining(['policy_loan.payout_instructed', 'policy_loan.payout_paid']),
    );
    const loanPaid = SEEDED_STANDARDS.find((s) => s.standardId === 'policy_loan_paid');
    expect(loanPaid && measureCase(loanPaid, measured, defaultBusinessCalendar, Date.now())).toMatchObject({
      status: 'met',
      stopAt: measured.find((e) => e.type === 'policy_loan.payout_paid')?.at,
    });
  });
});

describe('the bank returns a payout already reported paid (退票)', () => {
  it('moves 已付款 → 付款失败 once, keeps the paid result, and asks for another account', async () => {
    const application = await effective('demo-customer-c011', demoPolicyNo('C011', 'PL05'), {
      type: 'policy_loan',
      amountCents: 500_000,
    });
    const reference = application.payout?.reference ?? '';
    await deliverPayoutInstructions(deps());
    const paid = { reference, outcome: 'paid', amountCents: 500_000, financeReference: 'FIN-0002' };
    expect((await postResult(paid)).body).toMatchObject({ status: 'paid', applied: true });

    const returned = { reference, outcome: 'returned', amountCents: 500_000, reason: '收款账户已冻结' };
    const answers = await Promise.all([postResult(returned), postResult(returned)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers.map((a) => a.body.applied).sort()).toEqual([false, true]);
    // The transfer was returned: a late paid result is refused.
    const late = await postResult(paid);
    expect(late.status).toBe(409);

    const shown = (await steps.get('demo-customer-c011', application.applicationId)).body;
    expect(shown.payout).toMatchObject({
      status: 'failed',
      statusLabel: '付款失败',
      failureReason: '收款账户已冻结',
    });
    expect(shown.actions.canChangePayoutAccount).toBe(true);
    expect(shown.timeline.map((e) => e.type).slice(-2)).toEqual(['payout_paid', 'payout_failed']);
    expect(shown.timeline.at(-1)?.detail).toMatch(/^银行退票：收款账户已冻结（.+，付款指令 PO\w+）/);
    expect(
      (await pendingDomainEvents(application.applicationId))
        .map((e) => e.type)
        .filter((t) => t.startsWith('payout.')),
    ).toEqual(['payout.paid', 'payout.failed']);
    expect(await instruction(reference)).toMatchObject({
      status: 'failed',
      result: { outcome: 'returned', reason: '收款账户已冻结' },
    });
    const stored = await stack.container().table.client.send(
      new GetCommand({
        TableName: stack.container().table.table,
        Key: { pk: `PAYOUT#${reference}`, sk: 'PAYOUT' },
      }),
    );
    expect(stored.Item?.paidResult).toMatchObject({ outcome: 'paid', financeReference: 'FIN-0002' });
  });
});

describe('李娜 withdraws dividends: two results at once, a closed card, another card of her own', () => {
  let application: EndorsementApplication;
  let first: string;
  let second: string;

  it('applies one of two results racing for one instruction', async () => {
    application = await effective(LI, LI_PL02, { type: 'dividend_withdrawal', amountCents: 10_000 });
    first = application.payout?.reference ?? '';
    await deliverPayoutInstructions(deps());
    const body = { reference: first, outcome: 'failed', amountCents: 10_000, reason: '账户已销户' };
    const answers = await Promise.all([postResult(body), postResult(body), postResult(body)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.filter((a) => a.body.applied === true)).toHaveLength(1);
    const shown = (await steps.get(LI, application.applicationId)).body;
    expect(shown.payout).toMatchObject({
      status: 'failed',
      statusLabel: '付款失败',
      failureReason: '账户已销户',
    });
    expect(shown.actions.canChangePayoutAccount).toBe(true);
    expect(countOf(shown, 'payout_failed')).toBe(1);
    expect(shown.timeline.at(-1)?.detail).toMatch(
      /^付款失败：账户已销户（.+，付款指令 PO\w+）；请更换本人的其他银行卡收款$/,
    );
    expect((await pendingDomainEvents(application.applicationId)).map((e) => e.type)).toContain(
      'payout.failed',
    );
  });

  it('refuses a card that is not hers, and anyone but her', async () => {
    const path = `/endorsements/${application.applicationId}/payout-account`;
    const notHers = await (await steps.as(LI)).post(path, {
      cardHolderName: '张伟',
      cardNumber: LI_NEW_CARD,
    });
    expect(notHers.status).toBe(400);
    expect(JSON.stringify(notHers.body)).toMatch(/户名|本人/);
    const badNumber = await (await steps.as(LI)).post(path, {
      cardHolderName: '李娜',
      cardNumber: '6217000000112233440',
    });
    expect(badNumber.status).toBe(400);
    expect(
      (
        await (
          await steps.as('demo-customer-c011')
        ).post(path, { cardHolderName: '李娜', cardNumber: LI_NEW_CARD })
      ).status,
    ).toBe(404);
    expect(
      (
        await (
          await steps.as('demo-agent-a001')
        ).post(path, { cardHolderName: '李娜', cardNumber: LI_NEW_CARD })
      ).status,
    ).toBe(403);
    expect((await instruction(first)).status).toBe('failed');
  });

  it('re-issues the instruction to her new card with a new key, without starting over, then pays', async () => {
    const path = `/endorsements/${application.applicationId}/payout-account`;
    const changed = await (await steps.as(LI)).post<PayoutView>(path, {
      cardHolderName: '李娜',
      cardNumber: LI_NEW_CARD,
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ status: 'pending', statusLabel: '待付款', amountCents: 10_000 });
    expect(changed.body.accountMasked).toBe(`**** **** **** ${LI_NEW_CARD.slice(-4)}`);
    second = changed.body.reference;
    expect(second).not.toBe(first);
    const [old, reissued] = [await instruction(first), await instruction(second)];
    expect(old.status).toBe('superseded');
    expect(reissued).toMatchObject({
      status: 'pending',
      amountCents: 10_000,
      account: { accountNumber: LI_NEW_CARD },
    });
    expect(reissued.idempotencyKey).not.toBe(old.idempotencyKey);
    // Only once a failure asks for it.
    const again = await (await steps.as(LI)).post(path, { cardHolderName: '李娜', cardNumber: LI_NEW_CARD });
    expect(again.status).toBe(409);
    expect((again.body as { message: string }).message).toBe(PAYOUT_NOT_FAILED_MESSAGE);
    // The superseded instruction takes no result.
    const late = await postResult({ reference: first, outcome: 'paid', amountCents: 10_000 });
    expect(late.status).toBe(409);
    expect(late.body.message).toBe(PAYOUT_SUPERSEDED_MESSAGE);

    await deliverPayoutInstructions(deps());
    const sent = [...finance.instructions.values()].find((i) => i.body.reference === second);
    expect(sent?.idempotencyKey).toBe(reissued.idempotencyKey);
    expect(
      (await postResult({ reference: second, outcome: 'paid', amountCents: 10_000 })).body,
    ).toMatchObject({
      applied: true,
    });
    const shown = (await steps.get(LI, application.applicationId)).body;
    expect(shown.status).toBe('document_issued');
    expect(shown.payout).toMatchObject({ reference: second, status: 'paid' });
    expect(shown.timeline.map((e) => e.type).slice(-4)).toEqual([
      'payout_failed',
      'payout_account_changed',
      'payout_instructed',
      'payout_paid',
    ]);
  });
});

describe('no payout without an effective application', () => {
  it('instructs nothing while a loan awaits review, and instructs it on approval', async () => {
    const WANG_AN02 = demoPolicyNo('C004', 'AN02');
    const { submitted } = await steps.complete('demo-customer-c004', WANG_AN02, {
      type: 'policy_loan',
      amountCents: 2_000_000,
      payeeCard: { cardHolderName: '王芳', cardNumber: LI_NEW_CARD },
    });
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', payout: null });
    const decided = await (await steps.as('demo-staff-sh')).post<EndorsementApplication>(
      `/staff/endorsements/${submitted.body.applicationId}/decision`,
      { decision: 'approve' },
    );
    expect(decided.status, decided.text).toBe(200);
    expect(decided.body.payout).toMatchObject({ status: 'pending', amountCents: 2_000_000 });
  });
});

describe('reconciliation: payouts with no result after N business days', () => {
  it('lists them daily for finance staff of the branch subtree only', async () => {
    const loan = await effective(ZHANG, ZHANG_PL01, { type: 'policy_loan', amountCents: 500_000 });
    const reference = loan.payout?.reference ?? '';
    await deliverPayoutInstructions(deps());
    // A Beijing payout left without a result too (written as the engine writes one).
    const container = stack.container();
    const beijing: PayoutInstructionRecord = {
      ...(await instruction(reference)),
      reference: 'PO20261201BEIJING23456',
      idempotencyKey: randomUUID(),
      branchPath: 'HQ/BJ',
      payeeName: '吴刚',
      deliveredAt: null,
    };
    const items = await new DynamoPayoutInstructions(container.table, container.fieldCipher).transactItems([
      { kind: 'issue', instruction: beijing },
    ]);
    await container.table.client.send(new TransactWriteCommand({ TransactItems: items }));
    await container.repositories.users.put({
      userId: 'test-staff-bj-finance',
      role: 'staff',
      displayName: '北京分公司财务',
      openid: null,
      customerId: null,
      agentId: null,
      branchId: 'BJ',
      branchPath: 'HQ/BJ',
      privacyConsentVersion: null,
      privacyConsentedAt: null,
      duties: ['finance'],
    });

    // Today nothing is late.
    expect(await reconcilePayouts(deps())).toMatchObject({ listed: 0 });
    const shFinance = async () =>
      (await steps.as('demo-staff-sh-finance')).get<ReconciliationResponse>('/staff/payouts/reconciliation');
    expect((await shFinance()).body.items.map((i) => i.reference)).not.toContain(reference);
    // Ten calendar days on, every instruction still pending is past 3 business days.
    const report = await reconcilePayouts(deps(Date.now() + 10 * 86_400_000));
    expect(report.listed).toBeGreaterThanOrEqual(2);
    expect((await reconcilePayouts(deps(Date.now() + 10 * 86_400_000))).listed).toBe(0);

    const sh = await shFinance();
    expect(sh.status, sh.text).toBe(200);
    expect(sh.body.resultBusinessDays).toBe(3);
    const line = sh.body.items.find((i) => i.reference === reference);
    expect(line).toMatchObject({
      applicationId: loan.applicationId,
      endorsementTypeLabel: '保单贷款',
      payeeMasked: '张*',
      amountCents: 500_000,
      deliveredAt: expect.any(String),
    });
    expect(line?.accountMasked).toMatch(/^\*{4} \*{4} \*{4} \d{4}$/);
    expect(sh.body.items.every((i) => i.branchPath.startsWith('HQ/SH'))).toBe(true);
    expect(sh.body.items.map((i) => i.reference)).not.toContain(beijing.reference);

    const bj = await (await steps.as('test-staff-bj-finance')).get<ReconciliationResponse>(
      '/staff/payouts/reconciliation',
    );
    expect(bj.body.items.map((i) => i.reference)).toEqual([beijing.reference]);

    // Staff without the duty, and the same branch's review staff, are refused.
    const noDuty = await (await steps.as('demo-staff-sh')).get('/staff/payouts/reconciliation');
    expect(noDuty.status).toBe(403);
    expect((noDuty.body as { message: string }).message).toBe('付款对账仅限财务人员查看');

    // A result takes it off the list.
    await postResult({ reference, outcome: 'paid', amountCents: 500_000 });
    expect((await shFinance()).body.items.map((i) => i.reference)).not.toContain(reference);
  });
});

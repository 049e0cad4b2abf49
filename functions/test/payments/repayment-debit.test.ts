import type { EndorsementApplication } from '@zhixiang/shared/endorsement/application';
import { BILLING_HEADERS } from '@zhixiang/shared/notices/schemas';
import {
  DEBIT_IN_PROGRESS_MESSAGE,
  DEBIT_REFERENCE_PATTERN,
} from '@zhixiang/shared/payments/repayment-debit';
import type {
  PaymentOrderView,
  ReconciliationResponse,
  RepaymentDebitView,
} from '@zhixiang/shared/payments/schemas';
import type { PayoutInstructionRecord } from '@zhixiang/shared/ports/payout-instructions';
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_RENEWAL_ACCOUNT_MESSAGE } from '../../src/endorsements/use-cases/collect-repayment';
import { signatureHeaders } from '../../src/payments/adapters/finance-client';
import {
  deliverPayoutInstruction,
  deliverPayoutInstructions,
} from '../../src/payments/use-cases/deliver-payout-instructions';
import {
  DEBIT_ALREADY_FAILED_MESSAGE,
  DEBIT_ALREADY_PAID_MESSAGE,
  DEBIT_AMOUNT_MISMATCH_MESSAGE,
  DEBIT_POLICY_MISMATCH_MESSAGE,
} from '../../src/payments/use-cases/receive-repayment-debit-result';
import { reconcilePayouts } from '../../src/payments/use-cases/reconcile-payouts';
import { payoutDeps } from '../../src/payments/wiring';
import { GetCommand } from '../../src/platform/dynamodb/document-client';
import { demoPolicyNo, useEndorsementStack } from '../endorsements/endorsement-steps';
import { type FinanceFake, startBillingFake } from '../support/finance-fake';
import { useWechatPayFake } from './wechat-pay-test-merchant';

/**
 * A loan repayment paid by debiting the policy's renewal account (续期账户扣款) through the real
 * gateway, DynamoDB Local and the real billing client against its HTTP fake: the debit instruction
 * written with the choice, delivered by the outbox over a signed request (once, even after a crash
 * between sending and marking it sent), the result on the billing system's signed debit-results
 * route taking effect exactly once — or, after a failure, the repayment paid by WeChat Pay.
 */
let billing: FinanceFake;
beforeAll(async () => {
  billing = await startBillingFake(await billingSecret());
  Object.assign(process.env, { BILLING_PROVIDER: 'http', BILLING_API_BASE_URL: billing.url });
  return () => billing.close();
});
const wechatPay = useWechatPayFake();
const stack = useEndorsementStack();
const { steps } = stack;
const LI = 'demo-customer-c002';
const LI_PL02 = demoPolicyNo('C002', 'PL02');
const OPENID = 'o-li-na-openid';

/** The local stage's billing secret (the one the renewal debit results are signed with). */
async function billingSecret(): Promise<string> {
  const { createSystem } = await import('../../src/system');
  return createSystem().secrets.billingSigningSecret();
}

const deps = (now?: number) => {
  const container = stack.container();
  return payoutDeps(now === undefined ? container : { ...container, now: () => now });
};
const instruction = async (reference: string) =>
  (await stack.container().payoutInstructions.get(reference)) as PayoutInstructionRecord;

async function awaitingRepayment(amountCents?: number): Promise<EndorsementApplication> {
  const users = stack.container().repositories.users;
  const user = await users.get(LI);
  if (user && user.openid !== OPENID) await users.put({ ...user, openid: OPENID });
  const { submitted } = await steps.complete(
    LI,
    LI_PL02,
    amountCents === undefined
      ? { type: 'loan_repayment', kind: 'full' }
      : { type: 'loan_repayment', kind: 'partial', amountCents },
  );
  expect(submitted.status, submitted.text).toBe(200);
  return submitted.body;
}

const debit = async (applicationId: string, userId = LI) =>
  (await steps.as(userId)).post<RepaymentDebitView>(`/endorsements/${applicationId}/debit`);

/** The billing system's signed result, as docs/payments.md documents it. */
async function postResult(body: Record<string, unknown> | string) {
  const rawBody = typeof body === 'string' ? body : JSON.stringify(body);
  return stack.api().request<Record<string, unknown>>('POST', '/billing/debit-results', {
    rawBody,
    headers: {
      'content-type': 'application/json',
      ...signatureHeaders(BILLING_HEADERS, await billingSecret(), rawBody, Date.now()),
    },
  });
}
const result = (reference: string, amountCents: number, extra: Record<string, unknown> = {}) => ({
  resultId: `BIL-${reference}-${Math.random().toString(36).slice(2, 10)}`,
  reference,
  policyNo: LI_PL02,
  amountCents,
  outcome: 'success',
  ...extra,
});

const loanPrincipal = async () =>
  (await stack.container().repositories.policies.get(LI_PL02))?.loan?.principalCents ?? 0;
const outboxOf = async (applicationId: string) =>
  (await stack.container().repositories.endorsements.listPendingDomainEvents(200))
    .filter((event) => event.applicationId === applicationId)
    .map((event) => event.type)
    .sort();
const countOf = (application: EndorsementApplication, type: string) =>
  application.timeline.filter((e) => e.type === type).length;

describe('李娜 repays part of her loan from her renewal account', () => {
  let application: EndorsementApplication;
  let view: RepaymentDebitView;
  const principalBefore = 2_000_000;

  it('writes the debit instruction with her choice: 扣款中, the account masked and encrypted at rest', async () => {
    application = await awaitingRepayment(500_000);
    const [first, second] = await Promise.all([
      debit(application.applicationId),
      debit(application.applicationId),
    ]);
    expect(first.status, first.text).toBe(200);
    expect(second.status, second.text).toBe(200);
    view = first.body;
    // Two requests at once: one debit, the same answer.
    expect(second.body.reference).toBe(view.reference);
    expect(view).toMatchObject({ amountCents: 500_000, status: 'pending', statusLabel: '扣款中' });
    expect(view.reference).toMatch(DEBIT_REFERENCE_PATTERN);
    expect(view.accountMasked).toMatch(/^\*{4} \*{4} \*{4} \d{4}$/);

    const shown = (await steps.get(LI, application.applicationId)).body;
    expect(shown).toMatchObject({ status: 'awaiting_payment', actions: { canPay: false } });
    expect(shown.payment?.debit).toMatchObject({ reference: view.reference, status: 'pending' });
    expect(countOf(shown, 'debit_requested')).toBe(1);
    expect(shown.timeline.at(-1)?.detail).toMatch(/扣款 ¥5,000\.00（其中利息 ¥[\d,.]+，本金 ¥[\d,.]+）/);
    expect(await outboxOf(application.applicationId)).toEqual(['debit.requested']);

    const stored = await instruction(view.reference);
    expect(stored).toMatchObject({
      direction: 'debit',
      amountCents: 500_000,
      status: 'pending',
      payeeName: '李娜',
    });
    expect((stored.breakdown?.interestCents ?? 0) + (stored.breakdown?.principalCents ?? 0)).toBe(500_000);
    const { Item } = await stack.container().table.client.send(
      new GetCommand({
        TableName: stack.container().table.table,
        Key: { pk: `PAYOUT#${view.reference}`, sk: 'PAYOUT' },
      }),
    );
    expect(JSON.stringify(Item)).not.toContain(stored.account.accountNumber);
  });

  it('makes no WeChat Pay order while the debit is in progress', async () => {
    const paying = await (await steps.as(LI)).post<PaymentOrderView>(
      `/endorsements/${application.applicationId}/payment`,
    );
    expect(paying.status).toBe(409);
    expect(JSON.parse(paying.text).message).toBe(DEBIT_IN_PROGRESS_MESSAGE);
  });

  it('delivers it to billing once, even when the deliverer stops between sending and marking it sent', async () => {
    const stored = await instruction(view.reference);
    const crashing = {
      ...deps(),
      instructions: {
        ...deps().instructions,
        get: deps().instructions.get.bind(deps().instructions),
        markDelivered: async () => {
          throw new Error('process stopped');
        },
      } as never,
    };
    await expect(deliverPayoutInstruction(crashing, stored)).rejects.toThrow('process stopped');
    expect((await instruction(view.reference)).deliveredAt).toBeNull();
    const report = await deliverPayoutInstructions(deps());
    expect(report.delivered).toBeGreaterThanOrEqual(1);
    expect((await instruction(view.reference)).deliveredAt).not.toBeNull();
    const sent = [...billing.instructions.values()].filter((i) => i.body.reference === view.reference);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toMatchObject({
      amountCents: 500_000,
      currency: 'CNY',
      purpose: 'loan_repayment',
      policyNo: LI_PL02,
      account: { holderName: '李娜', accountNumber: stored.account.accountNumber },
    });
    // The second send was the same key and body: accepted again (200), debited once.
    const answers = billing.requests.filter((r) => r.rawBody.includes(view.reference)).map((r) => r.status);
    expect(answers).toEqual([202, 200]);
  });

  it('lists the debit for finance staff when no result came after N business days', async () => {
    await reconcilePayouts(deps(Date.now() + 10 * 86_400_000));
    const listed = await (await steps.as('demo-staff-sh-finance')).get<ReconciliationResponse>(
      '/staff/payouts/reconciliation',
    );
    const item = listed.body.items.find((i) => i.reference === view.reference);
    expect(item).toMatchObject({
      endorsementTypeLabel: '贷款还款',
      payeeMasked: '李*',
      amountCents: 500_000,
    });
    expect(item?.accountMasked).toMatch(/^\*{4} \*{4} \*{4} \d{4}$/);
  });

  it('refuses bad results in Chinese, changing nothing', async () => {
    const bad = async (body: Record<string, unknown> | string, status: number, message: RegExp | string) => {
      const answer = await postResult(body);
      expect(answer.status, answer.text).toBe(status);
      expect(JSON.parse(answer.text).message).toMatch(message);
    };
    await bad('{"resultId":', 400, /JSON|格式/);
    await bad(
      { resultId: 'BIL-000001', amountCents: 500_000, outcome: 'success' },
      400,
      /扣款指令号|应缴日期/,
    );
    await bad(result('RD123', 500_000), 400, '扣款指令号格式不正确');
    await bad(result(view.reference, '500000' as never), 400, '扣款金额应为以分为单位的整数');
    await bad(result(view.reference, 500_000, { outcome: 'failure' }), 400, '扣款失败时须说明原因');
    await bad(result(view.reference, 500_000, { dueDate: '2026-12-01' }), 400, '还款扣款结果不带应缴日期');
    await bad(
      result(view.reference, 500_000, { failureReason: 'x'.repeat(61), outcome: 'failure' }),
      400,
      '失败原因不能超过 60 个字',
    );
    await bad(result('RD20261125ABCDEFGHJKLM', 500_000), 404, '未找到该扣款指令：RD20261125ABCDEFGHJKLM');
    await bad(result(view.reference, 1), 400, DEBIT_AMOUNT_MISMATCH_MESSAGE);
    await bad(
      result(view.reference, 500_000, { policyNo: '883101000009' }),
      400,
      DEBIT_POLICY_MISMATCH_MESSAGE,
    );
    const still = (await steps.get(LI, application.applicationId)).body;
    expect(still.status).toBe('awaiting_payment');
    expect(await loanPrincipal()).toBe(principalBefore);
  });

  it('takes effect once when two success results race, and a late or repeated result changes nothing', async () => {
    const answers = await Promise.all([
      postResult(result(view.reference, 500_000)),
      postResult(result(view.reference, 500_000)),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers.map((a) => a.body.applied).sort()).toEqual([false, true]);
    const done = (await steps.get(LI, application.applicationId)).body;
    expect(done.status).toBe('document_issued');
    expect(done.payment).toMatchObject({
      paidBy: 'debit',
      debit: { status: 'paid', statusLabel: '扣款成功' },
    });
    expect(countOf(done, 'payment_received')).toBe(1);
    expect(countOf(done, 'effective')).toBe(1);
    expect(done.timeline.find((e) => e.type === 'payment_received')?.detail).toMatch(
      /^续期账户扣款到账 ¥5,000\.00/,
    );
    // The same effect as a WeChat Pay payment: interest first, the rest off the principal.
    const interest = done.figures.interestPaidCents ?? -1;
    expect(await loanPrincipal()).toBe(principalBefore - (500_000 - interest));
    expect(await outboxOf(application.applicationId)).toEqual([
      'debit.requested',
      'endorsement.effective',
      'payment.received',
    ]);
    expect((await instruction(view.reference)).status).toBe('paid');
    // Settled: off the reconciliation list.
    const listed = await (await steps.as('demo-staff-sh-finance')).get<ReconciliationResponse>(
      '/staff/payouts/reconciliation',
    );
    expect(listed.body.items.map((i) => i.reference)).not.toContain(view.reference);

    const repeat = await postResult(result(view.reference, 500_000));
    expect(repeat.body).toMatchObject({ status: 'paid', applied: false });
    const late = await postResult(
      result(view.reference, 500_000, { outcome: 'failure', failureReason: '余额不足' }),
    );
    expect(late.status).toBe(409);
    expect(JSON.parse(late.text).message).toBe(DEBIT_ALREADY_PAID_MESSAGE);
    expect((await steps.get(LI, application.applicationId)).body.timeline).toHaveLength(done.timeline.length);
  });
});

describe('a debit that fails, then WeChat Pay', () => {
  it('goes back to 待支付 with the reason, and the holder pays by WeChat Pay instead', async () => {
    const application = await awaitingRepayment();
    const requested = (await debit(application.applicationId)).body;
    const amount = requested.amountCents;
    const failed = await postResult(
      result(requested.reference, amount, { outcome: 'failure', failureReason: '余额不足' }),
    );
    expect(failed.status, failed.text).toBe(200);
    expect(failed.body).toMatchObject({ status: 'failed', applied: true });
    const back = (await steps.get(LI, application.applicationId)).body;
    expect(back).toMatchObject({
      status: 'awaiting_payment',
      actions: { canPay: true },
      payment: { debit: { status: 'failed', failureReason: '余额不足' } },
    });
    expect(back.timeline.at(-1)).toMatchObject({ type: 'debit_failed', label: '续期账户扣款失败' });
    expect(back.timeline.at(-1)?.detail).toMatch(/余额不足.*可改用微信支付/);
    expect(await outboxOf(application.applicationId)).toEqual(['debit.failed', 'debit.requested']);
    // The same failure again changes nothing.
    const again = await postResult(
      result(requested.reference, amount, { outcome: 'failure', failureReason: '余额不足' }),
    );
    expect(again.body).toMatchObject({ applied: false });

    const order = await (await steps.as(LI)).post<PaymentOrderView>(
      `/endorsements/${application.applicationId}/payment`,
    );
    expect(order.status, order.text).toBe(200);
    const notification = wechatPay.fake().pay(order.body.outTradeNo);
    const notified = await stack.api().request('POST', '/payments/wechat-pay/notifications', {
      headers: { 'content-type': 'application/json', ...notification.headers },
      rawBody: notification.body,
    });
    expect(notified.status).toBe(204);
    const paid = (await steps.get(LI, application.applicationId)).body;
    expect(paid.status).toBe('document_issued');
    expect(paid.payment?.paidBy).toBe('wechat_pay');
    expect(countOf(paid, 'payment_received')).toBe(1);
    expect(await loanPrincipal()).toBe(0);

    // A late success of the failed debit is refused: the repayment is paid by one channel only.
    const late = await postResult(result(requested.reference, amount));
    expect(late.status).toBe(409);
    expect(JSON.parse(late.text).message).toBe(DEBIT_ALREADY_FAILED_MESSAGE);
    expect(countOf((await steps.get(LI, application.applicationId)).body, 'payment_received')).toBe(1);
  });
});

describe('who may debit, and when', () => {
  it('refuses a policy without a renewal account, another customer and an agent', async () => {
    const policies = stack.container().repositories.policies;
    const policy = await policies.get(LI_PL02);
    if (!policy) throw new Error('no policy');
    const account = policy.renewalAccount;
    await policies.put({
      ...policy,
      renewalAccount: null,
      loan: {
        principalCents: 800_000,
        startDate: '2026-10-01',
        dueDate: '2027-04-01',
        annualRateBasisPoints: 500,
      },
    });
    const application = await awaitingRepayment(100_000);
    const none = await debit(application.applicationId);
    expect(none.status).toBe(409);
    expect(JSON.parse(none.text).message).toBe(NO_RENEWAL_ACCOUNT_MESSAGE);
    expect((await debit(application.applicationId, 'demo-customer-c001')).status).toBe(404);
    expect((await debit(application.applicationId, 'demo-agent-a001')).status).toBe(403);
    const unchanged = (await steps.get(LI, application.applicationId)).body;
    expect(unchanged.payment?.debit).toBeNull();
    expect(account).not.toBeNull();
  });
});

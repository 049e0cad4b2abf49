import { PAYOUT_ALREADY_PAID_MESSAGE } from '@zhixiang/shared/payments/payout';
import type { PaymentOrderView, PayoutView, RepaymentDebitView } from '@zhixiang/shared/payments/schemas';
import { describe, expect, it } from 'vitest';
import { demoPolicyNo, useEndorsementStack } from '../endorsements/endorsement-steps';

/**
 * Bad input on the payment routes is a 4xx with a precise Chinese message, never a 500 and never
 * a write: malformed order numbers and application ids, a sandbox outcome that is not one, and
 * notifications that are not WeChat Pay's (no signature, not JSON). The stack's local sandboxes
 * are WeChat Pay and the finance system here (WECHAT_PAY_PROVIDER=sandbox, FINANCE_PROVIDER=sandbox,
 * as `npm start` runs them).
 */
const stack = useEndorsementStack();
const { steps } = stack;
const LI = 'demo-customer-c002';

describe('the local 微信支付沙箱 through the gateway', () => {
  it('lets a demo account (no openid) pay in the sandbox: the notification goes through the real route', async () => {
    const { submitted } = await steps.complete(LI, demoPolicyNo('C002', 'PL02'), {
      type: 'loan_repayment',
      kind: 'partial',
      amountCents: 400_000,
    });
    expect(submitted.body.status).toBe('awaiting_payment');
    const li = await steps.as(LI);
    const order = await li.post<PaymentOrderView>(`/endorsements/${submitted.body.applicationId}/payment`);
    expect(order.status, order.text).toBe(200);
    expect(order.body).toMatchObject({ sandbox: true, amountCents: 400_000, status: 'pending' });
    const paid = await li.post<PaymentOrderView>(`/payments/sandbox/${order.body.outTradeNo}`, {
      outcome: 'paid',
    });
    expect(paid.status, paid.text).toBe(200);
    expect(paid.body.status).toBe('paid');
    const done = await steps.get(LI, submitted.body.applicationId);
    expect(done.body.status).toBe('document_issued');
    expect(done.body.timeline.filter((e) => e.type === 'payment_received')).toHaveLength(1);
    // Paid once: the sandbox refuses to pay it again, and nothing changes.
    const again = await li.post(`/payments/sandbox/${order.body.outTradeNo}`, { outcome: 'paid' });
    expect(again.body).toMatchObject({ status: 'paid' });
    expect((await steps.get(LI, submitted.body.applicationId)).body.timeline).toHaveLength(
      done.body.timeline.length,
    );
  });
});

describe('bad input on the payment routes', () => {
  it('refuses a malformed order number or application id with 400', async () => {
    const li = await steps.as(LI);
    const query = await li.post('/payments/not-an-order/query');
    expect(query.status).toBe(400);
    expect(query.body).toMatchObject({ message: '支付单号格式不正确' });
    const pay = await li.post('/endorsements/EA123/payment');
    expect(pay.status).toBe(400);
    expect(pay.body).toMatchObject({ message: '申请编号格式不正确' });
  });

  it('refuses a sandbox outcome that is not one, before looking for the order', async () => {
    const li = await steps.as(LI);
    for (const body of [{}, { outcome: 'maybe' }, { outcome: 'paid', extra: 1 }]) {
      const answer = await li.post('/payments/sandbox/RP20261125ABCDEFGHJKLM', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
    const wrong = await li.post('/payments/sandbox/RP20261125ABCDEFGHJKLM', { outcome: 'maybe' });
    expect(wrong.body).toMatchObject({ message: '请选择支付成功或支付失败' });
  });

  it('refuses a notification without WeChat Pay signature, or not JSON, with 401 and no write', async () => {
    const policies = stack.container().repositories.policies;
    const before = await policies.get(demoPolicyNo('C002', 'PL02'));
    for (const rawBody of ['{"id":"x"}', 'not json', '']) {
      const answer = await stack.api().request('POST', '/payments/wechat-pay/notifications', {
        headers: { 'content-type': 'application/json' },
        rawBody,
      });
      expect(answer.status, rawBody).toBe(401);
      expect(answer.body).toMatchObject({ message: '支付通知验签失败' });
    }
    // Nothing was written to 李娜's policy.
    expect(await policies.get(demoPolicyNo('C002', 'PL02'))).toEqual(before);
  });
});

describe('the local 财务付款沙箱 through the gateway', () => {
  it('reports a payout result through the real signed results route, once, for the holder only', async () => {
    const { submitted } = await steps.complete(LI, demoPolicyNo('C002', 'PL02'), {
      type: 'dividend_withdrawal',
      amountCents: 10_000,
    });
    expect(submitted.body.payout).toMatchObject({ status: 'pending', sandbox: true });
    const reference = submitted.body.payout?.reference ?? '';
    // Not hers: another customer learns nothing.
    const other = await (await steps.as('demo-customer-c011')).post(`/payouts/sandbox/${reference}`, {
      outcome: 'paid',
    });
    expect(other.status).toBe(404);
    const li = await steps.as(LI);
    // Not yet sent by the outbox: the sandbox sends it first, then reports.
    const paid = await li.post<PayoutView>(`/payouts/sandbox/${reference}`, { outcome: 'paid' });
    expect(paid.status, paid.text).toBe(200);
    expect(paid.body).toMatchObject({ reference, status: 'paid', statusLabel: '已付款' });
    const done = (await steps.get(LI, submitted.body.applicationId)).body;
    expect(done.timeline.filter((e) => e.type === 'payout_paid')).toHaveLength(1);
    // A contradicting result after the first is refused by the results route, in its words.
    const again = await li.post(`/payouts/sandbox/${reference}`, { outcome: 'failed' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ message: PAYOUT_ALREADY_PAID_MESSAGE });
    expect((await steps.get(LI, submitted.body.applicationId)).body.payout?.status).toBe('paid');
  });
});

describe('bad input on the payout routes', () => {
  it('refuses malformed references, outcomes and cards with precise messages', async () => {
    const li = await steps.as(LI);
    const path = await li.post('/payouts/sandbox/PO123', { outcome: 'paid' });
    expect(path.status).toBe(400);
    expect(path.body).toMatchObject({ message: '付款指令号格式不正确' });
    const outcome = await li.post('/payouts/sandbox/PO20261125ABCDEFGHJKLM', { outcome: 'maybe' });
    expect(outcome.body).toMatchObject({ message: '请选择到账、付款失败或银行退票' });
    for (const body of [{}, { cardHolderName: '李娜' }, { cardHolderName: '李娜', cardNumber: 6222, x: 1 }]) {
      const answer = await li.post('/endorsements/EA20261125ABCDEF/payout-account', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
    const unsigned = await stack.api().request('POST', '/payouts/results', {
      headers: { 'content-type': 'application/json' },
      rawBody: 'not json',
    });
    expect(unsigned.status).toBe(401);
    expect(unsigned.body).toMatchObject({ message: '请求未签名' });
  });
});

describe('the local 续期扣款沙箱 and bad input on the debit routes', () => {
  it('fails a debit on demand through the real debit-results route, and the holder can pay by WeChat Pay', async () => {
    const { submitted } = await steps.complete(LI, demoPolicyNo('C002', 'PL02'), {
      type: 'loan_repayment',
      kind: 'partial',
      amountCents: 300_000,
    });
    expect(submitted.body.actions.canDebit).toBe(true);
    const li = await steps.as(LI);
    const debit = await li.post<RepaymentDebitView>(`/endorsements/${submitted.body.applicationId}/debit`);
    expect(debit.status, debit.text).toBe(200);
    expect(debit.body).toMatchObject({ sandbox: true, status: 'pending', amountCents: 300_000 });
    const failed = await li.post(`/payments/debit-sandbox/${debit.body.reference}`, { outcome: 'failure' });
    expect(failed.status, failed.text).toBe(200);
    expect(failed.body).toMatchObject({ status: 'failed' });
    const back = await steps.get(LI, submitted.body.applicationId);
    expect(back.body).toMatchObject({
      status: 'awaiting_payment',
      actions: { canPay: true },
      payment: { debit: { status: 'failed', failureReason: '余额不足' } },
    });
    // The sandbox cannot turn the failed debit into a success: the route's own 409, in its words.
    const late = await li.post(`/payments/debit-sandbox/${debit.body.reference}`, { outcome: 'success' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ message: expect.stringContaining('已扣款失败') });
    const paid = await li.post<PaymentOrderView>(`/endorsements/${submitted.body.applicationId}/payment`);
    expect(paid.status, paid.text).toBe(200);
    expect((await li.post(`/payments/sandbox/${paid.body.outTradeNo}`, { outcome: 'paid' })).status).toBe(
      200,
    );
    expect((await steps.get(LI, submitted.body.applicationId)).body.status).toBe('document_issued');
  });

  it('refuses a malformed reference or application id, and an outcome that is not one, with 400', async () => {
    const li = await steps.as(LI);
    const path = await li.post('/payments/debit-sandbox/RD-nope', { outcome: 'success' });
    expect(path.status).toBe(400);
    expect(path.body).toMatchObject({ message: '扣款指令号格式不正确' });
    for (const body of [
      {},
      { outcome: 'maybe' },
      { outcome: 'success', extra: 1 },
      { outcome: 'failure', reason: 7 },
    ]) {
      const answer = await li.post('/payments/debit-sandbox/RD20261125ABCDEFGHJKLM', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
    const outcome = await li.post('/payments/debit-sandbox/RD20261125ABCDEFGHJKLM', { outcome: 'maybe' });
    expect(outcome.body).toMatchObject({ message: '请选择扣款成功或扣款失败' });
    const debit = await li.post('/endorsements/EA123/debit');
    expect(debit.status).toBe(400);
    expect(debit.body).toMatchObject({ message: '申请编号格式不正确' });
    const unknown = await li.post('/payments/debit-sandbox/RD20261125ABCDEFGHJKLM', { outcome: 'success' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ message: '未找到该扣款指令' });
  });
});

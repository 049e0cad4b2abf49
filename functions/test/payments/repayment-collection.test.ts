import { createVerify } from 'node:crypto';
import type { EndorsementApplication } from '@zhixiang/shared/endorsement/application';
import type { PaymentOrderView } from '@zhixiang/shared/payments/schemas';
import { PaymentOrderViewSchema } from '@zhixiang/shared/payments/schemas';
import { describe, expect, it } from 'vitest';
import { claimsFor } from '../../src/auth/use-cases/session';
import { sealWechatPayNotification } from '../../src/payments/adapters/wechat-pay-notification';
import { closeExpiredPayments } from '../../src/payments/use-cases/close-expired-payments';
import { createRepaymentPayment } from '../../src/payments/use-cases/create-repayment-payment';
import { paymentDeps } from '../../src/payments/wiring';
import { demoPolicyNo, useEndorsementStack } from '../endorsements/endorsement-steps';
import { useWechatPayFake } from './wechat-pay-test-merchant';

/**
 * A loan repayment's money through the real gateway, DynamoDB Local and the real WeChat Pay client
 * against its HTTP fake: approval leaves it 待支付, the order is for the exact amount in cents,
 * and only WeChat Pay's confirmed payment — once, however often it is reported — makes it true.
 */
const wechatPay = useWechatPayFake();
const stack = useEndorsementStack();
const { steps } = stack;
const LI_PL02 = demoPolicyNo('C002', 'PL02');
const LI = 'demo-customer-c002';
const OPENID = 'o-li-na-openid';

async function withOpenid() {
  const users = stack.container().repositories.users;
  const user = await users.get(LI);
  if (user && user.openid !== OPENID) await users.put({ ...user, openid: OPENID });
}

async function awaitingRepayment(amountCents?: number): Promise<EndorsementApplication> {
  await withOpenid();
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

async function pay(applicationId: string) {
  return (await steps.as(LI)).post<PaymentOrderView>(`/endorsements/${applicationId}/payment`);
}

async function notify(notification: { headers: Record<string, string>; body: string }) {
  return stack.api().request('POST', '/payments/wechat-pay/notifications', {
    headers: { 'content-type': 'application/json', ...notification.headers },
    rawBody: notification.body,
  });
}

async function query(outTradeNo: string) {
  return (await steps.as(LI)).post<PaymentOrderView>(`/payments/${outTradeNo}/query`);
}

const loanPrincipal = async () =>
  (await stack.container().repositories.policies.get(LI_PL02))?.loan?.principalCents ?? 0;
/** The application's domain events still in the outbox (nothing consumes them in this file). */
const outboxOf = async (applicationId: string) =>
  (await stack.container().repositories.endorsements.listPendingDomainEvents(100))
    .filter((event) => event.applicationId === applicationId)
    .map((event) => event.type);
const eventsOf = (application: EndorsementApplication, type: string) =>
  application.timeline.filter((e) => e.type === type).length;

describe('李娜 repays part of her loan by WeChat Pay', () => {
  let application: EndorsementApplication;
  let order: PaymentOrderView;
  const principalBefore = 2_000_000;

  it('waits 待支付 after approval, the policy untouched', async () => {
    application = await awaitingRepayment(500_000);
    expect(application).toMatchObject({ status: 'awaiting_payment', statusLabel: '待支付', nextStep: 'pay' });
    expect(application.actions.canPay).toBe(true);
    expect(application.payment).toMatchObject({ amountCents: 500_000, openOrderNo: null, paidAt: null });
    expect(application.timeline.map((e) => e.type).slice(-2)).toEqual(['approved', 'awaiting_payment']);
    expect(application.timeline.at(-1)?.detail).toMatch(
      /^应还 ¥5,000\.00（其中利息 ¥[\d,.]+，本金 ¥[\d,.]+）/,
    );
    expect(await loanPrincipal()).toBe(principalBefore);
  });

  it('orders exactly the amount in cents, with wx.requestPayment parameters signed by the merchant', async () => {
    const created = await pay(application.applicationId);
    expect(created.status, created.text).toBe(200);
    expect(PaymentOrderViewSchema.safeParse(created.body).success).toBe(true);
    order = created.body;
    expect(order).toMatchObject({ amountCents: 500_000, status: 'pending', sandbox: false });
    const atWechat = wechatPay.fake().orders.get(order.outTradeNo);
    expect(atWechat).toMatchObject({
      amount: { total: 500_000, currency: 'CNY' },
      payer: { openid: OPENID },
      trade_state: 'NOTPAY',
    });
    const params = order.requestPayment;
    expect(params?.package).toMatch(/^prepay_id=wx/);
    const signed = `${wechatPay.keys.appId}\n${params?.timeStamp}\n${params?.nonceStr}\n${params?.package}\n`;
    expect(
      createVerify('RSA-SHA256')
        .update(signed)
        .verify(wechatPay.merchantPublicKeyPem, params?.paySign ?? '', 'base64'),
    ).toBe(true);
    // A second tap hands out the same open order, never a second one.
    const again = await pay(application.applicationId);
    expect(again.body.outTradeNo).toBe(order.outTradeNo);
    expect(wechatPay.fake().orders.size).toBe(1);
    const shown = await steps.get(LI, application.applicationId);
    expect(shown.body.payment?.openOrderNo).toBe(order.outTradeNo);
    expect(shown.body.timeline.at(-1)).toMatchObject({ type: 'payment_ordered', label: '发起微信支付' });
  });

  it('refuses forged, stale, wrong-amount and unknown notifications, changing nothing', async () => {
    const fake = wechatPay.fake();
    const forged = { ...fake.pay(order.outTradeNo) };
    // Paid at the fake, but none of the following is believed.
    fake.orders.get(order.outTradeNo)!.trade_state = 'NOTPAY';
    const tampered = { headers: forged.headers, body: forged.body.replace('"id":"', '"id":"x') };
    expect((await notify(tampered)).status).toBe(401);
    const stale = fake.pay(order.outTradeNo, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    fake.orders.get(order.outTradeNo)!.trade_state = 'NOTPAY';
    expect((await notify(stale)).status).toBe(401);
    const transaction = (amount: number, outTradeNo = order.outTradeNo) => ({
      appid: wechatPay.keys.appId,
      mchid: wechatPay.keys.mchid,
      out_trade_no: outTradeNo,
      transaction_id: '4200000000000000000000000001',
      trade_state: 'SUCCESS',
      success_time: '2026-12-05T10:00:00+08:00',
      amount: { total: amount, payer_total: amount, currency: 'CNY' },
      payer: { openid: OPENID },
    });
    const wrongAmount = await notify(sealWechatPayNotification(wechatPay.keys, transaction(1)));
    expect(wrongAmount.status).toBe(400);
    expect(JSON.parse(wrongAmount.text).message).toBe('支付金额与支付单金额不符');
    const unknown = await notify(
      sealWechatPayNotification(wechatPay.keys, transaction(500_000, 'RP20261125ABCDEFGHJKLM')),
    );
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.text).message).toBe('支付通知的商户订单号不存在');
    const otherKey = sealWechatPayNotification(
      { ...wechatPay.keys, platformPublicKeyId: 'PUB_KEY_ID_SOMEONE_ELSE' },
      transaction(500_000),
    );
    expect((await notify(otherKey)).status).toBe(401);

    const still = await steps.get(LI, application.applicationId);
    expect(still.body.status).toBe('awaiting_payment');
    expect(eventsOf(still.body, 'payment_received')).toBe(0);
    expect(await loanPrincipal()).toBe(principalBefore);
  });

  it('takes effect once when the notification arrives twice while the mini program queries', async () => {
    const notification = wechatPay.fake().pay(order.outTradeNo);
    const answers = await Promise.all([notify(notification), notify(notification), query(order.outTradeNo)]);
    expect(answers.map((a) => a.status)).toEqual([204, 204, 200]);

    const done = await steps.get(LI, application.applicationId);
    expect(done.body.status).toBe('document_issued');
    expect(eventsOf(done.body, 'payment_received')).toBe(1);
    expect(eventsOf(done.body, 'effective')).toBe(1);
    expect(done.body.payment).toMatchObject({ amountCents: 500_000, openOrderNo: null });
    expect(done.body.payment?.transactionId).toMatch(/^42000/);
    // The customer is told the money arrived: its outbox item, once, beside the effect's.
    expect((await outboxOf(application.applicationId)).sort()).toEqual([
      'endorsement.effective',
      'payment.received',
    ]);
    expect(done.body.timeline.map((e) => e.type).slice(-4)).toEqual([
      'payment_ordered',
      'payment_received',
      'effective',
      'document_issued',
    ]);
    // Interest first: what is left of the ¥5,000 after the interest repays principal.
    const interest = done.body.figures.interestPaidCents ?? -1;
    expect(interest).toBeGreaterThan(0);
    expect(await loanPrincipal()).toBe(principalBefore - (500_000 - interest));

    // The same notification again later changes nothing.
    expect((await notify(notification)).status).toBe(204);
    const after = await steps.get(LI, application.applicationId);
    expect(after.body.timeline).toHaveLength(done.body.timeline.length);
    expect((await query(order.outTradeNo)).body).toMatchObject({ status: 'paid', requestPayment: null });
  });

  it('does not let another customer see or query the order', async () => {
    const other = await (await steps.as('demo-customer-c001')).post(`/payments/${order.outTradeNo}/query`);
    expect(other.status).toBe(404);
  });
});

describe('an order that expires, a payment that fails, then paid', () => {
  it('closes an expired order (WeChat Pay too), back to 待支付, and a new order pays it in full', async () => {
    const application = await awaitingRepayment();
    const first = (await pay(application.applicationId)).body;
    const container = stack.container();
    const later = () => Date.now() + 16 * 60_000;
    const report = await closeExpiredPayments(paymentDeps({ ...container, now: later }));
    expect(report).toMatchObject({ closed: 1, paid: 0, failed: 0 });
    expect(wechatPay.fake().orders.get(first.outTradeNo)?.trade_state).toBe('CLOSED');
    const back = await steps.get(LI, application.applicationId);
    expect(back.body).toMatchObject({ status: 'awaiting_payment', payment: { openOrderNo: null } });
    expect(back.body.timeline.at(-1)).toMatchObject({ type: 'payment_expired' });
    expect(back.body.timeline.at(-1)?.detail).toMatch(/超时未支付，已关闭；申请仍为待支付，可重新发起支付/);
    // The customer is told the order expired unpaid (its outbox item, in the closing transaction).
    expect(await outboxOf(application.applicationId)).toEqual(['payment.expired']);

    // The second try fails at WeChat Pay (declined), the query closes it: still 待支付.
    const second = (await pay(application.applicationId)).body;
    expect(second.outTradeNo).not.toBe(first.outTradeNo);
    wechatPay.fake().fail(second.outTradeNo);
    expect((await query(second.outTradeNo)).body).toMatchObject({ status: 'closed' });
    const failed = await steps.get(LI, application.applicationId);
    expect(failed.body).toMatchObject({ status: 'awaiting_payment', payment: { openOrderNo: null } });
    // (The expiry above ran on a clock 16 minutes ahead, so its event sorts last.)
    const closing = failed.body.timeline.find(
      (e) => e.type === 'payment_expired' && e.detail?.includes(second.outTradeNo),
    );
    expect(closing?.detail).toMatch(/支付未成功，已关闭；申请仍为待支付/);
    // A payment that failed is not an order expired unpaid: nothing more to tell.
    expect(await outboxOf(application.applicationId)).toEqual(['payment.expired']);

    // The third is paid; the notification never comes, and the expiry job's query closes it out.
    const third = (await pay(application.applicationId)).body;
    wechatPay.fake().pay(third.outTradeNo);
    expect(await closeExpiredPayments(paymentDeps({ ...container, now: later }))).toMatchObject({ paid: 1 });
    const paid = await steps.get(LI, application.applicationId);
    expect(paid.body.status).toBe('document_issued');
    expect(eventsOf(paid.body, 'payment_received')).toBe(1);
    expect(eventsOf(paid.body, 'payment_expired')).toBe(2);
    expect((await stack.container().repositories.policies.get(LI_PL02))?.loan).toBeNull();
    // The paid order is off the expiry index: the next run finds nothing.
    expect(await closeExpiredPayments(paymentDeps({ ...container, now: later }))).toMatchObject({
      looked: 0,
    });
  });

  it('closes an expired open order when the holder pays again before the expiry job ran', async () => {
    const policies = stack.container().repositories.policies;
    const policy = await policies.get(LI_PL02);
    if (!policy) throw new Error('no policy');
    await policies.put({
      ...policy,
      loan: {
        principalCents: 800_000,
        startDate: '2026-10-01',
        dueDate: '2027-04-01',
        annualRateBasisPoints: 500,
      },
    });
    const application = await awaitingRepayment();
    const first = (await pay(application.applicationId)).body;
    const user = await stack.container().repositories.users.get(LI);
    if (!user) throw new Error('no user');
    const later = () => Date.now() + 16 * 60_000;
    const second = await createRepaymentPayment(
      // (The test's system was built before the gateway published its notify URL.)
      {
        ...paymentDeps({ ...stack.container(), now: later }),
        notifyUrl: process.env.WECHAT_PAY_NOTIFY_URL ?? null,
      },
      claimsFor(user),
      application.applicationId,
    );
    expect(second.outTradeNo).not.toBe(first.outTradeNo);
    expect(wechatPay.fake().orders.get(first.outTradeNo)?.trade_state).toBe('CLOSED');
    expect((await stack.container().paymentOrders.get(first.outTradeNo))?.status).toBe('closed');
    wechatPay.fake().pay(second.outTradeNo);
    expect((await query(second.outTradeNo)).body.status).toBe('paid');
    expect((await policies.get(LI_PL02))?.loan).toBeNull();
  });

  it('refuses to pay an application that awaits nothing', async () => {
    const applications = await (await steps.as(LI)).get<{
      applications: { applicationId: string; type: string }[];
    }>('/me/endorsements');
    // The repayment paid above (the seeded applications are dated by the seed's day, which may sort
    // them first after Shanghai midnight).
    const done = applications.body.applications.find((a) => a.type === 'loan_repayment')?.applicationId ?? '';
    const refused = await pay(done);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ message: '申请当前为「已完成」，无需支付' });
  });
});

describe('a payment for a repayment whose policy changed while it waited', () => {
  it('is taken (204, the order paid) but changes nothing: the application stays 待支付 for a refund', async () => {
    const policies = stack.container().repositories.policies;
    const policy = await policies.get(LI_PL02);
    if (!policy) throw new Error('no policy');
    // A new loan of ¥10,000 (the earlier ones were repaid above).
    await policies.put({
      ...policy,
      loan: {
        principalCents: 1_000_000,
        startDate: '2026-09-01',
        dueDate: '2027-03-01',
        annualRateBasisPoints: 500,
      },
    });
    const application = await awaitingRepayment(300_000);
    const order = (await pay(application.applicationId)).body;
    // Meanwhile the policy changes (e.g. another endorsement): the quote no longer applies.
    const changed = await policies.get(LI_PL02);
    if (!changed) throw new Error('no policy');
    await policies.put({ ...changed });
    const answer = await notify(wechatPay.fake().pay(order.outTradeNo));
    expect(answer.status, answer.text).toBe(204);
    const after = await steps.get(LI, application.applicationId);
    expect(after.body.status).toBe('awaiting_payment');
    expect(eventsOf(after.body, 'payment_received')).toBe(0);
    expect((await query(order.outTradeNo)).body.status).toBe('paid');
    expect((await policies.get(LI_PL02))?.loan?.principalCents).toBe(1_000_000);
  });
});

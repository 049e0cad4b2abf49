import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { EndorsementApplication } from '@zhixiang/shared/endorsement/application';
import { formatYuan } from '@zhixiang/shared/format/money';
import { DEBIT_TIMING_TEXT } from '@zhixiang/shared/payments/repayment-debit';
import type { PaymentOrderView } from '@zhixiang/shared/payments/schemas';
import { useEffect, useState } from 'react';
import { Button } from '../../../components/ui';
import { getSession } from '../../../lib/session';
import { api } from '../../../services/api';
import { SandboxPanel } from './sandbox-panel';

/** What the application page gives a money step: the application, its one way to act, and whether it is busy. */
export interface MoneyStepProps {
  application: EndorsementApplication;
  act: (work: () => Promise<unknown>) => Promise<void>;
  busy: boolean;
}

const SANDBOX_OUTCOMES = [
  { outcome: 'paid', label: '支付成功', testId: 'sandbox-pay-success' },
  { outcome: 'failed', label: '支付失败', testId: 'sandbox-pay-fail' },
] as const;

const DEBIT_SANDBOX_OUTCOMES = [
  { outcome: 'success', label: '模拟扣款成功', testId: 'billing-sandbox-success' },
  { outcome: 'failure', label: '模拟扣款失败（余额不足）', testId: 'billing-sandbox-failure' },
] as const;

type Channel = 'wechat_pay' | 'debit';

/**
 * A repayment awaiting its money (待支付): the holder chooses how to pay the exact amount —
 * 微信支付 (`Taro.requestPayment` with the server-signed parameters, then the server is asked at
 * once) or 续期账户扣款 (the policy's renewal account on file, masked, debited through the billing
 * system, usually within 1 business day; offered only when the policy has one). The repayment
 * takes effect only when the money is confirmed. While a debit is in progress the page says
 * 扣款中; after a failure it says why and WeChat Pay is offered again. On the local stage the
 * clearly labelled 「微信支付沙箱」 and 「续期扣款沙箱」 stand in for WeChat's payment sheet and the
 * billing system, succeeding or failing on demand.
 */
export function PayStep({ application, act, busy }: MoneyStepProps) {
  const [sandboxOrder, setSandboxOrder] = useState<PaymentOrderView | null>(null);
  const [channel, setChannel] = useState<Channel>('wechat_pay');
  const payment = application.payment;
  const amount = formatYuan(payment?.amountCents ?? 0);
  const debit = payment?.debit ?? null;
  // After a debit failed, WeChat Pay is the way offered first.
  useEffect(() => {
    if (debit?.status === 'failed') setChannel('wechat_pay');
  }, [debit?.status]);
  // The sandbox reports the holder's own debit only (as the route allows).
  const isHolder = getSession()?.me.customerId === application.holder.customerId;

  if (debit?.status === 'pending')
    return (
      <View className="zx-card" data-testid="debit-in-progress">
        <Text className="zx-card__title">
          续期账户扣款 {formatYuan(debit.amountCents)} ·{' '}
          <Text data-testid="debit-status">{debit.statusLabel}</Text>
        </Text>
        <Text className="zx-muted">
          扣款账户 {debit.bankName} {debit.accountMasked}，扣款指令 {debit.reference}。{DEBIT_TIMING_TEXT}。
        </Text>
        {debit.sandbox && isHolder ? (
          <SandboxPanel
            testId="billing-sandbox"
            title="续期扣款沙箱"
            description="本地测试环境：此面板代替保险公司扣费系统，不会真实扣款。请选择扣款结果，沙箱将按扣费系统的格式签名后回传服务端。"
            outcomes={DEBIT_SANDBOX_OUTCOMES}
            busy={busy}
            onChoose={(outcome) =>
              void act(() => api.settleSandboxDebit(debit.reference, { outcome }, { silent: true }))
            }
          />
        ) : null}
      </View>
    );

  if (!application.actions.canPay)
    return (
      <Text className="zx-muted" data-testid="awaiting-payment">
        应还 {amount}，请投保人 {application.holder.name} 本人在微信中完成支付，收到款项后变更生效。
      </Text>
    );

  const pay = () =>
    act(async () => {
      const order = await api.createRepaymentPayment(application.applicationId, { silent: true });
      if (order.sandbox) {
        setSandboxOrder(order);
        return;
      }
      if (!order.requestPayment) return;
      try {
        await Taro.requestPayment({ ...order.requestPayment });
      } catch {
        void Taro.showToast({ title: '支付未完成，可重新支付', icon: 'none' });
      }
      await api.queryRepaymentPayment(order.outTradeNo, { silent: true });
    });

  const requestDebit = () =>
    act(async () => {
      await api.createRepaymentDebit(application.applicationId, { silent: true });
      void Taro.showToast({ title: '已发起续期账户扣款', icon: 'none' });
    });

  const settleInSandbox = (order: PaymentOrderView, outcome: 'paid' | 'failed') =>
    act(async () => {
      await api.settleSandboxPayment(order.outTradeNo, { outcome }, { silent: true });
      setSandboxOrder(null);
    });

  const account = application.actions.canDebit ? (payment?.debitAccount ?? null) : null;
  const chosen: Channel = account ? channel : 'wechat_pay';

  return (
    <View className="zx-endorse__actions" data-testid="pay-step">
      <Text className="zx-muted">应还 {amount}（先还利息，再还本金），收到款项后变更生效。</Text>
      {debit?.status === 'failed' ? (
        <Text className="zx-error-text" data-testid="debit-failure">
          续期账户扣款失败：{debit.failureReason ?? '银行未说明原因'}
          。申请仍为待支付，可改用微信支付，或确认账户后重新扣款。
        </Text>
      ) : null}
      {sandboxOrder ? (
        <SandboxPanel
          testId="wechat-pay-sandbox"
          title="微信支付沙箱"
          description={`本地测试环境：此面板代替微信支付，不会扣款。支付单 ${sandboxOrder.outTradeNo}，金额 ${formatYuan(sandboxOrder.amountCents)}。请选择支付结果，沙箱将按微信支付的格式签名并加密通知服务端。`}
          outcomes={SANDBOX_OUTCOMES}
          busy={busy}
          onChoose={(outcome) => void settleInSandbox(sandboxOrder, outcome)}
        />
      ) : (
        <>
          {account ? (
            <View className="zx-card" data-testid="pay-channels">
              <Text className="zx-card__title">选择还款方式</Text>
              <ChannelOption
                testId="channel-wechat"
                selected={chosen === 'wechat_pay'}
                title="微信支付"
                note="立即支付，支付单 15 分钟内有效，超时未付可重新支付"
                onChoose={() => setChannel('wechat_pay')}
              />
              <ChannelOption
                testId="channel-debit"
                selected={chosen === 'debit'}
                title="续期账户扣款"
                note={`从 ${account.bankName} ${account.accountMasked} 扣款；${DEBIT_TIMING_TEXT}`}
                onChoose={() => setChannel('debit')}
              />
            </View>
          ) : (
            <Text className="zx-muted">请通过微信支付还款；支付单 15 分钟内有效，超时未付可重新支付。</Text>
          )}
          {chosen === 'debit' ? (
            <Button
              type="primary"
              block
              loading={busy}
              disabled={busy}
              data-testid="debit"
              onClick={() => void requestDebit()}
            >
              {busy ? '正在发起扣款…' : `确认从续期账户扣款 ${amount}`}
            </Button>
          ) : (
            <Button
              type="primary"
              block
              loading={busy}
              disabled={busy}
              data-testid="pay"
              onClick={() => void pay()}
            >
              微信支付 {amount}
            </Button>
          )}
        </>
      )}
    </View>
  );
}

/** One way to pay, chosen with a tap (a radio row). */
function ChannelOption(props: {
  testId: string;
  selected: boolean;
  title: string;
  note: string;
  onChoose: () => void;
}) {
  return (
    <View
      className={`zx-endorse__channel${props.selected ? ' zx-endorse__channel--selected' : ''}`}
      data-testid={props.testId}
      aria-checked={props.selected}
      role="radio"
      onClick={props.onChoose}
    >
      <Text>
        {props.selected ? '◉' : '○'} {props.title}
      </Text>
      <Text className="zx-muted">{props.note}</Text>
    </View>
  );
}

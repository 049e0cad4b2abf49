import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { EndorsementApplication } from '@zhixiang/shared/endorsement/application';
import { formatYuan } from '@zhixiang/shared/format/money';
import type { PaymentOrderView } from '@zhixiang/shared/payments/schemas';
import { useState } from 'react';
import { Button } from '../../../components/ui';
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

/**
 * A repayment awaiting its money (待支付): the holder pays the exact amount by WeChat Pay
 * (`Taro.requestPayment` with the server-signed parameters), then the server is asked at once —
 * the repayment takes effect only when WeChat Pay confirms the payment. On the local stage the
 * server answers `sandbox: true` and the clearly labelled 「微信支付沙箱」 stands in for WeChat's
 * payment sheet, paying or failing on demand.
 */
export function PayStep({ application, act, busy }: MoneyStepProps) {
  const [sandboxOrder, setSandboxOrder] = useState<PaymentOrderView | null>(null);
  const amount = formatYuan(application.payment?.amountCents ?? 0);
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

  const settleInSandbox = (order: PaymentOrderView, outcome: 'paid' | 'failed') =>
    act(async () => {
      await api.settleSandboxPayment(order.outTradeNo, { outcome }, { silent: true });
      setSandboxOrder(null);
    });

  return (
    <View className="zx-endorse__actions" data-testid="pay-step">
      <Text className="zx-muted">
        应还 {amount}（先还利息，再还本金）。请通过微信支付还款，收到款项后变更生效；支付单 15
        分钟内有效，超时未付可重新支付。
      </Text>
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
    </View>
  );
}

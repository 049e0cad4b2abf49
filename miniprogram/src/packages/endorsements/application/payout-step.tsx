import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatYuan } from '@zhixiang/shared/format/money';
import { Button } from '../../../components/ui';
import { pageUrls } from '../../../lib/navigation';
import { getSession } from '../../../lib/session';
import { api } from '../../../services/api';
import type { MoneyStepProps } from './pay-step';
import { SandboxPanel } from './sandbox-panel';

const SANDBOX_OUTCOMES = [
  { outcome: 'paid', label: '模拟到账', testId: 'finance-sandbox-paid' },
  { outcome: 'failed', label: '模拟付款失败（卡已销户）', testId: 'finance-sandbox-failed' },
] as const;

/**
 * The money an effective application pays the customer (a loan, a dividend withdrawal, a
 * surrender's refund): 待付款 → 已付款 / 付款失败 with the account masked. After a failure the
 * holder gives another card of their own (「更换收款账户」), without starting the application
 * over. On the local stage the clearly labelled 「财务付款沙箱」 reports the finance system's result
 * on demand, through the real signed results route.
 */
export function PayoutStep({ application, act, busy }: MoneyStepProps) {
  const payout = application.payout;
  if (!payout) return null;
  // The sandbox reports the holder's own payout only (as the route allows).
  const isHolder = getSession()?.me.customerId === application.holder.customerId;
  const settle = (outcome: 'paid' | 'failed') =>
    act(() => api.settleSandboxPayout(payout.reference, { outcome }, { silent: true }));
  return (
    <View className="zx-card" data-testid="payout">
      <Text className="zx-card__title">
        付款 {formatYuan(payout.amountCents)} · <Text data-testid="payout-status">{payout.statusLabel}</Text>
      </Text>
      <Text className="zx-muted">
        收款账户 {payout.bankName} {payout.accountMasked}，付款指令 {payout.reference}
      </Text>
      {payout.status === 'pending' ? (
        <Text className="zx-muted">已通知财务付款，到账后此处与办理轨迹会显示「已到账」。</Text>
      ) : null}
      {payout.status === 'failed' ? (
        <Text className="zx-error-text" data-testid="payout-failure">
          付款失败：{payout.failureReason ?? '银行未说明原因'}。请更换为投保人本人的其他银行卡，无需重新申请。
        </Text>
      ) : null}
      {application.actions.canChangePayoutAccount ? (
        <Button
          type="primary"
          block
          disabled={busy}
          data-testid="change-payout-account"
          onClick={() => void Taro.navigateTo({ url: pageUrls.payoutAccount(application.applicationId) })}
        >
          更换收款账户
        </Button>
      ) : null}
      {payout.sandbox && payout.status === 'pending' && isHolder ? (
        <SandboxPanel
          testId="finance-sandbox"
          title="财务付款沙箱"
          description="本地测试环境：此面板代替保险公司财务系统，不会真实付款。请选择付款结果，沙箱将按财务系统的格式签名后回传服务端。"
          outcomes={SANDBOX_OUTCOMES}
          busy={busy}
          onChoose={(outcome) => void settle(outcome)}
        />
      ) : null}
    </View>
  );
}

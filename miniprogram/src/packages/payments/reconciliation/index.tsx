import { Text, View } from '@tarojs/components';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import { formatYuan } from '@zhixiang/shared/format/money';
import { PageContainer } from '../../../components/page-container';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { api } from '../../../services/api';

/**
 * 付款对账 (finance staff of a branch subtree): payment instructions the finance system has not
 * answered within the business days allowed, as the daily reconciliation listed them, oldest
 * first, payee and account masked. Whether finance accepted the instruction, or why it could not
 * be delivered, is shown with each; a result from finance takes it off the list.
 */
export default function PayoutReconciliationPage() {
  const data = usePageData(() => api.listPayoutReconciliation());
  useReloadOnShow(data);
  return (
    <PageContainer
      data={data}
      refreshable
      errorTitle="暂时无法查看付款对账"
      isEmpty={(list) => list.items.length === 0}
      empty={{
        title: '暂无待核对的付款',
        description: '超过时限仍无付款结果的付款指令会在每日对账后出现在这里',
      }}
    >
      {(list) => (
        <View data-testid="payout-reconciliation">
          <Text className="zx-muted">
            以下付款指令发出后超过 {list.resultBusinessDays} 个工作日仍未收到财务系统的付款结果，请核对。
          </Text>
          {list.items.map((item) => (
            <View key={item.reference} className="zx-card" data-testid="reconciliation-item">
              <Text className="zx-card__title">
                {item.endorsementTypeLabel} · {formatYuan(item.amountCents)}
              </Text>
              <Text className="zx-muted">
                付款指令 {item.reference} · 保单 {item.policyNo} · 申请 {item.applicationId}
              </Text>
              <Text className="zx-muted">
                收款人 {item.payeeMasked} · {item.bankName} {item.accountMasked}
              </Text>
              <Text className="zx-muted">
                发起于 {formatShanghaiDateTime(item.instructedAt)} ·{' '}
                {item.deliveredAt
                  ? `财务已于 ${formatShanghaiDateTime(item.deliveredAt)} 受理`
                  : `尚未送达财务系统（已尝试 ${item.attempts} 次${item.lastError ? `：${item.lastError}` : ''}）`}
              </Text>
            </View>
          ))}
        </View>
      )}
    </PageContainer>
  );
}

import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDateCn } from '@zhixiang/shared/format/dates';
import { formatYuan } from '@zhixiang/shared/format/money';
import {
  POLICY_STATUS_LABELS,
  type PolicySummary,
  PREMIUM_FREQUENCY_LABELS,
  PRODUCT_KIND_LABELS,
} from '@zhixiang/shared/policy/schemas';
import { VIEWER_ROLE_LABELS } from '../lib/labels';
import { pageUrls } from '../lib/navigation';
import { InfoRow } from './info-row';
import './policy-card.scss';
import { Tag } from './ui';

/** One policy in a list; tapping it opens the policy's detail page. */
export function PolicyCard({ policy }: { policy: PolicySummary }) {
  return (
    <View
      className="zx-card zx-policy-card"
      data-testid="policy-card"
      onClick={() => void Taro.navigateTo({ url: pageUrls.policyDetail(policy.policyNo) })}
    >
      <View className="zx-policy-card__head">
        <Text className="zx-policy-card__name">{policy.productName}</Text>
        <Tag type={policy.status === 'in_force' ? 'primary' : 'default'}>
          {POLICY_STATUS_LABELS[policy.status]}
        </Tag>
      </View>
      <Text className="zx-muted">
        {PRODUCT_KIND_LABELS[policy.productKind]} · 保单号 {policy.policyNo}
        {policy.viewerRole ? ` · 我是${VIEWER_ROLE_LABELS[policy.viewerRole]}` : ''}
      </Text>
      <InfoRow label="投保人 / 被保险人" value={`${policy.holderName} / ${policy.insuredName}`} />
      <InfoRow label="基本保额" value={formatYuan(policy.sumAssuredCents)} />
      <InfoRow
        label="保费"
        value={`${formatYuan(policy.premiumCents)}（${PREMIUM_FREQUENCY_LABELS[policy.premiumFrequency]}）`}
      />
      {policy.nextDueDate ? <InfoRow label="下次缴费日" value={formatDateCn(policy.nextDueDate)} /> : null}
      {policy.inCoolingOff ? (
        <View className="zx-notice">犹豫期内，至 {formatDateCn(policy.coolingOffEndDate)} 结束</View>
      ) : null}
    </View>
  );
}

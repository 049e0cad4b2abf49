import { Text, View } from '@tarojs/components';
import { formatDateCn } from '@zhixiang/shared/format/dates';
import { formatYuan } from '@zhixiang/shared/format/money';
import { BENEFIT_KIND_LABELS } from '@zhixiang/shared/policy/benefits';
import {
  DIVIDEND_OPTION_LABELS,
  POLICY_STATUS_LABELS,
  type PolicyDetail,
  PREMIUM_FREQUENCY_LABELS,
  PRODUCT_KIND_LABELS,
} from '@zhixiang/shared/policy/schemas';
import { formatBasisPoints, VIEWER_ROLE_LABELS } from '../lib/labels';
import { InfoRow } from './info-row';

/** Every field of the policy as the API gives it; identity numbers arrive masked and stay so. */
export function PolicyDetailView({ policy }: { policy: PolicyDetail }) {
  return (
    <View data-testid="policy-detail">
      {policy.inCoolingOff ? (
        <View className="zx-notice" data-testid="cooling-off">
          犹豫期内：{formatDateCn(policy.coolingOffEndDate)}前可全额退保（扣除不超过 10 元工本费）
        </View>
      ) : null}
      <View className="zx-card">
        <Text className="zx-card__title">{policy.productName}</Text>
        <InfoRow label="保单号" value={policy.policyNo} />
        <InfoRow label="产品代码" value={policy.productCode} />
        <InfoRow label="险种类型" value={PRODUCT_KIND_LABELS[policy.productKind]} />
        <InfoRow label="保单状态" value={POLICY_STATUS_LABELS[policy.status]} />
        {policy.viewerRole ? (
          <InfoRow label="我的身份" value={VIEWER_ROLE_LABELS[policy.viewerRole]} />
        ) : null}
        <InfoRow label="生效日期" value={formatDateCn(policy.effectiveDate)} />
        <InfoRow label="回执签收日期" value={formatDateCn(policy.receiptDate)} />
        <InfoRow
          label="犹豫期截止"
          value={
            policy.coolingOffEndDate === policy.receiptDate
              ? '本险种无犹豫期'
              : formatDateCn(policy.coolingOffEndDate)
          }
        />
        <InfoRow label="管理机构" value={policy.branchName} />
        <InfoRow label="服务业务员" value={policy.agentName ?? '暂无'} />
      </View>

      <View className="zx-card">
        <Text className="zx-card__title">保障与缴费</Text>
        <InfoRow label="基本保额" value={formatYuan(policy.sumAssuredCents)} testId="sum-assured" />
        <InfoRow label="保费" value={formatYuan(policy.premiumCents)} testId="premium" />
        <InfoRow label="缴费方式" value={PREMIUM_FREQUENCY_LABELS[policy.premiumFrequency]} />
        <InfoRow
          label="下次缴费日"
          value={policy.nextDueDate ? formatDateCn(policy.nextDueDate) : '无需续期缴费'}
        />
        {policy.nextDueAmountCents !== null ? (
          <InfoRow label="下次缴费金额" value={formatYuan(policy.nextDueAmountCents)} />
        ) : null}
        <InfoRow
          label="续期缴费账户"
          value={
            policy.renewalAccount
              ? `${policy.renewalAccount.bankName} ${policy.renewalAccount.accountMasked}`
              : '未设置'
          }
        />
        {policy.nextBenefit ? (
          <InfoRow
            label={`下次${BENEFIT_KIND_LABELS[policy.nextBenefit.kind]}`}
            value={`${formatYuan(policy.nextBenefit.amountCents)}（${formatDateCn(policy.nextBenefit.date)}给付）`}
            testId="next-benefit"
          />
        ) : null}
        <InfoRow label="现金价值" value={formatYuan(policy.cashValueCents)} testId="cash-value" />
        <InfoRow
          label="可贷金额"
          value={
            policy.loanQuota.unavailableReason
              ? `暂不可贷（${policy.loanQuota.unavailableReason}）`
              : formatYuan(policy.loanQuota.quotaCents)
          }
          testId="loan-quota"
        />
      </View>

      <View className="zx-card">
        <Text className="zx-card__title">投保人与被保险人</Text>
        <InfoRow label="投保人" value={`${policy.holder.name} ${policy.holder.idNumberMasked}`} />
        <InfoRow label="被保险人" value={`${policy.insured.name} ${policy.insured.idNumberMasked}`} />
      </View>

      <View className="zx-card">
        <Text className="zx-card__title">受益人</Text>
        {policy.beneficiaries.length === 0 ? (
          <Text className="zx-muted">法定受益人</Text>
        ) : (
          policy.beneficiaries.map((beneficiary) => (
            <InfoRow
              key={`${beneficiary.order}-${beneficiary.name}`}
              label={`第${beneficiary.order}顺位 · ${beneficiary.relation}`}
              value={`${beneficiary.name} ${beneficiary.idNumberMasked} · ${formatBasisPoints(beneficiary.shareBasisPoints)}`}
            />
          ))
        )}
      </View>

      {policy.accumulatedDividendsCents !== null || policy.dividendOption !== null ? (
        <View className="zx-card" data-testid="dividends">
          <Text className="zx-card__title">红利</Text>
          {policy.accumulatedDividendsCents !== null ? (
            <InfoRow
              label="累积红利"
              value={formatYuan(policy.accumulatedDividendsCents)}
              testId="dividend-amount"
            />
          ) : null}
          {policy.dividendOption ? (
            <InfoRow label="红利领取方式" value={DIVIDEND_OPTION_LABELS[policy.dividendOption]} />
          ) : null}
        </View>
      ) : null}

      {policy.loan ? (
        <View className="zx-card" data-testid="loan">
          <Text className="zx-card__title">保单贷款</Text>
          <InfoRow label="贷款本金" value={formatYuan(policy.loan.principalCents)} testId="loan-principal" />
          <InfoRow label="应计利息" value={formatYuan(policy.loan.accruedInterestCents)} />
          <InfoRow label="年利率" value={formatBasisPoints(policy.loan.annualRateBasisPoints)} />
          <InfoRow label="贷款日期" value={formatDateCn(policy.loan.startDate)} />
          <InfoRow label="到期日期" value={formatDateCn(policy.loan.dueDate)} />
        </View>
      ) : null}
    </View>
  );
}

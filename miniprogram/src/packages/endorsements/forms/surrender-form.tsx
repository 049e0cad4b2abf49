import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDateCn } from '@zhixiang/shared/format/dates';
import { formatYuan } from '@zhixiang/shared/format/money';
import { useState } from 'react';
import { InfoRow } from '../../../components/info-row';
import { FormFooter, type FormProps, footerMessage } from './form-parts';
import {
  initialPayee,
  PAYEE_FIELDS,
  PayeeAccount,
  type PayeeState,
  payeeBody,
  payeeProblems,
  payeeReady,
} from './payee-account';

/**
 * 退保: the quote first — what comes back and, plainly, what is lost against the premiums paid —
 * then an explicit confirmation the customer can decline. The loss they accepted goes with the
 * request; the server refuses it if today's figure differs.
 */
export function SurrenderForm({ options, serverProblem, busy, onEdit, onCreate }: FormProps) {
  const [payee, setPayee] = useState<PayeeState>(() => initialPayee(options));
  const [showAll, setShowAll] = useState(false);
  const quote = options.surrender;
  if (!quote) return null;
  const problems = payeeProblems(payee, options, showAll);

  const confirm = async () => {
    setShowAll(true);
    if (!payeeReady(payee, options)) return;
    const answer = await Taro.showModal({
      title: '确认退保',
      content: `${quote.lossLabel}退保后保险合同终止，不再享有保障。`,
      confirmText: '确认退保',
      confirmColor: '#b91c1c',
      cancelText: '我再想想',
    });
    if (!answer.confirm) {
      void Taro.showToast({ title: '已取消，保单保障不变', icon: 'none' });
      return;
    }
    onCreate({ type: 'surrender', acknowledgedLossCents: quote.lossCents, ...payeeBody(payee) });
  };

  return (
    <View>
      <View className="zx-card" data-testid="surrender-quote">
        <Text className="zx-card__title">
          {quote.inCoolingOff
            ? `犹豫期内退保（${formatDateCn(quote.coolingOffEndDate)}前）`
            : '犹豫期后退保：按现金价值退还'}
        </Text>
        <InfoRow label="已交保费" value={formatYuan(quote.premiumsPaidCents)} />
        {quote.inCoolingOff ? (
          <InfoRow label="工本费" value={formatYuan(quote.feeCents)} />
        ) : (
          <InfoRow label="现金价值" value={formatYuan(quote.cashValueCents)} />
        )}
        {quote.loanDeductionCents > 0 ? (
          <InfoRow label="扣除未还贷款本息" value={formatYuan(quote.loanDeductionCents)} />
        ) : null}
        <InfoRow label="可退金额" value={formatYuan(quote.refundCents)} testId="surrender-refund" />
        <InfoRow label="退保损失" value={formatYuan(quote.lossCents)} testId="surrender-loss" />
        <View className="zx-endorse__loss" data-testid="surrender-loss-label">
          {quote.lossLabel}
        </View>
      </View>
      <View className="zx-notice">
        退保后保险合同终止，被保险人不再享有保障；如需资金周转，也可考虑保单贷款或红利领取。
      </View>
      <PayeeAccount
        options={options}
        value={payee}
        onChange={(value) => {
          setPayee(value);
          onEdit();
        }}
        problems={problems}
        serverProblem={serverProblem}
      />
      <FormFooter
        message={footerMessage(problems, serverProblem, PAYEE_FIELDS, showAll)}
        busy={busy}
        onNext={() => void confirm()}
        label="我已了解退保损失，申请退保"
      />
    </View>
  );
}

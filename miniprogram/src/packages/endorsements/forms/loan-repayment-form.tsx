import { Text, View } from '@tarojs/components';
import { checkLoanRepayment, type RepaymentRequest } from '@zhixiang/shared/endorsement/loan-repayment';
import { formatDateCn, todayInShanghai } from '@zhixiang/shared/format/dates';
import { formatYuan } from '@zhixiang/shared/format/money';
import { useState } from 'react';
import { InfoRow } from '../../../components/info-row';
import { formatBasisPoints } from '../../../lib/labels';
import { AmountInput, type AmountValue, emptyAmount } from '../components/amount-input';
import { FormFooter, type FormProps, fieldMessage, footerMessage } from './form-parts';
import { outstandingLoan } from './policy-loan-form';

/** 贷款还款: today's balance (interest by day), then full or partial; interest is settled first. */
export function LoanRepaymentForm({ options, serverProblem, busy, onEdit, onCreate }: FormProps) {
  const [kind, setKind] = useState<'full' | 'partial'>('full');
  const [amount, setAmount] = useState<AmountValue>(emptyAmount);
  const [showAll, setShowAll] = useState(false);
  const loan = outstandingLoan(options);
  const balance = options.repayment;
  const request: RepaymentRequest =
    kind === 'full' ? { kind } : { kind, amountCents: amount.cents ?? Number.NaN };
  const result = checkLoanRepayment(loan, request, todayInShanghai());
  const problems = result.ok || (kind === 'partial' && amount.text === '' && !showAll) ? [] : result.problems;

  const next = () => {
    setShowAll(true);
    if (result.ok)
      onCreate(
        kind === 'full'
          ? { type: 'loan_repayment', kind }
          : { type: 'loan_repayment', kind, amountCents: result.value.paidCents },
      );
  };

  return (
    <View>
      {balance ? (
        <View className="zx-card" data-testid="repayment-balance">
          <Text className="zx-card__title">截至今日应还 {formatYuan(balance.totalDueCents)}</Text>
          <InfoRow label="贷款本金" value={formatYuan(balance.principalCents)} />
          <InfoRow label="应计利息（按日计息）" value={formatYuan(balance.accruedInterestCents)} />
          <InfoRow label="年利率" value={formatBasisPoints(balance.annualRateBasisPoints)} />
          <InfoRow
            label="起息日 / 到期日"
            value={`${formatDateCn(balance.startDate)} / ${formatDateCn(balance.dueDate)}`}
          />
        </View>
      ) : null}
      <View className="zx-card">
        <View className="zx-chips">
          {(['full', 'partial'] as const).map((value) => (
            <Text
              key={value}
              className={`zx-chip ${kind === value ? 'zx-chip--on' : ''}`}
              data-testid={`repay-${value}`}
              onClick={() => {
                setKind(value);
                onEdit();
              }}
            >
              {value === 'full' ? '全部还款' : '部分还款'}
            </Text>
          ))}
        </View>
        {kind === 'partial' ? (
          <AmountInput
            label="还款金额"
            value={amount}
            onChange={(value) => {
              setAmount(value);
              onEdit();
            }}
            hint="先还利息，再还本金；剩余本金自今日起重新计息"
            error={fieldMessage(problems, serverProblem, 'amountCents')}
            testId="repay-amount"
          />
        ) : null}
        {result.ok ? (
          <View className="zx-field__hint" data-testid="repayment-preview">
            本次还款 {formatYuan(result.value.paidCents)}：利息 {formatYuan(result.value.interestPaidCents)}
            ，本金 {formatYuan(result.value.principalPaidCents)}；
            {result.value.loanAfter
              ? `剩余本金 ${formatYuan(result.value.loanAfter.principalCents)}`
              : '贷款将全部结清'}
          </View>
        ) : null}
      </View>
      <FormFooter
        message={footerMessage(problems, serverProblem, ['amountCents'], showAll)}
        busy={busy}
        onNext={next}
      />
    </View>
  );
}

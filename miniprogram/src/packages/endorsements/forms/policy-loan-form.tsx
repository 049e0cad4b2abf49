import { Text, View } from '@tarojs/components';
import type { EndorsementOptions } from '@zhixiang/shared/endorsement/application';
import { checkPolicyLoan } from '@zhixiang/shared/endorsement/policy-loan';
import { endorsementRules } from '@zhixiang/shared/endorsement/settings';
import { formatDateCn, todayInShanghai } from '@zhixiang/shared/format/dates';
import { formatYuan } from '@zhixiang/shared/format/money';
import type { LoanRecord } from '@zhixiang/shared/policy/model';
import { useState } from 'react';
import { formatBasisPoints } from '../../../lib/labels';
import { AmountInput, type AmountValue, emptyAmount } from '../components/amount-input';
import { FormFooter, type FormProps, fieldMessage, footerMessage } from './form-parts';
import {
  initialPayee,
  PAYEE_FIELDS,
  PayeeAccount,
  type PayeeState,
  payeeBody,
  payeeProblems,
  payeeReady,
} from './payee-account';

/** The outstanding loan as the shared rules take it, rebuilt from the options view. */
export function outstandingLoan(options: EndorsementOptions): LoanRecord | null {
  const loan = options.repayment;
  return loan
    ? {
        principalCents: loan.principalCents,
        annualRateBasisPoints: loan.annualRateBasisPoints,
        startDate: loan.startDate,
        dueDate: loan.dueDate,
      }
    : null;
}

const FIELDS = ['amountCents', ...PAYEE_FIELDS];

/**
 * 保单贷款: the quota and the rate first, then the amount checked as typed by the same rule the
 * server runs (minimum, quota), with the term's interest and the due date previewed. The money is
 * paid to the policyholder's own account: the renewal account on record, or a card of theirs.
 */
export function PolicyLoanForm({ options, serverProblem, busy, onEdit, onCreate }: FormProps) {
  const [amount, setAmount] = useState<AmountValue>(emptyAmount);
  const [payee, setPayee] = useState<PayeeState>(() => initialPayee(options));
  const [showAll, setShowAll] = useState(false);
  const { loan } = options;
  const option = options.options.find((o) => o.type === 'policy_loan');

  const result = checkPolicyLoan(
    { amountCents: amount.cents ?? 0, channel: 'self_service', applicantBirthDate: '1900-01-01' },
    {
      status: 'in_force',
      cashValueCents: loan.cashValueCents,
      loan: outstandingLoan(options),
      holderId: options.holder.customerId,
      insuredId: options.insured.customerId,
    },
    {
      loanableRatioBasisPoints: loan.loanableRatioBasisPoints,
      loanAnnualRateBasisPoints: loan.annualRateBasisPoints,
      hasDeathBenefit: option?.insuredConsentRequired ?? false,
    },
    todayInShanghai(),
    {
      ...endorsementRules.loan,
      minimumAmountCents: loan.minimumAmountCents,
      termMonths: loan.termMonths,
      reviewAboveCents: loan.reviewAboveCents,
    },
  );
  const problems = [
    ...(result.ok || (amount.text === '' && !showAll) ? [] : result.problems),
    ...payeeProblems(payee, options, showAll),
  ];

  const next = () => {
    setShowAll(true);
    if (!result.ok || !payeeReady(payee, options)) return;
    onCreate({ type: 'policy_loan', amountCents: result.value.amountCents, ...payeeBody(payee) });
  };

  return (
    <View>
      <View className="zx-card" data-testid="loan-quota">
        <Text className="zx-card__title">
          可贷金额 {formatYuan(loan.quotaCents)}，年利率 {formatBasisPoints(loan.annualRateBasisPoints)}
        </Text>
        <Text className="zx-muted">
          现金价值 {formatYuan(loan.cashValueCents)} × {formatBasisPoints(loan.loanableRatioBasisPoints)}
          {loan.outstandingPrincipalCents > 0
            ? ` − 未还本息 ${formatYuan(loan.outstandingPrincipalCents + loan.accruedInterestCents)}`
            : ''}
          ；最低 {formatYuan(loan.minimumAmountCents)}，期限 {loan.termMonths} 个月。
          {loan.outstandingPrincipalCents > 0 ? '已有贷款的应计利息将并入新贷款本金，按新贷款重新起息。' : ''}
        </Text>
      </View>
      <View className="zx-card">
        <AmountInput
          label="贷款金额"
          value={amount}
          onChange={(value) => {
            setAmount(value);
            onEdit();
          }}
          hint={`不超过 ${formatYuan(loan.quotaCents)}`}
          error={amount.text === '' && !showAll ? null : fieldMessage(problems, serverProblem, 'amountCents')}
          testId="loan-amount"
        />
        {result.ok ? (
          <View className="zx-field__hint" data-testid="loan-preview">
            到期日 {formatDateCn(result.value.dueDate)}，{loan.termMonths} 个月利息约{' '}
            {formatYuan(result.value.termInterestPreviewCents)}（按日计息，提前还款按实际天数计算）
          </View>
        ) : null}
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
        message={footerMessage(problems, serverProblem, FIELDS, showAll)}
        busy={busy}
        onNext={next}
      />
    </View>
  );
}

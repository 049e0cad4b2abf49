import { daysBetween } from '../format/dates';
import { formatYuan } from '../format/money';
import { accruedLoanInterestCents } from '../policy/loan-interest';
import type { LoanRecord } from '../policy/model';
import { accept, type RuleResult, refuse } from './rule-result';

/**
 * Loan repayment (贷款还款): interest accrues by day from the loan's start date to today, simple
 * interest on actual/365, rounded half up to the cent once for the whole period
 * (`accruedLoanInterestCents`). A payment settles the interest first, then principal. A partial
 * payment must at least cover the accrued interest — the loan record carries no unpaid-interest
 * balance, so after a partial payment the remaining principal starts accruing afresh from today
 * (same rate, same due date). Paying the whole balance clears the loan.
 */
export type RepaymentRequest = { kind: 'full' } | { kind: 'partial'; amountCents: number };

export interface RepaymentOutcome {
  accruedInterestCents: number;
  /** Principal + accrued interest today. */
  totalDueCents: number;
  paidCents: number;
  interestPaidCents: number;
  principalPaidCents: number;
  /** The loan after the payment; null when it is fully repaid. */
  loanAfter: LoanRecord | null;
}

export function checkLoanRepayment(
  loan: LoanRecord | null,
  request: RepaymentRequest,
  today: string,
): RuleResult<RepaymentOutcome> {
  if (!loan) return refuse([{ field: 'policyNo', message: '该保单没有未还清的贷款' }]);
  if (daysBetween(loan.startDate, today) < 0)
    return refuse([{ field: 'today', message: '还款日期早于贷款起息日' }]);

  const accruedInterestCents = accruedLoanInterestCents(loan, today);
  const totalDueCents = loan.principalCents + accruedInterestCents;
  const paid = request.kind === 'full' ? totalDueCents : request.amountCents;

  if (request.kind === 'partial') {
    const minimum = Math.max(1, accruedInterestCents);
    if (!Number.isSafeInteger(paid) || paid <= 0)
      return refuse([{ field: 'amountCents', message: '请输入还款金额（精确到分）' }]);
    if (paid > totalDueCents)
      return refuse([
        {
          field: 'amountCents',
          message: `还款金额超过应还总额 ${formatYuan(totalDueCents)}，请选择全部还款`,
        },
      ]);
    if (paid < minimum)
      return refuse([
        { field: 'amountCents', message: `部分还款须先结清应计利息，金额不能低于 ${formatYuan(minimum)}` },
      ]);
  }

  const interestPaidCents = Math.min(paid, accruedInterestCents);
  const principalPaidCents = paid - interestPaidCents;
  const principalLeft = loan.principalCents - principalPaidCents;
  return accept({
    accruedInterestCents,
    totalDueCents,
    paidCents: paid,
    interestPaidCents,
    principalPaidCents,
    loanAfter: principalLeft === 0 ? null : { ...loan, principalCents: principalLeft, startDate: today },
  });
}

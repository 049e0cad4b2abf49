import { addMonths } from '../format/dates';
import { formatYuan } from '../format/money';
import { accruedLoanInterestCents } from '../policy/loan-interest';
import { policyLoanPosition } from '../policy/loan-quota';
import type { LoanRecord, PolicyRecord, ProductRecord } from '../policy/model';
import { accept, type RuleProblem, type RuleResult, refuse } from './rule-result';
import { type EndorsementRules, endorsementRules } from './settings';

/**
 * Policy loan (保单贷款): the amount is at most the quota of `policyLoanPosition` (loanable ratio ×
 * cash value − outstanding principal and interest) and at least the configured minimum; the term is
 * six months; the interest for the whole term is shown before confirming. A further loan while one
 * is outstanding consolidates: the accrued interest is capitalised and one loan of
 * old principal + interest + new amount starts today — so the consolidated principal never exceeds
 * ratio × cash value. Death-benefit policies need the insured's written consent when the holder is
 * not the insured (保险法 Art. 34).
 */
export type LoanChannel = 'self_service' | 'agent_assisted';

export interface PolicyLoanRequest {
  amountCents: number;
  channel: LoanChannel;
  /** Birth date of the customer applying (the policyholder), for the review rule. */
  applicantBirthDate: string;
}

export interface PolicyLoanOutcome {
  amountCents: number;
  quotaCents: number;
  annualRateBasisPoints: number;
  startDate: string;
  dueDate: string;
  /** Simple interest on the amount for the whole term, as shown before confirming. */
  termInterestPreviewCents: number;
  /** Interest of an outstanding loan capitalised into the consolidated loan (0 without one). */
  capitalisedInterestCents: number;
  /** The policy's loan once this one is paid out. */
  loanAfter: LoanRecord;
  insuredConsentRequired: boolean;
  /** Why staff must review it (empty: it may be approved automatically). */
  reviewReasons: string[];
}

export function checkPolicyLoan(
  request: PolicyLoanRequest,
  policy: Pick<PolicyRecord, 'status' | 'cashValueCents' | 'loan' | 'holderId' | 'insuredId'>,
  product: Pick<ProductRecord, 'loanableRatioBasisPoints' | 'loanAnnualRateBasisPoints' | 'hasDeathBenefit'>,
  today: string,
  rules: EndorsementRules['loan'] = endorsementRules.loan,
): RuleResult<PolicyLoanOutcome> {
  const position = policyLoanPosition(policy, product, today);
  if (position.unavailableReason)
    return refuse([{ field: 'amountCents', message: position.unavailableReason }]);
  if (position.quotaCents < rules.minimumAmountCents)
    return refuse([
      {
        field: 'amountCents',
        message: `可贷金额 ${formatYuan(position.quotaCents)} 低于最低贷款金额 ${formatYuan(rules.minimumAmountCents)}，暂不能申请`,
      },
    ]);

  const problems: RuleProblem[] = [];
  const amount = request.amountCents;
  if (!Number.isSafeInteger(amount) || amount <= 0)
    problems.push({ field: 'amountCents', message: '请输入贷款金额（精确到分）' });
  else if (amount < rules.minimumAmountCents)
    problems.push({
      field: 'amountCents',
      message: `贷款金额不能低于 ${formatYuan(rules.minimumAmountCents)}`,
    });
  else if (amount > position.quotaCents)
    problems.push({
      field: 'amountCents',
      message: `贷款金额不能超过可贷金额 ${formatYuan(position.quotaCents)}`,
    });
  if (problems.length > 0) return refuse(problems);

  const dueDate = addMonths(today, rules.termMonths);
  const rate = product.loanAnnualRateBasisPoints;
  const principalAfter = position.outstandingPrincipalCents + position.accruedInterestCents + amount;
  return accept({
    amountCents: amount,
    quotaCents: position.quotaCents,
    annualRateBasisPoints: rate,
    startDate: today,
    dueDate,
    termInterestPreviewCents: accruedLoanInterestCents(
      { principalCents: amount, annualRateBasisPoints: rate, startDate: today },
      dueDate,
    ),
    capitalisedInterestCents: position.accruedInterestCents,
    loanAfter: { principalCents: principalAfter, annualRateBasisPoints: rate, startDate: today, dueDate },
    insuredConsentRequired: product.hasDeathBenefit && policy.holderId !== policy.insuredId,
    reviewReasons: loanReviewReasons(request, today, rules),
  });
}

/**
 * The market's auto-approval rule: a loan above ¥100,000, or a self-service loan by a customer
 * aged 60 or over ("60 周岁以上" includes 60, 民法典 Art. 1259), goes to staff review.
 */
export function loanReviewReasons(
  request: Pick<PolicyLoanRequest, 'amountCents' | 'channel' | 'applicantBirthDate'>,
  today: string,
  rules: EndorsementRules['loan'] = endorsementRules.loan,
): string[] {
  const reasons: string[] = [];
  if (request.amountCents > rules.reviewAboveCents)
    reasons.push(`贷款金额超过 ${formatYuan(rules.reviewAboveCents)}，需人工审核`);
  if (
    request.channel === 'self_service' &&
    ageOn(request.applicantBirthDate, today) >= rules.selfServiceReviewFromAge
  )
    reasons.push(`${rules.selfServiceReviewFromAge} 周岁以上客户自助申请贷款，需人工审核`);
  return reasons;
}

/** Full years of age on `today` (a 02-29 birthday counts on 03-01 in common years). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

import { formatYuan } from '../format/money';
import { accruedLoanInterestCents } from '../policy/loan-interest';
import type { PolicyRecord, ProductRecord } from '../policy/model';
import { coolingOffEndDate, isInCoolingOff } from '../policy/view';
import { accept, type RuleResult, refuse } from './rule-result';
import { type EndorsementRules, endorsementRules } from './settings';

/**
 * Surrender (退保). Inside the cooling-off period (犹豫期) the premiums paid come back less a fee of
 * at most ¥10 (the industry rule in PRODUCT.md; the fee is configuration, capped at ¥10); after
 * it, the cash value comes back. An outstanding loan's principal and interest are deducted in both
 * cases; the refund is never negative. The loss against the premiums paid is computed and
 * labelled so the customer sees it plainly before confirming.
 */
export interface SurrenderOutcome {
  inCoolingOff: boolean;
  coolingOffEndDate: string;
  premiumsPaidCents: number;
  /** Cooling-off fee actually charged (0 after cooling-off). */
  feeCents: number;
  cashValueCents: number;
  loanDeductionCents: number;
  refundCents: number;
  /** Premiums paid − refund when positive, else 0. */
  lossCents: number;
  /** One plain Chinese sentence for the confirmation screen. */
  lossLabel: string;
}

export function checkSurrender(
  policy: Pick<PolicyRecord, 'status' | 'receiptDate' | 'cashValueCents' | 'loan'>,
  product: Pick<ProductRecord, 'coolingOffDays'>,
  /** Premiums paid to date: `premiumsPaidCents` of shared/src/policy/premiums.ts until a ledger exists. */
  premiumsPaidCents: number,
  today: string,
  rules: EndorsementRules['surrender'] = endorsementRules.surrender,
): RuleResult<SurrenderOutcome> {
  if (policy.status !== 'in_force' && policy.status !== 'lapsed')
    return refuse([{ field: 'policyNo', message: '保单已终止，不能办理退保' }]);
  if (!Number.isSafeInteger(premiumsPaidCents) || premiumsPaidCents < 0)
    return refuse([{ field: 'premiumsPaidCents', message: '已交保费金额有误' }]);

  const inCoolingOff = isInCoolingOff(policy, product.coolingOffDays, today);
  const loanDeductionCents = policy.loan
    ? policy.loan.principalCents + accruedLoanInterestCents(policy.loan, today)
    : 0;
  const feeCents = inCoolingOff ? Math.min(rules.coolingOffFeeCents, premiumsPaidCents) : 0;
  const gross = inCoolingOff ? premiumsPaidCents - feeCents : policy.cashValueCents;
  const refundCents = Math.max(0, gross - loanDeductionCents);
  const lossCents = Math.max(0, premiumsPaidCents - refundCents);
  return accept({
    inCoolingOff,
    coolingOffEndDate: coolingOffEndDate(policy.receiptDate, product.coolingOffDays),
    premiumsPaidCents,
    feeCents,
    cashValueCents: policy.cashValueCents,
    loanDeductionCents,
    refundCents,
    lossCents,
    lossLabel: surrenderLossLabel({
      inCoolingOff,
      premiumsPaidCents,
      refundCents,
      lossCents,
      loanDeductionCents,
    }),
  });
}

function surrenderLossLabel(o: {
  inCoolingOff: boolean;
  premiumsPaidCents: number;
  refundCents: number;
  lossCents: number;
  loanDeductionCents: number;
}): string {
  const loan = o.loanDeductionCents > 0 ? `（已扣除未还贷款本息 ${formatYuan(o.loanDeductionCents)}）` : '';
  if (o.lossCents === 0)
    return `您已交保费 ${formatYuan(o.premiumsPaidCents)}，退保可领取 ${formatYuan(o.refundCents)}${loan}，没有损失。`;
  const basis = o.inCoolingOff ? '犹豫期内退保' : '退保按现金价值计算';
  return `您已交保费 ${formatYuan(o.premiumsPaidCents)}，${basis}，可领取 ${formatYuan(o.refundCents)}${loan}，将损失 ${formatYuan(o.lossCents)}。`;
}

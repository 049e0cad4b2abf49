import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import {
  ENDORSEMENT_TYPE_LABELS,
  ENDORSEMENT_TYPES,
  type EndorsementOptions,
  type EndorsementType,
} from '@zhixiang/shared/endorsement/application';
import { BENEFICIARY_RELATIONS } from '@zhixiang/shared/endorsement/beneficiary-change';
import { ADULT_AGE } from '@zhixiang/shared/endorsement/evaluate';
import { ageOn } from '@zhixiang/shared/endorsement/policy-loan';
import { endorsementRules, supportedBanks } from '@zhixiang/shared/endorsement/settings';
import { isFinal } from '@zhixiang/shared/endorsement/state-machine';
import { checkSurrender } from '@zhixiang/shared/endorsement/surrender';
import { accruedLoanInterestCents } from '@zhixiang/shared/policy/loan-interest';
import { policyLoanPosition } from '@zhixiang/shared/policy/loan-quota';
import { premiumsPaidCents } from '@zhixiang/shared/policy/premiums';
import { DIVIDEND_OPTION_LABELS, DIVIDEND_OPTIONS } from '@zhixiang/shared/policy/schemas';
import { maskBankAccount, maskIdNumber, maskPhone } from '@zhixiang/shared/privacy/mask';
import {
  assertActsForHolder,
  type EndorsementDeps,
  loadEndorsablePolicy,
  todayOf,
  trusteeAuthority,
} from './endorsement-deps';

/**
 * What the holder (or their agent) can change on a policy today, with the figures to decide on
 * before filling a form: 可贷金额 and 年利率, the loan to repay, the dividends, the surrender quote
 * with its loss, the current beneficiaries and contacts (masked). Each type says why it is not
 * available when it is not; an open application of a type is offered to resume.
 */
export async function getEndorsementOptions(
  deps: Pick<EndorsementDeps, 'repositories' | 'now'>,
  claims: AccessClaims,
  policyNo: string,
  /** A trustee reads the options on the authorisation they act on: only its matters are offered. */
  authorisationId?: string,
): Promise<EndorsementOptions> {
  const authority = authorisationId
    ? await trusteeAuthority(deps, claims, { authorisationId, policyNo, type: null })
    : null;
  const target = await loadEndorsablePolicy(deps, claims, policyNo, authority);
  if (!authority) assertActsForHolder(claims, target.holder);
  const { policy, product, holder, insured } = target;
  const today = todayOf(deps);
  const open = (await deps.repositories.endorsements.listByHolder(holder.customerId)).filter(
    (a) => a.policyNo === policyNo && !isFinal(a.status),
  );

  const inForce = policy.status === 'in_force';
  const position = policyLoanPosition(policy, product, today);
  const loanReason =
    position.unavailableReason ??
    (position.quotaCents < endorsementRules.loan.minimumAmountCents ? '可贷金额低于最低贷款金额' : null);
  const premiums = premiumsPaidCents(policy);
  const surrender = premiums === null ? null : checkSurrender(policy, product, premiums, today);
  const dividendReason = !product.participating
    ? '该保单不是分红型保单'
    : !inForce
      ? '保单当前不是有效状态'
      : null;
  const holderIsInsured = policy.holderId === policy.insuredId;
  const insuredAdult = ageOn(insured.birthDate, today) >= ADULT_AGE;
  const consentFor = (type: EndorsementType) =>
    !holderIsInsured &&
    insuredAdult &&
    (type === 'beneficiary_change' || (type === 'policy_loan' && product.hasDeathBenefit));

  const reasons: Record<EndorsementType, string | null> = {
    contact_change: null,
    beneficiary_change: !inForce
      ? '保单当前不是有效状态'
      : !product.hasDeathBenefit
        ? '该保单没有身故保险金，无需指定受益人'
        : null,
    policy_loan: loanReason,
    loan_repayment: policy.loan ? null : '该保单没有未还清的贷款',
    dividend_withdrawal:
      dividendReason ?? ((policy.accumulatedDividendsCents ?? 0) > 0 ? null : '保单暂无可领取的红利'),
    dividend_option_change: dividendReason,
    renewal_account_change: inForce && policy.nextDueDate ? null : '该保单无需续期缴费',
    surrender:
      surrender === null
        ? '该保单的已交保费需人工核算，请联系客服办理退保'
        : surrender.ok
          ? null
          : (surrender.problems[0]?.message ?? '暂不能退保'),
  };
  if (authority)
    for (const type of ENDORSEMENT_TYPES)
      if (!authority.poa.matters.some((matter) => matter === type))
        reasons[type] = `录像授权 ${authority.authorisationId} 未委托办理此项`;

  const loan = policy.loan;
  const loanInterest = loan ? accruedLoanInterestCents(loan, today) : 0;
  return {
    policyNo,
    productName: product.name,
    policyVersion: policy.version,
    holder: { customerId: holder.customerId, name: holder.name },
    insured: { customerId: insured.customerId, name: insured.name },
    holderIsInsured,
    options: ENDORSEMENT_TYPES.map((type) => ({
      type,
      label: ENDORSEMENT_TYPE_LABELS[type],
      available: reasons[type] === null,
      unavailableReason: reasons[type],
      insuredConsentRequired: consentFor(type),
      openApplicationId: open.find((a) => a.type === type)?.applicationId ?? null,
    })),
    contact: {
      phoneMasked: maskPhone(holder.phone),
      address: holder.address ?? null,
      email: holder.email ?? null,
    },
    beneficiaries: policy.beneficiaries.map((b) => ({
      name: b.name,
      relation: b.relation,
      order: b.order,
      shareBasisPoints: b.shareBasisPoints,
      idNumberMasked: maskIdNumber(b.idNumber),
    })),
    beneficiaryRelations: [...BENEFICIARY_RELATIONS],
    loan: {
      quotaCents: position.quotaCents,
      annualRateBasisPoints: product.loanAnnualRateBasisPoints,
      minimumAmountCents: endorsementRules.loan.minimumAmountCents,
      termMonths: endorsementRules.loan.termMonths,
      cashValueCents: policy.cashValueCents,
      loanableRatioBasisPoints: product.loanableRatioBasisPoints,
      outstandingPrincipalCents: position.outstandingPrincipalCents,
      accruedInterestCents: position.accruedInterestCents,
      reviewAboveCents: endorsementRules.loan.reviewAboveCents,
    },
    repayment: loan
      ? {
          principalCents: loan.principalCents,
          accruedInterestCents: loanInterest,
          totalDueCents: loan.principalCents + loanInterest,
          annualRateBasisPoints: loan.annualRateBasisPoints,
          startDate: loan.startDate,
          dueDate: loan.dueDate,
        }
      : null,
    dividends: product.participating
      ? {
          accumulatedCents: policy.accumulatedDividendsCents ?? 0,
          option: policy.dividendOption,
          optionLabel: policy.dividendOption ? DIVIDEND_OPTION_LABELS[policy.dividendOption] : null,
          choices: DIVIDEND_OPTIONS.map((value) => ({ value, label: DIVIDEND_OPTION_LABELS[value] })),
        }
      : null,
    renewalAccount: policy.renewalAccount
      ? {
          bankName: policy.renewalAccount.bankName,
          accountMasked: maskBankAccount(policy.renewalAccount.accountNumber),
        }
      : null,
    ...(authority?.poa.refundAccount
      ? {
          authorisedPayee: {
            bankName: authority.poa.refundAccount.bankName,
            accountMasked: maskBankAccount(authority.poa.refundAccount.accountNumber),
          },
        }
      : {}),
    supportedBanks: supportedBanks.map((b) => ({ code: b.code, name: b.name })),
    surrender: surrender?.ok
      ? {
          inCoolingOff: surrender.value.inCoolingOff,
          coolingOffEndDate: surrender.value.coolingOffEndDate,
          premiumsPaidCents: surrender.value.premiumsPaidCents,
          feeCents: surrender.value.feeCents,
          cashValueCents: surrender.value.cashValueCents,
          loanDeductionCents: surrender.value.loanDeductionCents,
          refundCents: surrender.value.refundCents,
          lossCents: surrender.value.lossCents,
          lossLabel: surrender.value.lossLabel,
        }
      : null,
  };
}

import { addDays } from '../format/dates';
import { maskBankAccount, maskIdNumber, maskPhone } from '../privacy/mask';
import { nextScheduledBenefit } from './benefits';
import { accruedLoanInterestCents } from './loan-interest';
import { policyLoanPosition } from './loan-quota';
import type { CustomerRecord, PolicyRecord, ProductRecord } from './model';
import type { CustomerSummary, PolicyDetail, PolicySummary } from './schemas';

/**
 * Record → response mapping for policies and customers. Pure: `today` (YYYY-MM-DD in
 * Asia/Shanghai) is passed in, so the cooling-off flag and loan interest are testable and a
 * Lambda running in UTC cannot be off by a day around midnight in China.
 */

/** Last day of the cooling-off period (犹豫期): the receipt day plus the product's days. */
export function coolingOffEndDate(receiptDate: string, coolingOffDays: number): string {
  return addDays(receiptDate, coolingOffDays);
}

export function isInCoolingOff(
  policy: Pick<PolicyRecord, 'status' | 'receiptDate'>,
  coolingOffDays: number,
  today: string,
): boolean {
  // Short-term products (e.g. one-year medical) have no cooling-off period at all.
  return (
    coolingOffDays > 0 &&
    policy.status === 'in_force' &&
    today >= policy.receiptDate &&
    today <= coolingOffEndDate(policy.receiptDate, coolingOffDays)
  );
}

export type PartyView = Pick<CustomerRecord, 'customerId' | 'name' | 'idNumber'> &
  Partial<Pick<CustomerRecord, 'birthDate'>>;

export interface PolicyViewContext {
  product: Pick<
    ProductRecord,
    'productCode' | 'name' | 'kind' | 'coolingOffDays' | 'loanableRatioBasisPoints' | 'benefitSchedule'
  >;
  holder: PartyView;
  insured: PartyView;
  branchName: string;
  agentName: string | null;
  /** The signed-in customer, when the viewer is a customer; decides `viewerRole`. */
  viewerCustomerId: string | null;
  today: string;
}

export function toPolicySummary(
  policy: PolicyRecord,
  ctx: Omit<PolicyViewContext, 'branchName' | 'agentName'>,
): PolicySummary {
  return {
    policyNo: policy.policyNo,
    productCode: policy.productCode,
    productName: ctx.product.name,
    productKind: ctx.product.kind,
    status: policy.status,
    holderName: ctx.holder.name,
    insuredName: ctx.insured.name,
    viewerRole: viewerRole(policy, ctx.viewerCustomerId),
    sumAssuredCents: policy.sumAssuredCents,
    premiumCents: policy.premiumCents,
    premiumFrequency: policy.premiumFrequency,
    nextDueDate: policy.nextDueDate,
    coolingOffEndDate: coolingOffEndDate(policy.receiptDate, ctx.product.coolingOffDays),
    inCoolingOff: isInCoolingOff(policy, ctx.product.coolingOffDays, ctx.today),
  };
}

export function toPolicyDetail(policy: PolicyRecord, ctx: PolicyViewContext): PolicyDetail {
  const loanPosition = policyLoanPosition(policy, ctx.product, ctx.today);
  const insuredBirthDate = ctx.insured.birthDate;
  const nextBenefit = insuredBirthDate
    ? nextScheduledBenefit(ctx.product.benefitSchedule, { ...policy, insuredBirthDate }, ctx.today)
    : null;
  return {
    ...toPolicySummary(policy, ctx),
    effectiveDate: policy.effectiveDate,
    receiptDate: policy.receiptDate,
    holder: toParty(ctx.holder),
    insured: toParty(ctx.insured),
    beneficiaries: [...policy.beneficiaries]
      .sort((a, b) => a.order - b.order || b.shareBasisPoints - a.shareBasisPoints)
      .map((b) => ({
        name: b.name,
        relation: b.relation,
        order: b.order,
        shareBasisPoints: b.shareBasisPoints,
        idNumberMasked: maskIdNumber(b.idNumber),
      })),
    nextDueAmountCents: policy.nextDueDate && policy.status === 'in_force' ? policy.premiumCents : null,
    renewalAccount: policy.renewalAccount
      ? {
          bankName: policy.renewalAccount.bankName,
          accountMasked: maskBankAccount(policy.renewalAccount.accountNumber),
        }
      : null,
    cashValueCents: policy.cashValueCents,
    accumulatedDividendsCents: policy.accumulatedDividendsCents,
    dividendOption: policy.dividendOption,
    loan: policy.loan
      ? { ...policy.loan, accruedInterestCents: accruedLoanInterestCents(policy.loan, ctx.today) }
      : null,
    loanQuota: { quotaCents: loanPosition.quotaCents, unavailableReason: loanPosition.unavailableReason },
    branchName: ctx.branchName,
    agentName: ctx.agentName,
    ...(nextBenefit ? { nextBenefit } : {}),
  };
}

export function toCustomerSummary(
  customer: Pick<CustomerRecord, 'customerId' | 'name' | 'phone' | 'idNumber'>,
  policyCount: number,
): CustomerSummary {
  return {
    customerId: customer.customerId,
    name: customer.name,
    phoneMasked: maskPhone(customer.phone),
    idNumberMasked: maskIdNumber(customer.idNumber),
    policyCount,
  };
}

function toParty(party: PartyView) {
  return { customerId: party.customerId, name: party.name, idNumberMasked: maskIdNumber(party.idNumber) };
}

function viewerRole(
  policy: Pick<PolicyRecord, 'holderId' | 'insuredId'>,
  viewerCustomerId: string | null,
): 'holder' | 'insured' | null {
  if (!viewerCustomerId) return null;
  if (policy.holderId === viewerCustomerId) return 'holder';
  if (policy.insuredId === viewerCustomerId) return 'insured';
  return null;
}

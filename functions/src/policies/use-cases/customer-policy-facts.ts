import { daysBetween } from '@zhixiang/shared/format/dates';
import type { BenefitFact, CallbackFact, LoanFact, PremiumFact } from '@zhixiang/shared/home/todos';
import { nextPolicyAnniversary } from '@zhixiang/shared/policy/benefits';
import { maskBankAccount } from '@zhixiang/shared/privacy/mask';
import type { PolicyReadRepositories } from './policy-view-loader';

export interface CustomerPolicyFacts {
  /** The callback facts of each policy, its booking not yet known (the callback context adds it). */
  callbacks: Omit<CallbackFact, 'booking'>[];
  premiums: PremiumFact[];
  loans: LoanFact[];
  /**
   * The benefit facts of the in-force policies the customer holds whose product has a benefit
   * schedule, the insured's birth date not yet known (`withInsuredBirthDates` adds it).
   */
  benefits: PendingBenefitFact[];
}

export type PendingBenefitFact = Omit<BenefitFact, 'insuredBirthDate'> & { insuredId: string };

/**
 * The customer's policies (as holder or insured: two Queries of their partitions, products from
 * the process's cache) as the facts of the home's callback, premium, loan and benefit to-dos.
 */
export async function customerPolicyFactsOf(
  deps: { repositories: Pick<PolicyReadRepositories, 'policies' | 'products'> },
  customerId: string,
): Promise<CustomerPolicyFacts> {
  const policies = await deps.repositories.policies.listByCustomer(customerId);
  const products = await Promise.all(
    policies.map((policy) => deps.repositories.products.getCached(policy.productCode)),
  );
  const facts: CustomerPolicyFacts = { callbacks: [], premiums: [], loans: [], benefits: [] };
  policies.forEach((policy, i) => {
    const product = products[i];
    const productName = product?.name ?? policy.productCode;
    const isHolder = policy.holderId === customerId;
    facts.callbacks.push({
      policyNo: policy.policyNo,
      productName,
      status: policy.status,
      receiptDate: policy.receiptDate,
      coolingOffDays: product?.coolingOffDays ?? 0,
      isHolder,
    });
    facts.loans.push({
      policyNo: policy.policyNo,
      productName,
      status: policy.status,
      isHolder,
      loan: policy.loan,
    });
    const account = policy.renewalAccount
      ? {
          bankName: policy.renewalAccount.bankName,
          accountNumberMasked: maskBankAccount(policy.renewalAccount.accountNumber),
        }
      : null;
    facts.premiums.push({
      policyNo: policy.policyNo,
      productName,
      status: policy.status,
      isHolder,
      nextDueDate: policy.nextDueDate,
      premiumCents: policy.premiumCents,
      account,
    });
    if (isHolder && policy.status === 'in_force' && product?.benefitSchedule)
      facts.benefits.push({
        policyNo: policy.policyNo,
        productName,
        isHolder,
        status: policy.status,
        effectiveDate: policy.effectiveDate,
        sumAssuredCents: policy.sumAssuredCents,
        schedule: product.benefitSchedule,
        account,
        insuredId: policy.insuredId,
      });
  });
  return facts;
}

/**
 * The benefit facts of the policies with an anniversary — the only day a benefit is paid — within
 * `withinDays` of `today`, with their insureds' birth dates, read in one BatchGetItem for all of
 * them (none when no policy qualifies); a policy whose insured is missing is left out.
 */
export async function withInsuredBirthDates(
  deps: { repositories: Pick<PolicyReadRepositories, 'customers'> },
  facts: readonly PendingBenefitFact[],
  today: string,
  withinDays: number,
): Promise<BenefitFact[]> {
  const near = facts.filter(
    (fact) => daysBetween(today, nextPolicyAnniversary(fact.effectiveDate, today)) <= withinDays,
  );
  if (near.length === 0) return [];
  const insureds = await deps.repositories.customers.getMany([...new Set(near.map((f) => f.insuredId))]);
  return near.flatMap(({ insuredId, ...fact }) => {
    const insured = insureds.get(insuredId);
    return insured ? [{ ...fact, insuredBirthDate: insured.birthDate }] : [];
  });
}

import type { CallbackFact, LoanFact, PremiumFact } from '@zhixiang/shared/home/todos';
import { maskBankAccount } from '@zhixiang/shared/privacy/mask';
import type { PolicyReadRepositories } from './policy-view-loader';

export interface CustomerPolicyFacts {
  /** The callback facts of each policy, its booking not yet known (the callback context adds it). */
  callbacks: Omit<CallbackFact, 'booking'>[];
  premiums: PremiumFact[];
  loans: LoanFact[];
}

/**
 * The customer's policies (as holder or insured: two Queries of their partitions, products from
 * the process's cache) as the facts of the home's callback, premium and loan to-dos.
 */
export async function customerPolicyFactsOf(
  deps: { repositories: Pick<PolicyReadRepositories, 'policies' | 'products'> },
  customerId: string,
): Promise<CustomerPolicyFacts> {
  const policies = await deps.repositories.policies.listByCustomer(customerId);
  const products = await Promise.all(
    policies.map((policy) => deps.repositories.products.getCached(policy.productCode)),
  );
  const facts: CustomerPolicyFacts = { callbacks: [], premiums: [], loans: [] };
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
    facts.premiums.push({
      policyNo: policy.policyNo,
      productName,
      status: policy.status,
      isHolder,
      nextDueDate: policy.nextDueDate,
      premiumCents: policy.premiumCents,
      account: policy.renewalAccount
        ? {
            bankName: policy.renewalAccount.bankName,
            accountNumberMasked: maskBankAccount(policy.renewalAccount.accountNumber),
          }
        : null,
    });
  });
  return facts;
}

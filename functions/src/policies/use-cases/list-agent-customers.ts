import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { CustomerSummary } from '@zhixiang/shared/policy/schemas';
import { toCustomerSummary } from '@zhixiang/shared/policy/view';
import type { Repositories } from '@zhixiang/shared/ports/repositories';

export interface ListAgentCustomersDeps {
  repositories: Pick<Repositories, 'customers' | 'policies'>;
}

/** The signed-in agent's book: assigned customers, masked, with how many policies each has. */
export async function listAgentCustomers(
  deps: ListAgentCustomersDeps,
  claims: AccessClaims,
): Promise<{ customers: CustomerSummary[] }> {
  if (claims.role !== 'agent' || !claims.agentId) throw new AppError('FORBIDDEN', '仅业务员可查看名下客户');
  const customers = await deps.repositories.customers.listByAgent(claims.agentId);
  const summaries = await Promise.all(
    customers.map(async (customer) =>
      toCustomerSummary(customer, await deps.repositories.policies.countByCustomer(customer.customerId)),
    ),
  );
  return {
    customers: summaries.sort(
      (a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.customerId.localeCompare(b.customerId),
    ),
  };
}

import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import { agentHome } from '@zhixiang/shared/home/agent-home';
import type { AgentHomeResponse } from '@zhixiang/shared/home/schemas';
import type { EndorsementRepository } from '@zhixiang/shared/ports/endorsements';
import type { CustomerRepository } from '@zhixiang/shared/ports/repositories';
import { signatureFactsOf } from '../../documents/use-cases/signature-facts';
import { applicationFactsOf } from '../../endorsements/use-cases/application-facts';
import { customerPolicyFactsOf } from '../../policies/use-cases/customer-policy-facts';
import { withBookings } from './callback-facts';
import type { HomeDeps } from './get-my-todos';

export interface AgentHomeDeps extends Omit<HomeDeps, 'letters' | 'repositories'> {
  repositories: Omit<HomeDeps['repositories'], 'handoffs'> & {
    customers: Pick<CustomerRepository, 'listByAgent'>;
    endorsements: Pick<EndorsementRepository, 'listByHolder'>;
  };
}

/**
 * The agent's home: what waits on each assigned customer. The assigned customers come from one
 * Query of the agent's partition; then, for all of them at once, each customer's policies,
 * applications and documents (Queries partitioned by the customer, never one per policy), and
 * one BatchGetItem of the callback bookings of every policy in its cooling-off period.
 */
export async function getAgentHome(deps: AgentHomeDeps, claims: AccessClaims): Promise<AgentHomeResponse> {
  if (claims.role !== 'agent' || !claims.agentId)
    throw new AppError('FORBIDDEN', '业务员工作台仅供业务员查看');
  const agentId = claims.agentId;
  const today = todayInShanghai(new Date(deps.now()));
  const customers = await deps.repositories.customers.listByAgent(agentId);
  const facts = await Promise.all(
    customers.map(async (customer) => {
      const [policies, applications, documents] = await Promise.all([
        customerPolicyFactsOf(deps, customer.customerId),
        applicationFactsOf(deps, customer.customerId),
        signatureFactsOf(deps, customer.customerId),
      ]);
      return { customer, policies, applications, documents };
    }),
  );
  const callbacks = await withBookings(
    deps,
    facts.flatMap((f) => f.policies.callbacks),
    today,
  );
  const withBooking = new Map(callbacks.map((fact) => [fact.policyNo, fact]));
  const lists = agentHome(
    agentId,
    facts.map(({ customer, policies, applications, documents }) => ({
      customerId: customer.customerId,
      name: customer.name,
      applications,
      documents,
      callbacks: policies.callbacks.flatMap((fact) => withBooking.get(fact.policyNo) ?? []),
      premiums: policies.premiums,
    })),
    today,
  );
  return { today, customers: customers.length, lists };
}

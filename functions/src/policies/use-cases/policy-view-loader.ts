import type { CustomerAccessFacts } from '@zhixiang/shared/auth/access';
import { AppError } from '@zhixiang/shared/errors';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type { CustomerRecord, PolicyRecord, ProductRecord } from '@zhixiang/shared/policy/model';
import type { PolicySummary } from '@zhixiang/shared/policy/schemas';
import { type PolicyViewContext, toPolicySummary } from '@zhixiang/shared/policy/view';
import type { Repositories } from '@zhixiang/shared/ports/repositories';

export type PolicyReadRepositories = Pick<
  Repositories,
  'policies' | 'customers' | 'products' | 'branches' | 'agents'
>;

export interface PolicyQueryDeps {
  repositories: PolicyReadRepositories;
  /** Today as YYYY-MM-DD in Asia/Shanghai. */
  today: () => string;
}

/** What the policy queries need from the composition root; "today" follows the container's clock. */
export function policyQueryDeps(container: {
  repositories: PolicyReadRepositories;
  now: () => number;
}): PolicyQueryDeps {
  return { repositories: container.repositories, today: () => todayInShanghai(new Date(container.now())) };
}

/**
 * Resolves what a policy view needs (product, parties, branch, agent) once per request: an agent's
 * list shows the same product and customers many times over. Products, branches and agents are
 * reference data, served from the process's cache; customers are read fresh.
 */
export class PolicyViewLoader {
  private readonly customers = new Map<string, Promise<CustomerRecord | null>>();

  constructor(private readonly repositories: PolicyReadRepositories) {}

  customer(customerId: string): Promise<CustomerRecord | null> {
    return memo(this.customers, customerId, () => this.repositories.customers.get(customerId));
  }

  /** Reads these customers in one BatchGetItem; `customer` then answers from it. */
  prefetchCustomers(customerIds: readonly string[]): void {
    const ids = [...new Set(customerIds)].filter((id) => !this.customers.has(id));
    if (ids.length === 0) return;
    const batch = this.repositories.customers.getMany(ids);
    batch.catch(() => {});
    for (const id of ids)
      this.customers.set(
        id,
        batch.then((found) => found.get(id) ?? null),
      );
  }

  product(productCode: string): Promise<ProductRecord | null> {
    return this.repositories.products.getCached(productCode);
  }

  /** The holder and insured as access facts (one entry when they are the same person). */
  async parties(policy: PolicyRecord): Promise<CustomerAccessFacts[]> {
    const ids = [...new Set([policy.holderId, policy.insuredId])];
    const found = await Promise.all(ids.map((id) => this.customer(id)));
    return found.filter((c): c is CustomerRecord => c !== null);
  }

  async viewContext(
    policy: PolicyRecord,
    viewerCustomerId: string | null,
    today: string,
  ): Promise<PolicyViewContext> {
    const [product, holder, insured, branch, agent] = await Promise.all([
      this.product(policy.productCode),
      this.customer(policy.holderId),
      this.customer(policy.insuredId),
      this.repositories.branches.getCached(policy.branchId),
      policy.agentId ? this.repositories.agents.getCached(policy.agentId) : null,
    ]);
    // A policy pointing at a missing product or customer is broken data, not a user error.
    if (!product || !holder || !insured) {
      throw new AppError('INTERNAL', undefined, {
        logMessage: `policy ${policy.policyNo} refers to a missing product or customer`,
      });
    }
    return {
      product,
      holder,
      insured,
      branchName: branch?.name ?? '',
      agentName: agent?.name ?? null,
      viewerCustomerId,
      today,
    };
  }

  async summaries(
    policies: PolicyRecord[],
    viewerCustomerId: string | null,
    today: string,
  ): Promise<PolicySummary[]> {
    // Newest first: the policy bought last is the one people ask about.
    const ordered = [...policies].sort(
      (a, b) => b.effectiveDate.localeCompare(a.effectiveDate) || a.policyNo.localeCompare(b.policyNo),
    );
    return Promise.all(
      ordered.map(async (p) => toPolicySummary(p, await this.viewContext(p, viewerCustomerId, today))),
    );
  }
}

function memo<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (!value) {
    value = load();
    cache.set(key, value);
  }
  return value;
}

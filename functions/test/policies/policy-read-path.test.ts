import { beforeAll, describe, expect, it } from 'vitest';
import { getPolicy } from '../../src/policies/use-cases/get-policy';
import { policyQueryDeps } from '../../src/policies/use-cases/policy-view-loader';
import { DEMO_CUSTOMERS } from '../../src/seed/demo-data';
import { createSystem, type System } from '../../src/system';
import { commandsSent } from '../support/command-spy';
import { seedDemoDataOnce } from '../support/seeded-demo-data';

/**
 * One policy in full is two round trips at the floor: the policy (GetItem), then its holder and
 * insured together (one BatchGetItem); product, branch and agent come from the process's cache.
 */
let system: System;

beforeAll(async () => {
  system = createSystem();
  await seedDemoDataOnce({ repositories: system.repositories });
});

describe('GET /policies/{policyNo} on a warm process', () => {
  it('reads the policy, then holder and insured in one batch, and nothing else', async () => {
    const customer = DEMO_CUSTOMERS[0]!;
    const policies = await system.repositories.policies.listByCustomer(customer.customerId);
    const insuredElsewhere = policies.find((p) => p.holderId !== p.insuredId) ?? policies[0]!;
    const claims = { sub: 'demo', role: 'customer' as const, customerId: customer.customerId };
    const deps = policyQueryDeps(system);
    const cold = await getPolicy(deps, claims, insuredElsewhere.policyNo);
    let warm: unknown;
    const sent = await commandsSent(system.table.client, async () => {
      warm = await getPolicy(deps, claims, insuredElsewhere.policyNo);
    });
    expect(sent.map((s) => s.command)).toEqual(['GetItemCommand', 'BatchGetItemCommand']);
    expect(warm).toEqual(cold);
  });

  it('shows a renamed branch at once in the process that renamed it', async () => {
    const policy = (await system.repositories.policies.listByCustomer(DEMO_CUSTOMERS[0]!.customerId))[0]!;
    const claims = { sub: 'demo', role: 'customer' as const, customerId: DEMO_CUSTOMERS[0]!.customerId };
    const deps = policyQueryDeps(system);
    await getPolicy(deps, claims, policy.policyNo);
    const branch = (await system.repositories.branches.get(policy.branchId))!;
    await system.repositories.branches.put({ ...branch, name: `${branch.name}（新）` });
    expect((await getPolicy(deps, claims, policy.policyNo)).branchName).toBe(`${branch.name}（新）`);
  });
});

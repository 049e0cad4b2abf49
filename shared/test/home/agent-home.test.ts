import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENDORSEMENT_STATUSES, ENDORSEMENT_TYPES } from '../../src/endorsement/application';
import { addDays } from '../../src/format/dates';
import { agentHome, isWaitingForCustomer } from '../../src/home/agent-home';
import { callbackTodo, premiumTodo } from '../../src/home/todos';
import { POLICY_STATUSES } from '../../src/policy/schemas';

/** The agent's home: an item is there exactly while its condition holds for the customer. */
const TODAY = '2026-11-25';
const application = fc.record({
  applicationId: fc.stringMatching(/^EA\d{8}[A-Z0-9]{6}$/),
  type: fc.constantFrom(...ENDORSEMENT_TYPES),
  status: fc.constantFrom(...ENDORSEMENT_STATUSES),
  policyNo: fc.constant('8831010000001'),
  preparedByAgentId: fc.constantFrom('A001', 'A002', null),
  createdAt: fc.nat(),
});
const policy = fc.record({
  policyNo: fc.stringMatching(/^88\d{11}$/),
  productName: fc.constant('示例年金'),
  status: fc.constantFrom(...POLICY_STATUSES),
  isHolder: fc.boolean(),
  receiptDate: fc.integer({ min: -30, max: 0 }).map((d) => addDays(TODAY, d)),
  coolingOffDays: fc.constantFrom(0, 15),
  booking: fc.constantFrom(null, 'booked' as const, 'cancelled' as const),
  nextDueDate: fc.option(
    fc.integer({ min: -5, max: 60 }).map((d) => addDays(TODAY, d)),
    { nil: null },
  ),
  premiumCents: fc.integer({ min: 1, max: 1_000_000 }),
  account: fc.constant(null),
});

describe('the agent home', () => {
  it('lists an application exactly while the agent prepared it and it waits on the customer', () => {
    fc.assert(
      fc.property(fc.array(application, { maxLength: 5 }), (applications) => {
        const home = agentHome(
          'A001',
          [{ customerId: 'C001', name: '张伟', applications, documents: [], callbacks: [], premiums: [] }],
          TODAY,
        );
        const expected = applications.filter(
          (a) =>
            a.preparedByAgentId === 'A001' && ['draft', 'identity_verified', 'signed'].includes(a.status),
        );
        expect(home.applicationsWaiting.map((i) => i.id).sort()).toEqual(
          expected.map((a) => `application:${a.applicationId}`).sort(),
        );
        for (const a of applications) expect(isWaitingForCustomer(a, 'A001')).toBe(expected.includes(a));
      }),
    );
  });

  it("lists callbacks, premiums and lapsed policies exactly as the customer's own rules say", () => {
    fc.assert(
      fc.property(fc.array(policy, { maxLength: 5 }), (policies) => {
        const home = agentHome(
          'A001',
          [
            {
              customerId: 'C001',
              name: '张伟',
              applications: [],
              documents: [],
              callbacks: policies,
              premiums: policies,
            },
          ],
          TODAY,
        );
        expect(home.callbacksPending).toHaveLength(policies.filter((p) => callbackTodo(p, TODAY)).length);
        expect(home.premiumsDue).toHaveLength(policies.filter((p) => premiumTodo(p, TODAY)).length);
        expect(home.lapsed).toHaveLength(policies.filter((p) => p.isHolder && p.status === 'lapsed').length);
        for (const item of [...home.callbacksPending, ...home.premiumsDue, ...home.lapsed])
          expect(item).toMatchObject({
            customerId: 'C001',
            customerName: '张伟',
            target: { page: 'customer' },
          });
      }),
    );
  });
});

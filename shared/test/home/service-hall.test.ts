import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLICY_SERVICES, policyChoices, serviceEligibility } from '../../src/home/service-hall';
import { POLICY_STATUSES } from '../../src/policy/schemas';

/** The service hall's picker: who may act on which policy, and a reason for every other one. */
const policy = fc.record({
  policyNo: fc.stringMatching(/^88\d{11}$/),
  status: fc.constantFrom(...POLICY_STATUSES),
  viewerRole: fc.constantFrom('holder' as const, 'insured' as const, null),
  inCoolingOff: fc.boolean(),
  coolingOffEndDate: fc.constant('2026-12-05'),
});

describe('service eligibility', () => {
  it('lets only the holder book the callback of an in-force policy in its cooling-off period', () => {
    fc.assert(
      fc.property(policy, (p) => {
        const result = serviceEligibility('callback', p);
        expect(result.eligible).toBe(p.viewerRole === 'holder' && p.status === 'in_force' && p.inCoolingOff);
      }),
    );
  });

  it('lets only the holder open endorsements', () => {
    fc.assert(
      fc.property(policy, (p) => {
        expect(serviceEligibility('endorsements', p).eligible).toBe(p.viewerRole === 'holder');
      }),
    );
  });

  it('gives every ineligible policy a reason in Chinese, and lists the eligible first', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...POLICY_SERVICES),
        fc.array(policy, { maxLength: 6 }),
        (service, policies) => {
          const choices = policyChoices(service, policies);
          expect(choices).toHaveLength(policies.length);
          const firstIneligible = choices.findIndex((c) => !c.eligibility.eligible);
          if (firstIneligible >= 0)
            expect(choices.slice(firstIneligible).every((c) => !c.eligibility.eligible)).toBe(true);
          for (const { eligibility } of choices)
            if (!eligibility.eligible) expect(eligibility.reason).toMatch(/[\u4e00-\u9fa5]/);
        },
      ),
    );
  });

  it('says when the cooling-off period ended', () => {
    expect(
      serviceEligibility('callback', {
        status: 'in_force',
        viewerRole: 'holder',
        inCoolingOff: false,
        coolingOffEndDate: '2021-03-26',
      }),
    ).toEqual({ eligible: false, reason: '犹豫期已于 2021年03月26日 结束，仅犹豫期内的新单需要回访' });
  });
});

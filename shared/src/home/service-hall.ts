import { formatDateCn } from '../format/dates';
import { POLICY_STATUS_LABELS, type PolicySummary } from '../policy/schemas';

/**
 * The service hall (全部服务): which of the customer's policies an item that needs a policy can
 * act on, and — for each of the others — why not, in words the customer reads. Pure, so the
 * picker and its tests agree.
 */
export const POLICY_SERVICES = ['callback', 'endorsements'] as const;
export type PolicyService = (typeof POLICY_SERVICES)[number];

export type Eligibility = { eligible: true } | { eligible: false; reason: string };

type PolicyFacts = Pick<PolicySummary, 'status' | 'viewerRole' | 'inCoolingOff' | 'coolingOffEndDate'>;

export function serviceEligibility(service: PolicyService, policy: PolicyFacts): Eligibility {
  if (policy.viewerRole !== 'holder')
    return {
      eligible: false,
      reason:
        service === 'callback' ? '您是被保险人，新单回访由投保人接听' : '您是被保险人，保全由投保人办理',
    };
  if (service === 'endorsements') return { eligible: true };
  if (policy.status !== 'in_force')
    return { eligible: false, reason: `保单${POLICY_STATUS_LABELS[policy.status]}，无需回访` };
  if (!policy.inCoolingOff)
    return {
      eligible: false,
      reason: `犹豫期已于 ${formatDateCn(policy.coolingOffEndDate)} 结束，仅犹豫期内的新单需要回访`,
    };
  return { eligible: true };
}

/** The policies of a picker: the eligible first, then the others with their reasons. */
export function policyChoices<P extends PolicyFacts>(
  service: PolicyService,
  policies: readonly P[],
): { policy: P; eligibility: Eligibility }[] {
  const choices = policies.map((policy) => ({ policy, eligibility: serviceEligibility(service, policy) }));
  return [
    ...choices.filter((c) => c.eligibility.eligible),
    ...choices.filter((c) => !c.eligibility.eligible),
  ];
}

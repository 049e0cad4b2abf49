import { addMonths } from '../format/dates';
import type { BenefitSchedule } from '../product/benefit-schedule';
import type { POLICY_STATUSES } from './schemas';

/**
 * A policy's scheduled benefits (生存金 / 满期金), pure: from its product's benefit schedule
 * (`shared/src/product/benefit-schedule.ts`), the policy's effective date and sum assured and the
 * insured's birth date. Dates are `YYYY-MM-DD` in Asia/Shanghai; amounts integer cents.
 */

export const BENEFIT_KINDS = ['survival', 'maturity'] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];
export const BENEFIT_KIND_LABELS: Record<BenefitKind, string> = { survival: '生存金', maturity: '满期金' };

export interface ScheduledBenefit {
  date: string;
  kind: BenefitKind;
  amountCents: number;
}

export interface BenefitPolicyFacts {
  status: (typeof POLICY_STATUSES)[number];
  effectiveDate: string;
  sumAssuredCents: number;
  insuredBirthDate: string;
}

/** The longest a schedule is followed: no insured lives past this many anniversaries. */
const MAX_ANNIVERSARIES = 130;

/** The `k`-th policy anniversary (0 = the effective date); a missing 02-29 becomes 02-28. */
export function policyAnniversary(effectiveDate: string, k: number): string {
  return addMonths(effectiveDate, 12 * k);
}

/** The first policy anniversary (≥ 1) on or after `today`: the only days a benefit is paid. */
export function nextPolicyAnniversary(effectiveDate: string, today: string): string {
  let k = Math.max(1, Number(today.slice(0, 4)) - Number(effectiveDate.slice(0, 4)));
  while (k > 1 && policyAnniversary(effectiveDate, k - 1) >= today) k--;
  while (policyAnniversary(effectiveDate, k) < today) k++;
  return policyAnniversary(effectiveDate, k);
}

/** Whole years of age (周岁) on `date`, a birthday the year lacks (02-29) counted on 02-28. */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return addMonths(birthDate, 12 * years) <= date ? years : years - 1;
}

/** The first anniversary (≥ 1) on which the insured is `age` or older. */
function firstAnniversaryAtAge(policy: BenefitPolicyFacts, age: number): number {
  const atStart = ageOn(policy.insuredBirthDate, policy.effectiveDate);
  let k = Math.max(1, age - atStart - 1);
  while (ageOn(policy.insuredBirthDate, policyAnniversary(policy.effectiveDate, k)) < age) k++;
  return k;
}

/** The anniversary the cover ends on, or null when the schedule sets no term. */
export function maturityAnniversary(schedule: BenefitSchedule, policy: BenefitPolicyFacts): number | null {
  const maturity = schedule.maturity;
  if (!maturity) return null;
  return maturity.termYears ?? firstAnniversaryAtAge(policy, maturity.atAge ?? 0);
}

/** `basisPoints` of the sum assured, rounded down to the cent. */
function shareOf(sumAssuredCents: number, basisPoints: number): number {
  return Number((BigInt(sumAssuredCents) * BigInt(basisPoints)) / 10_000n);
}

/**
 * The policy's next scheduled benefit on or after `today` — a survival benefit before the
 * maturity, or the maturity benefit on it — or null: not in force, no schedule, or nothing left.
 */
export function nextScheduledBenefit(
  schedule: BenefitSchedule | null | undefined,
  policy: BenefitPolicyFacts,
  today: string,
): ScheduledBenefit | null {
  if (!schedule || policy.status !== 'in_force') return null;
  const end = maturityAnniversary(schedule, policy);
  const survival = schedule.survival;
  if (survival) {
    const start = survival.fromAnniversary ?? firstAnniversaryAtAge(policy, survival.fromAge ?? 0);
    for (let k = start; k < (end ?? MAX_ANNIVERSARIES); k += survival.everyYears) {
      const date = policyAnniversary(policy.effectiveDate, k);
      if (date >= today)
        return {
          date,
          kind: 'survival',
          amountCents: shareOf(policy.sumAssuredCents, survival.percentBasisPoints),
        };
    }
  }
  if (end === null || !schedule.maturity) return null;
  const date = policyAnniversary(policy.effectiveDate, end);
  if (date < today) return null;
  return {
    date,
    kind: 'maturity',
    amountCents: shareOf(policy.sumAssuredCents, schedule.maturity.percentBasisPoints),
  };
}

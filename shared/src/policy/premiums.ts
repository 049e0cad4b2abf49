import { addMonths } from '../format/dates';
import type { PolicyRecord } from './model';

/** Months between two premiums of each payment frequency (趸交 pays once). */
export const MONTHS_PER_PREMIUM_PERIOD: Record<PolicyRecord['premiumFrequency'], number> = {
  single: 0,
  annual: 12,
  semiannual: 6,
  quarterly: 3,
  monthly: 1,
};

/**
 * Premiums paid to date, derived from the policy record (there is no premium ledger yet): a single
 * premium once; a regular premium once for every due date from the effective date (stepped with
 * `addMonths` from the effective date, so 31st-of-month policies do not drift) before the next due
 * date. Null when it cannot be derived — a regular-premium policy without a next due date (paid up
 * or lapsed) needs the ledger.
 */
export function premiumsPaidCents(
  policy: Pick<PolicyRecord, 'premiumCents' | 'premiumFrequency' | 'effectiveDate' | 'nextDueDate'>,
): number | null {
  const step = MONTHS_PER_PREMIUM_PERIOD[policy.premiumFrequency];
  if (step === 0) return policy.premiumCents;
  if (!policy.nextDueDate || policy.nextDueDate <= policy.effectiveDate) return null;
  let count = 0;
  while (addMonths(policy.effectiveDate, count * step) < policy.nextDueDate) count++;
  return count * policy.premiumCents;
}

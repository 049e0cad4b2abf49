import { addMonths } from '../format/dates';
import { maturityAnniversary, policyAnniversary } from '../policy/benefits';
import type { PolicyRecord, ProductRecord } from '../policy/model';
import { EVIDENCE_RETENTION_YEARS } from './schemas';

/**
 * How long an authorisation's evidence (the recording and the photo page) is locked: the life of
 * the policies it names plus 10 years (保险法 Art. 87). Pure; dates `YYYY-MM-DD` (Shanghai), the
 * lock an instant.
 *
 * - A policy whose product sets a term (its maturity anniversary, from the benefit schedule and the
 *   insured's birth date) ends on that anniversary.
 * - A policy without one (whole life, a cover with no maturity) is **open-ended**: its end is not
 *   in the data. The lock then starts at the longest horizon the data gives — the latest known end,
 *   and never before submission — plus 10 years, and the daily job `extendEvidenceRetention`
 *   extends it (PutObjectRetention, governance mode: extending is allowed, shortening is not) to
 *   that day + 10 years once the policy is no longer in force, or whenever the lock comes within a
 *   year of lapsing while it still is.
 */

/** A policy's end as the data gives it: its maturity date, or null when open-ended. */
export function policyEndDate(
  policy: Pick<PolicyRecord, 'status' | 'effectiveDate' | 'sumAssuredCents'>,
  product: Pick<ProductRecord, 'benefitSchedule'> | null,
  insuredBirthDate: string,
): string | null {
  const schedule = product?.benefitSchedule;
  if (!schedule) return null;
  const term = maturityAnniversary(schedule, { ...policy, insuredBirthDate });
  return term === null ? null : policyAnniversary(policy.effectiveDate, term);
}

/** `date` + the retention years, as the lock's instant (Shanghai midnight of that day). */
export function retainedUntil(date: string): Date {
  return new Date(`${addMonths(date, 12 * EVIDENCE_RETENTION_YEARS)}T00:00:00+08:00`);
}

export interface EvidenceRetention {
  retainUntil: Date;
  /** The policies whose end is not known yet: the job extends the lock for them. */
  openEndedPolicyNos: string[];
}

/** The lock on submission: the latest known end (never before `today`) + 10 years. */
export function evidenceRetention(
  today: string,
  policies: readonly { policyNo: string; endDate: string | null }[],
): EvidenceRetention {
  const latest = policies.reduce(
    (max, p) => (p.endDate !== null && p.endDate > max ? p.endDate : max),
    today,
  );
  return {
    retainUntil: retainedUntil(latest),
    openEndedPolicyNos: policies.filter((p) => p.endDate === null).map((p) => p.policyNo),
  };
}

/** How close to lapsing an open-ended policy's lock may come while the policy is in force. */
export const RETENTION_RENEWAL_DAYS = 365;

/**
 * The job's look at one open-ended policy today: ended (no longer in force) → the lock to today +
 * 10 years (today is on or after its end) and the policy settled; in force → extended to today +
 * 10 years only when the lock would lapse within `RETENTION_RENEWAL_DAYS`. Never shorter.
 */
export function extendedRetention(
  current: Date,
  today: string,
  inForce: boolean,
): { retainUntil: Date; settled: boolean } {
  const due = retainedUntil(today);
  const renewBy = new Date(`${today}T00:00:00+08:00`).getTime() + RETENTION_RENEWAL_DAYS * 86_400_000;
  const extend = !inForce || current.getTime() < renewBy;
  return {
    retainUntil: extend && due > current ? due : current,
    settled: !inForce,
  };
}

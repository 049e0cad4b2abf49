import { daysBetween } from '../format/dates';
import type { LoanRecord } from './model';

/**
 * Simple interest accrued by day on an outstanding loan: principal × annual rate × days / 365,
 * rounded half up to the cent. BigInt keeps large principals exact.
 */
export function accruedLoanInterestCents(
  loan: Pick<LoanRecord, 'principalCents' | 'annualRateBasisPoints' | 'startDate'>,
  today: string,
): number {
  const days = Math.max(0, daysBetween(loan.startDate, today));
  const numerator = BigInt(loan.principalCents) * BigInt(loan.annualRateBasisPoints) * BigInt(days);
  const denominator = 10_000n * 365n;
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}

import {
  evidenceRetention,
  extendedRetention,
  policyEndDate,
  retainedUntil,
} from '@zhixiang/shared/authorisations/retention';
import { describe, expect, it } from 'vitest';

const policy = { status: 'in_force' as const, effectiveDate: '2020-03-01', sumAssuredCents: 10_000_000 };

describe('the evidence kept for the policies’ life + 10 years', () => {
  it('ends a policy on its maturity, by a term or an age; none without a term', () => {
    const term = { benefitSchedule: { maturity: { percentBasisPoints: 10_000, termYears: 20 } } };
    expect(policyEndDate(policy, term as never, '1980-01-01')).toBe('2040-03-01');
    const atAge = { benefitSchedule: { maturity: { percentBasisPoints: 10_000, atAge: 70 } } };
    // Insured born 1980-06-01: 70 on 2050-06-01, so the first anniversary at 70 is 2051-03-01.
    expect(policyEndDate(policy, atAge as never, '1980-06-01')).toBe('2051-03-01');
    expect(policyEndDate(policy, {}, '1980-06-01')).toBeNull();
    expect(policyEndDate(policy, null, '1980-06-01')).toBeNull();
  });

  it('locks until the latest known end + 10 years, never before submission + 10 years', () => {
    expect(
      evidenceRetention('2026-12-06', [
        { policyNo: 'A', endDate: '2040-03-01' },
        { policyNo: 'B', endDate: '2051-03-01' },
        { policyNo: 'C', endDate: null },
      ]),
    ).toEqual({ retainUntil: retainedUntil('2051-03-01'), openEndedPolicyNos: ['C'] });
    expect(evidenceRetention('2026-12-06', [{ policyNo: 'C', endDate: null }])).toEqual({
      retainUntil: new Date('2036-12-05T16:00:00.000Z'),
      openEndedPolicyNos: ['C'],
    });
    // A policy already past its maturity: submission + 10 years still.
    expect(evidenceRetention('2026-12-06', [{ policyNo: 'A', endDate: '2020-01-01' }]).retainUntil).toEqual(
      retainedUntil('2026-12-06'),
    );
  });

  it('extends an open-ended policy’s lock when it ends, or a year before it lapses, never shortening', () => {
    const lock = retainedUntil('2026-12-06');
    // Ended: today + 10 years, settled.
    expect(extendedRetention(lock, '2031-05-20', false)).toEqual({
      retainUntil: retainedUntil('2031-05-20'),
      settled: true,
    });
    // Still running, the lock far off: unchanged.
    expect(extendedRetention(lock, '2031-05-20', true)).toEqual({ retainUntil: lock, settled: false });
    // Still running, the lock within a year: today + 10 years.
    expect(extendedRetention(lock, '2036-06-01', true)).toEqual({
      retainUntil: retainedUntil('2036-06-01'),
      settled: false,
    });
    // Ended long before a later lock: the later lock stays.
    const later = retainedUntil('2051-03-01');
    expect(extendedRetention(later, '2031-05-20', false)).toEqual({ retainUntil: later, settled: true });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complaintMeasurement } from '../../src/complaints/measurement';
import { ratingMeasurement } from '../../src/events/measurement';
import type { ComplaintEventRecord, ComplaintRecord } from '../../src/ports/complaints';
import type { MeasurementEvent } from '../../src/standards/measure';
import { averageHundredths, LOW_RATING_MAX, ratingCells, ratingOf } from '../../src/standards/ratings';

const rating = (id: string, type: string, branchPath: string, score?: number): MeasurementEvent => ({
  eventId: id,
  type,
  at: 1,
  caseId: id,
  branchPath,
  policyNo: null,
  actor: 'c1',
  source: 'system',
  ...(score === undefined ? {} : { score }),
});

describe('satisfaction ratings in the standards report', () => {
  it('counts each rating event once per journey × branch: count, average and low ones', () => {
    const cells = ratingCells([
      rating('a', 'complaint.rated', 'HQ/SH', 5),
      rating('b', 'complaint.rated', 'HQ/SH', 2),
      rating('b', 'complaint.rated', 'HQ/SH', 2),
      rating('c', 'consultation.event_rated', 'HQ/SH', 4),
      rating('d', 'consultation.handoff_rated', 'HQ/SH', 1),
      rating('e', 'complaint.responded', 'HQ/SH'),
      rating('f', 'complaint.rated', 'HQ/BJ', 3),
    ]);
    expect(cells).toEqual([
      { journey: 'complaint', journeyLabel: '投诉', branchPath: 'HQ/BJ', count: 1, sum: 3, low: 0 },
      { journey: 'complaint', journeyLabel: '投诉', branchPath: 'HQ/SH', count: 2, sum: 7, low: 1 },
      { journey: 'consultation', journeyLabel: '咨询', branchPath: 'HQ/SH', count: 2, sum: 5, low: 1 },
    ]);
    expect(averageHundredths(cells[1] as (typeof cells)[number])).toBe(350);
    expect(averageHundredths({ count: 0, sum: 0 })).toBeNull();
  });

  it('takes only whole scores 1–5 of a rating event', () => {
    expect(ratingOf(rating('x', 'complaint.rated', 'HQ', 0))).toBeNull();
    expect(ratingOf(rating('x', 'complaint.rated', 'HQ', 6))).toBeNull();
    expect(ratingOf(rating('x', 'complaint.rated', 'HQ', 2.5))).toBeNull();
    expect(ratingOf(rating('x', 'complaint.rated', 'HQ'))).toBeNull();
    expect(ratingOf(rating('x', 'claim.decided', 'HQ', 5))).toBeNull();
    expect(ratingOf(rating('x', 'endorsement.rated', 'HQ', 5))).toBe(5);
  });

  it('sums to the ratings given, whatever their order and repeats', () => {
    const arb = fc.array(
      fc.record({
        id: fc.integer({ min: 0, max: 30 }),
        score: fc.integer({ min: 1, max: 5 }),
        sh: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(arb, (raw) => {
        const byId = new Map(raw.map((r) => [r.id, r]));
        const events = raw.map((r) => {
          const first = byId.get(r.id) ?? r;
          return rating(String(r.id), 'complaint.rated', first.sh ? 'HQ/SH' : 'HQ/BJ', first.score);
        });
        const cells = ratingCells([...events].reverse());
        const unique = [...byId.values()];
        expect(cells.reduce((n, c) => n + c.count, 0)).toBe(unique.length);
        expect(cells.reduce((n, c) => n + c.sum, 0)).toBe(unique.reduce((n, r) => n + r.score, 0));
        expect(cells.reduce((n, c) => n + c.low, 0)).toBe(
          unique.filter((r) => r.score <= LOW_RATING_MAX).length,
        );
      }),
    );
  });

  it('carries the score of a complaint’s rating and of a club event’s rating into the stream', () => {
    const complaint = { branchPath: 'HQ/SH', policyNo: 'P1', severity: 'ordinary', rating: { score: 2 } };
    const event = { complaintId: 'C1', seq: 7, type: 'rated', at: '2026-12-01T02:00:00Z', actorId: 'c1' };
    expect(
      complaintMeasurement(event as ComplaintEventRecord, complaint as unknown as ComplaintRecord),
    ).toMatchObject({ type: 'complaint.rated', score: 2, caseId: 'complaint:C1' });
    expect(
      complaintMeasurement(
        { ...event, type: 'responded' } as ComplaintEventRecord,
        complaint as unknown as ComplaintRecord,
      ),
    ).not.toHaveProperty('score');
    const registration = { eventId: 'E1', personKey: 'p', version: 1, branchPath: null, userId: 'c1' };
    expect(ratingMeasurement(registration, 'HQ/SH/SH-PD', 4, 9)).toMatchObject({
      type: 'consultation.event_rated',
      branchPath: 'HQ/SH/SH-PD',
      score: 4,
      at: 9,
    });
  });
});

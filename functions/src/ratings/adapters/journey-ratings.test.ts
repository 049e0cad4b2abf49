import { describe, expect, it } from 'vitest';
import { journeyRatingAuditItem, journeyRatingItem } from './journey-ratings';

const rating = {
  journey: 'endorsement' as const,
  subjectId: 'EA20261125RATE01',
  customerId: 'C001',
  userId: 'demo-customer-c001',
  branchPath: 'HQ/SH/PD/ZJ',
  policyNo: '8831010000001',
  score: 2,
  comment: null,
  at: '2026-11-25T02:00:00.000Z',
};

describe('journey rating items', () => {
  it('keeps a rating under its journey instance, without absent words', () => {
    expect(journeyRatingItem(rating)).toEqual({
      pk: 'RATING#endorsement#EA20261125RATE01',
      sk: 'RATING',
      journey: 'endorsement',
      subjectId: 'EA20261125RATE01',
      customerId: 'C001',
      userId: 'demo-customer-c001',
      branchPath: 'HQ/SH/PD/ZJ',
      policyNo: '8831010000001',
      score: 2,
      at: '2026-11-25T02:00:00.000Z',
      __edb_e__: 'journeyRating',
      __edb_v__: '1',
    });
  });

  it('audits who rated, when, the score and whether there were words', () => {
    expect(journeyRatingAuditItem({ ...rating, comment: '办理太慢' })).toEqual({
      pk: 'RATING#endorsement#EA20261125RATE01',
      sk: 'AUDIT#2026-11-25T02:00:00.000Z#rated',
      action: 'rated',
      actorUserId: 'demo-customer-c001',
      customerId: 'C001',
      score: 2,
      hasComment: true,
      at: '2026-11-25T02:00:00.000Z',
      __edb_e__: 'journeyRatingAudit',
      __edb_v__: '1',
    });
  });
});

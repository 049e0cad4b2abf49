import { describe, expect, it } from 'vitest';
import { journeyRatingMeasurement, ratingJoinsVoice, ratingVoiceWords } from '../../src/ratings/rules';
import { RateJourneyRequestSchema } from '../../src/ratings/schemas';
import { ratingOf } from '../../src/standards/ratings';

describe('journey ratings', () => {
  it('makes voice of a low rating and of any rating with words', () => {
    expect(ratingJoinsVoice({ score: 1, comment: null })).toBe(true);
    expect(ratingJoinsVoice({ score: 2, comment: undefined })).toBe(true);
    expect(ratingJoinsVoice({ score: 3, comment: null })).toBe(false);
    expect(ratingJoinsVoice({ score: 5, comment: '  ' })).toBe(false);
    expect(ratingJoinsVoice({ score: 5, comment: '很满意' })).toBe(true);
    // A context's own low line (a club event's `lowRatingMax`).
    expect(ratingJoinsVoice({ score: 3, comment: null }, 3)).toBe(true);
    expect(ratingVoiceWords('「新单回访 · 保单 88」', 2, '打扰')).toBe(
      '「新单回访 · 保单 88」评分 2 星：打扰',
    );
  });

  it('measures each journey with its standards rating event, in the instance’s case, counted by the report', () => {
    const base = { branchPath: 'HQ/SH', userId: 'u1', score: 4, at: 1 };
    const cases = [
      ['endorsement', 'EA1', 'endorsement.rated', 'endorsement:EA1', 'P1'],
      ['callback', '8831', 'new_policy_callback.rated', 'policy_admin:8831', '8831'],
      ['handoff', 'h-1', 'consultation.handoff_rated', 'handoff:h-1', null],
    ] as const;
    for (const [journey, subjectId, type, caseId, policyNo] of cases) {
      const event = journeyRatingMeasurement({ ...base, journey, subjectId, policyNo });
      expect(event).toEqual({
        eventId: `rating:${journey}:${subjectId}`,
        type,
        at: 1,
        caseId,
        branchPath: 'HQ/SH',
        policyNo,
        actor: 'u1',
        source: 'system',
        score: 4,
      });
      expect(ratingOf(event)).toBe(4);
    }
  });

  it('refuses scores that are not 1–5 whole stars, long or unsafe words, unknown journeys', () => {
    const ok = { journey: 'handoff', subjectId: 'abc-123', score: 3 };
    expect(RateJourneyRequestSchema.safeParse(ok).success).toBe(true);
    for (const score of [0, 6, 2.5, '5', null])
      expect(RateJourneyRequestSchema.safeParse({ ...ok, score }).success, String(score)).toBe(false);
    for (const comment of ['好'.repeat(201), 'ok\u202e', 'a\u0000b', 5])
      expect(RateJourneyRequestSchema.safeParse({ ...ok, comment }).success).toBe(false);
    expect(RateJourneyRequestSchema.safeParse({ ...ok, journey: 'claim' }).success).toBe(false);
    expect(RateJourneyRequestSchema.safeParse({ ...ok, subjectId: '../x' }).success).toBe(false);
  });
});

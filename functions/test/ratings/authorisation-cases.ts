import type { ratingRoutes } from '@zhixiang/shared/ratings/routes';
import { DEMO_ENDORSEMENT_ID } from '../../src/seed/demo-endorsements';
import { type CasesFor, customersOnly } from '../support/authorisation-matrix';

/**
 * A rating is the customer's own voice: customers only (agents, staff and executives 403), each of
 * their own journeys. The rated application is 李娜's (C002), withdrawn: 张伟 and 吴刚 both get the
 * 404 of a journey that does not exist (functions/test/ratings/journey-ratings.test.ts rates their own).
 */
export const ratingCases: CasesFor<typeof ratingRoutes> = {
  listPendingRatings: { method: 'GET', path: '/me/ratings/pending', expected: customersOnly(200) },
  rateJourney: {
    method: 'POST',
    path: '/me/ratings',
    body: { journey: 'endorsement', subjectId: DEMO_ENDORSEMENT_ID, score: 4 },
    expected: customersOnly(404),
  },
};

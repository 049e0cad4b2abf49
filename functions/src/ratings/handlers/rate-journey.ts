import { rateJourneyRoute } from '@zhixiang/shared/ratings/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { rateJourney } from '../use-cases/rate-journey';
import { ratingsWiring } from '../wiring';

/** The customer only: a rating is their own voice, of their own ended journey. */
export const handler = httpHandler(
  rateJourneyRoute,
  ratingsWiring,
  ({ auth, body, deps }) => rateJourney(deps, auth, body),
  { roles: ['customer'], successStatus: 201 },
);

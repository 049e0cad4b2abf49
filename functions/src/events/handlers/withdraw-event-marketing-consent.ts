import { withdrawEventMarketingConsentRoute } from '@zhixiang/shared/events/routes';
import { EventPathSchema } from '@zhixiang/shared/events/schemas';

import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { withdrawMarketingConsent } from '../use-cases/marketing-consent';
import { eventsWiring } from '../wiring';

export const handler = httpHandler(
  withdrawEventMarketingConsentRoute,
  eventsWiring,
  ({ auth, pathParameters, deps }) =>
    withdrawMarketingConsent(deps, auth, parseBody(EventPathSchema, pathParameters).eventId),
  { roles: ['customer', 'agent', 'staff'] },
);

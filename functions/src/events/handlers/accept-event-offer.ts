import { acceptEventOfferRoute } from '@zhixiang/shared/events/routes';
import { EventPathSchema } from '@zhixiang/shared/events/schemas';

import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { acceptEventOffer } from '../use-cases/change-registration';
import { eventsWiring } from '../wiring';

export const handler = httpHandler(
  acceptEventOfferRoute,
  eventsWiring,
  ({ auth, pathParameters, deps }) =>
    acceptEventOffer(deps, auth, parseBody(EventPathSchema, pathParameters).eventId),
  { roles: ['customer', 'agent', 'staff'] },
);

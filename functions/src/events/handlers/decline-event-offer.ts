import { declineEventOfferRoute } from '@zhixiang/shared/events/routes';
import { EventPathSchema } from '@zhixiang/shared/events/schemas';

import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { declineEventOffer } from '../use-cases/change-registration';
import { eventNoticesWiring } from '../wiring-notices';

export const handler = httpHandler(
  declineEventOfferRoute,
  eventNoticesWiring,
  ({ auth, pathParameters, deps }) =>
    declineEventOffer(deps, auth, parseBody(EventPathSchema, pathParameters).eventId),
  { roles: ['customer', 'agent', 'staff'] },
);

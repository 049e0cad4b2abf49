import { rateEventRoute } from '@zhixiang/shared/events/routes';
import { EventPathSchema } from '@zhixiang/shared/events/schemas';

import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { rateEvent } from '../use-cases/rate-event';
import { eventsWiring } from '../wiring';

export const handler = httpHandler(
  rateEventRoute,
  eventsWiring,
  ({ auth, body, pathParameters, deps }) =>
    rateEvent(deps, auth, parseBody(EventPathSchema, pathParameters).eventId, body),
  { roles: ['customer', 'agent', 'staff'], successStatus: 201 },
);

import { registerForEventRoute } from '@zhixiang/shared/events/routes';
import { EventPathSchema } from '@zhixiang/shared/events/schemas';

import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { registerForEvent } from '../use-cases/register-for-event';
import { eventsWiring } from '../wiring';

export const handler = httpHandler(
  registerForEventRoute,
  eventsWiring,
  ({ auth, body, pathParameters, deps }) =>
    registerForEvent(deps, auth, parseBody(EventPathSchema, pathParameters).eventId, body),
  { roles: ['customer', 'agent', 'staff'], successStatus: 201 },
);

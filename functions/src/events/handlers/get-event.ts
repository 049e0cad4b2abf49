import { getEventRoute } from '@zhixiang/shared/events/routes';
import { EventPathSchema } from '@zhixiang/shared/events/schemas';

import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getEvent } from '../use-cases/list-events';
import { eventsWiring } from '../wiring';

export const handler = httpHandler(
  getEventRoute,
  eventsWiring,
  ({ auth, pathParameters, deps }) =>
    getEvent(deps, auth, parseBody(EventPathSchema, pathParameters).eventId),
  { roles: ['customer', 'agent', 'staff'] },
);

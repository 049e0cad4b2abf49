import { publishEventRoute } from '@zhixiang/shared/events/routes';
import { EventPathSchema } from '@zhixiang/shared/events/schemas';

import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { publishEvent } from '../use-cases/manage-events';
import { eventsWiring } from '../wiring';

export const handler = httpHandler(
  publishEventRoute,
  eventsWiring,
  ({ auth, pathParameters, deps }) =>
    publishEvent(deps, auth, parseBody(EventPathSchema, pathParameters).eventId),
  { roles: ['staff'] },
);

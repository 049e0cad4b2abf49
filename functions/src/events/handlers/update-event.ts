import { updateEventRoute } from '@zhixiang/shared/events/routes';
import { EventPathSchema } from '@zhixiang/shared/events/schemas';

import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { updateEvent } from '../use-cases/manage-events';
import { eventsWiring } from '../wiring';

export const handler = httpHandler(
  updateEventRoute,
  eventsWiring,
  ({ auth, body, pathParameters, deps }) =>
    updateEvent(deps, auth, parseBody(EventPathSchema, pathParameters).eventId, body),
  { roles: ['staff'] },
);

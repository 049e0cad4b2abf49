import { setEventCoverRoute } from '@zhixiang/shared/events/routes';
import { EventPathSchema } from '@zhixiang/shared/events/schemas';

import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { setEventCover } from '../use-cases/event-cover';
import { eventsWiring } from '../wiring';

export const handler = httpHandler(
  setEventCoverRoute,
  eventsWiring,
  ({ auth, body, pathParameters, deps }) =>
    setEventCover(deps, auth, parseBody(EventPathSchema, pathParameters).eventId, body),
  { roles: ['staff'] },
);

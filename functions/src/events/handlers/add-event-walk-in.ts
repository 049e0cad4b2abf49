import { addEventWalkInRoute } from '@zhixiang/shared/events/routes';
import { EventPathSchema } from '@zhixiang/shared/events/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { addWalkIn } from '../use-cases/check-in';
import { eventsWiring } from '../wiring';

export const handler = httpHandler(
  addEventWalkInRoute,
  eventsWiring,
  ({ auth, body, pathParameters, deps }) =>
    addWalkIn(deps, auth, parseBody(EventPathSchema, pathParameters).eventId, body),
  { roles: ['staff'] },
);

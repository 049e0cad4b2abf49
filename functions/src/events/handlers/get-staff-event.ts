import { getStaffEventRoute } from '@zhixiang/shared/events/routes';
import { EventPathSchema } from '@zhixiang/shared/events/schemas';

import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getStaffEvent } from '../use-cases/manage-events';
import { eventsWiring } from '../wiring';

export const handler = httpHandler(
  getStaffEventRoute,
  eventsWiring,
  ({ auth, pathParameters, deps }) =>
    getStaffEvent(deps, auth, parseBody(EventPathSchema, pathParameters).eventId),
  { roles: ['staff'] },
);

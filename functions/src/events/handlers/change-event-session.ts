import { changeEventSessionRoute } from '@zhixiang/shared/events/routes';
import { EventPathSchema } from '@zhixiang/shared/events/schemas';

import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { changeEventSession } from '../use-cases/change-registration';
import { eventNoticesWiring } from '../wiring-notices';

export const handler = httpHandler(
  changeEventSessionRoute,
  eventNoticesWiring,
  ({ auth, body, pathParameters, deps }) =>
    changeEventSession(deps, auth, parseBody(EventPathSchema, pathParameters).eventId, body),
  { roles: ['customer', 'agent', 'staff'] },
);

import { createEventRoute } from '@zhixiang/shared/events/routes';

import { httpHandler } from '../../platform/http/http-handler';
import { createEvent } from '../use-cases/manage-events';
import { eventsWiring } from '../wiring';

export const handler = httpHandler(
  createEventRoute,
  eventsWiring,
  ({ auth, body, deps }) => createEvent(deps, auth, body),
  { roles: ['staff'], successStatus: 201 },
);

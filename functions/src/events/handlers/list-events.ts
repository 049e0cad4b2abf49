import { listEventsRoute } from '@zhixiang/shared/events/routes';

import { httpHandler } from '../../platform/http/http-handler';
import { listEvents } from '../use-cases/list-events';
import { eventsWiring } from '../wiring';

export const handler = httpHandler(
  listEventsRoute,
  eventsWiring,
  ({ auth, deps }) => listEvents(deps, auth),
  { roles: ['customer', 'agent', 'staff'] },
);

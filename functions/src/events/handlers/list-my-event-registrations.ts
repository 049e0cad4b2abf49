import { listMyEventRegistrationsRoute } from '@zhixiang/shared/events/routes';

import { httpHandler } from '../../platform/http/http-handler';
import { listMyEventRegistrations } from '../use-cases/list-my-event-registrations';
import { eventsWiring } from '../wiring';

export const handler = httpHandler(
  listMyEventRegistrationsRoute,
  eventsWiring,
  ({ auth, deps }) => listMyEventRegistrations(deps, auth),
  { roles: ['customer', 'agent', 'staff'] },
);

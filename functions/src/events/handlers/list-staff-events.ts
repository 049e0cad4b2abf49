import { listStaffEventsRoute } from '@zhixiang/shared/events/routes';

import { httpHandler } from '../../platform/http/http-handler';
import { listStaffEvents } from '../use-cases/manage-events';
import { eventsWiring } from '../wiring';

export const handler = httpHandler(
  listStaffEventsRoute,
  eventsWiring,
  ({ auth, deps }) => listStaffEvents(deps, auth),
  { roles: ['staff'] },
);

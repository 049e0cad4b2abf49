import { listEventOrganisersRoute } from '@zhixiang/shared/events/routes';

import { httpHandler } from '../../platform/http/http-handler';
import { listEventOrganisers } from '../use-cases/manage-events';
import { eventsWiring } from '../wiring';

export const handler = httpHandler(
  listEventOrganisersRoute,
  eventsWiring,
  ({ auth, deps }) => listEventOrganisers(deps, auth),
  { roles: ['staff'] },
);

import { listMyEventPledgesRoute } from '@zhixiang/shared/events/routes';
import { EventPathSchema } from '@zhixiang/shared/events/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { listMyEventPledges } from '../use-cases/pledges';
import { eventsWiring } from '../wiring';

export const handler = httpHandler(
  listMyEventPledgesRoute,
  eventsWiring,
  ({ auth, pathParameters, deps }) =>
    listMyEventPledges(deps, auth, parseBody(EventPathSchema, pathParameters).eventId),
  { roles: ['customer', 'agent', 'staff'] },
);

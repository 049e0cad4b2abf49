import { recordEventPledgeRoute } from '@zhixiang/shared/events/routes';
import { EventPathSchema } from '@zhixiang/shared/events/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { recordEventPledge } from '../use-cases/pledges';
import { eventsWiring } from '../wiring';

export const handler = httpHandler(
  recordEventPledgeRoute,
  eventsWiring,
  ({ auth, body, pathParameters, deps }) =>
    recordEventPledge(deps, auth, parseBody(EventPathSchema, pathParameters).eventId, body),
  { roles: ['customer', 'agent', 'staff'], successStatus: 201 },
);

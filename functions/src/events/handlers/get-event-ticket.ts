import { getEventTicketRoute } from '@zhixiang/shared/events/routes';
import { EventPathSchema } from '@zhixiang/shared/events/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getEventTicket } from '../use-cases/check-in';
import { eventsWiring } from '../wiring';

export const handler = httpHandler(
  getEventTicketRoute,
  eventsWiring,
  ({ auth, pathParameters, deps }) =>
    getEventTicket(deps, auth, parseBody(EventPathSchema, pathParameters).eventId),
  { roles: ['customer', 'agent', 'staff'] },
);

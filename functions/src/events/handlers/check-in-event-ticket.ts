import { checkInEventTicketRoute } from '@zhixiang/shared/events/routes';
import { EventPathSchema } from '@zhixiang/shared/events/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { checkInEventTicket } from '../use-cases/check-in';
import { eventsWiring } from '../wiring';

export const handler = httpHandler(
  checkInEventTicketRoute,
  eventsWiring,
  ({ auth, body, pathParameters, deps }) =>
    checkInEventTicket(deps, auth, parseBody(EventPathSchema, pathParameters).eventId, body),
  { roles: ['staff'] },
);

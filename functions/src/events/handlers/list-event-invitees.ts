import { listEventInviteesRoute } from '@zhixiang/shared/events/routes';
import { EventPathSchema } from '@zhixiang/shared/events/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { listEventInvitees } from '../use-cases/list-event-invitees';
import { eventsWiring } from '../wiring';

export const handler = httpHandler(
  listEventInviteesRoute,
  eventsWiring,
  ({ auth, pathParameters, deps }) =>
    listEventInvitees(deps, auth, parseBody(EventPathSchema, pathParameters).eventId),
  { roles: ['agent'] },
);

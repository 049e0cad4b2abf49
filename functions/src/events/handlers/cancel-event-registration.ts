import { cancelEventRegistrationRoute } from '@zhixiang/shared/events/routes';
import { EventPathSchema } from '@zhixiang/shared/events/schemas';

import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { cancelEventRegistration } from '../use-cases/change-registration';
import { eventNoticesWiring } from '../wiring-notices';

export const handler = httpHandler(
  cancelEventRegistrationRoute,
  eventNoticesWiring,
  ({ auth, pathParameters, deps }) =>
    cancelEventRegistration(deps, auth, parseBody(EventPathSchema, pathParameters).eventId),
  { roles: ['customer', 'agent', 'staff'] },
);

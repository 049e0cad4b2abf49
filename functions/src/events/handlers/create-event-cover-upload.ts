import { createEventCoverUploadRoute } from '@zhixiang/shared/events/routes';
import { EventPathSchema } from '@zhixiang/shared/events/schemas';

import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { createEventCoverUpload } from '../use-cases/event-cover';
import { eventsWiring } from '../wiring';

export const handler = httpHandler(
  createEventCoverUploadRoute,
  eventsWiring,
  ({ auth, pathParameters, deps }) =>
    createEventCoverUpload(deps, auth, parseBody(EventPathSchema, pathParameters).eventId),
  { roles: ['staff'] },
);

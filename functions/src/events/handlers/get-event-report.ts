import { getEventReportRoute } from '@zhixiang/shared/events/routes';
import { EventPathSchema } from '@zhixiang/shared/events/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getEventReport } from '../use-cases/get-event-report';
import { eventsWiring } from '../wiring';

export const handler = httpHandler(
  getEventReportRoute,
  eventsWiring,
  ({ auth, pathParameters, deps }) =>
    getEventReport(deps, auth, parseBody(EventPathSchema, pathParameters).eventId),
  { roles: ['staff'] },
);

import { extendComplaintRoute } from '@zhixiang/shared/complaints/routes';
import { ComplaintPathSchema } from '@zhixiang/shared/complaints/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { extendComplaint } from '../use-cases/extend-complaint';
import { complaintsWiring } from '../wiring';

export const handler = httpHandler(
  extendComplaintRoute,
  complaintsWiring,
  ({ auth, body, pathParameters, deps }) =>
    extendComplaint(deps, auth, parseBody(ComplaintPathSchema, pathParameters).complaintId, body),
  { roles: ['staff', 'admin'] },
);

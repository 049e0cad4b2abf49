import { getComplaintRoute } from '@zhixiang/shared/complaints/routes';
import { ComplaintPathSchema } from '@zhixiang/shared/complaints/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getComplaint } from '../use-cases/get-complaint';
import { complaintsWiring } from '../wiring';

export const handler = httpHandler(
  getComplaintRoute,
  complaintsWiring,
  ({ auth, pathParameters, deps }) =>
    getComplaint(deps, auth, parseBody(ComplaintPathSchema, pathParameters).complaintId),
  { roles: ['customer', 'agent', 'staff', 'executive', 'admin'] },
);

import { joinComplaintRoute } from '@zhixiang/shared/complaints/routes';
import { ComplaintPathSchema } from '@zhixiang/shared/complaints/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { joinComplaint } from '../use-cases/join-complaint';
import { complaintsWiring } from '../wiring';

export const handler = httpHandler(
  joinComplaintRoute,
  complaintsWiring,
  ({ auth, pathParameters, body, deps }) =>
    joinComplaint(deps, auth, parseBody(ComplaintPathSchema, pathParameters).complaintId, body),
  { roles: ['executive'] },
);

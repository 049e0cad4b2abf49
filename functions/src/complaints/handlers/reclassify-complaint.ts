import { reclassifyComplaintRoute } from '@zhixiang/shared/complaints/routes';
import { ComplaintPathSchema } from '@zhixiang/shared/complaints/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { reclassifyComplaint } from '../use-cases/reclassify-complaint';
import { complaintsWiring } from '../wiring';

export const handler = httpHandler(
  reclassifyComplaintRoute,
  complaintsWiring,
  ({ auth, body, pathParameters, deps }) =>
    reclassifyComplaint(deps, auth, parseBody(ComplaintPathSchema, pathParameters).complaintId, body),
  { roles: ['staff', 'admin'] },
);

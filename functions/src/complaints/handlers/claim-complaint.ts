import { claimComplaintRoute } from '@zhixiang/shared/complaints/routes';
import { ComplaintPathSchema } from '@zhixiang/shared/complaints/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { claimComplaint } from '../use-cases/claim-complaint';
import { complaintsWiring } from '../wiring';

export const handler = httpHandler(
  claimComplaintRoute,
  complaintsWiring,
  ({ auth, pathParameters, deps }) =>
    claimComplaint(deps, auth, parseBody(ComplaintPathSchema, pathParameters).complaintId),
  { roles: ['staff', 'admin'] },
);

import { rateComplaintRoute } from '@zhixiang/shared/complaints/routes';
import { ComplaintPathSchema } from '@zhixiang/shared/complaints/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { rateComplaint } from '../use-cases/rate-complaint';
import { complaintsWiring } from '../wiring';

/** The complainant only: their own decided complaint. */
export const handler = httpHandler(
  rateComplaintRoute,
  complaintsWiring,
  ({ auth, body, pathParameters, deps }) =>
    rateComplaint(deps, auth, parseBody(ComplaintPathSchema, pathParameters).complaintId, body),
  { roles: ['customer'] },
);

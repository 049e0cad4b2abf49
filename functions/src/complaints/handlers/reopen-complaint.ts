import { reopenComplaintRoute } from '@zhixiang/shared/complaints/routes';
import { ComplaintPathSchema } from '@zhixiang/shared/complaints/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { reopenComplaint } from '../use-cases/reopen-complaint';
import { complaintsWiring } from '../wiring';

/** The complainant only: their own decided complaint. */
export const handler = httpHandler(
  reopenComplaintRoute,
  complaintsWiring,
  ({ auth, body, pathParameters, deps }) =>
    reopenComplaint(deps, auth, parseBody(ComplaintPathSchema, pathParameters).complaintId, body),
  { roles: ['customer'] },
);

import { recordCustomerWaitRoute } from '@zhixiang/shared/complaints/routes';
import { ComplaintPathSchema } from '@zhixiang/shared/complaints/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { recordCustomerWait } from '../use-cases/record-customer-wait';
import { complaintsWiring } from '../wiring';

export const handler = httpHandler(
  recordCustomerWaitRoute,
  complaintsWiring,
  ({ auth, body, pathParameters, deps }) =>
    recordCustomerWait(deps, auth, parseBody(ComplaintPathSchema, pathParameters).complaintId, body),
  { roles: ['staff', 'admin'] },
);

import { listCustomerComplaintsRoute } from '@zhixiang/shared/complaints/routes';
import { CustomerPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { listCustomerComplaints } from '../use-cases/list-my-complaints';
import { complaintsWiring } from '../wiring';

export const handler = httpHandler(
  listCustomerComplaintsRoute,
  complaintsWiring,
  ({ auth, pathParameters, deps }) =>
    listCustomerComplaints(deps, auth, parseBody(CustomerPathSchema, pathParameters).customerId),
  { roles: ['agent', 'staff', 'admin'] },
);

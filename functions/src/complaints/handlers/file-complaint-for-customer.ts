import { fileComplaintForCustomerRoute } from '@zhixiang/shared/complaints/routes';
import { CustomerPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { fileComplaintForCustomer } from '../use-cases/file-complaint-for-customer';
import { complaintsWiring } from '../wiring';

export const handler = httpHandler(
  fileComplaintForCustomerRoute,
  complaintsWiring,
  ({ auth, body, pathParameters, deps }) =>
    fileComplaintForCustomer(deps, auth, parseBody(CustomerPathSchema, pathParameters).customerId, body),
  { roles: ['agent', 'staff'], successStatus: 201 },
);

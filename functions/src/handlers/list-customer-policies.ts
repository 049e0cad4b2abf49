import { routes } from '@zhixiang/shared/api/routes';
import { CustomerPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { listCustomerPolicies } from '../use-cases/policies/list-customer-policies';
import { policyQueryDeps } from '../use-cases/policies/policy-view-loader';

export const handler = httpHandler(routes.listCustomerPolicies, ({ auth, pathParameters, container }) => {
  const { customerId } = parseBody(CustomerPathSchema, pathParameters);
  return listCustomerPolicies(policyQueryDeps(container), auth, customerId);
});

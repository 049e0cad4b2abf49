import { listCustomerPoliciesRoute } from '@zhixiang/shared/policy/routes';
import { CustomerPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { listCustomerPolicies } from '../use-cases/list-customer-policies';
import { policyQueryDeps } from '../use-cases/policy-view-loader';
import { policiesWiring } from '../wiring';

export const handler = httpHandler(
  listCustomerPoliciesRoute,
  policiesWiring,
  ({ auth, pathParameters, deps }) => {
    const { customerId } = parseBody(CustomerPathSchema, pathParameters);
    return listCustomerPolicies(policyQueryDeps(deps), auth, customerId);
  },
);

import type { RouteSpec } from '../api/route-spec';
import { CustomerListResponseSchema, PolicyDetailSchema, PolicyListResponseSchema } from './schemas';

/** Policies: the customer's own, one policy, and the agent's customers with theirs. */
export const policyRoutes = {
  listMyPolicies: { method: 'GET', path: '/me/policies', auth: 'user', response: PolicyListResponseSchema },
  getPolicy: { method: 'GET', path: '/policies/{policyNo}', auth: 'user', response: PolicyDetailSchema },
  listAgentCustomers: {
    method: 'GET',
    path: '/agent/customers',
    auth: 'user',
    response: CustomerListResponseSchema,
  },
  listCustomerPolicies: {
    method: 'GET',
    path: '/customers/{customerId}/policies',
    auth: 'user',
    response: PolicyListResponseSchema,
  },
} as const satisfies Record<string, RouteSpec>;

import { type RouteSpec, responds } from '../api/route-spec';
import type { CustomerListResponseSchema, PolicyDetailSchema, PolicyListResponseSchema } from './schemas';

/** Policies: the customer's own, one policy, and the agent's customers with theirs. */
export const policyRoutes = {
  listMyPolicies: {
    method: 'GET',
    path: '/me/policies',
    auth: 'user',
    response: responds<typeof PolicyListResponseSchema>(),
  },
  getPolicy: {
    method: 'GET',
    path: '/policies/{policyNo}',
    auth: 'user',
    response: responds<typeof PolicyDetailSchema>(),
  },
  listAgentCustomers: {
    method: 'GET',
    path: '/agent/customers',
    auth: 'user',
    response: responds<typeof CustomerListResponseSchema>(),
  },
  listCustomerPolicies: {
    method: 'GET',
    path: '/customers/{customerId}/policies',
    auth: 'user',
    response: responds<typeof PolicyListResponseSchema>(),
  },
} as const satisfies Record<string, RouteSpec>;

import { type RouteSpec, responds } from '../api/route-spec';
import type { CustomerListResponseSchema, PolicyDetailSchema, PolicyListResponseSchema } from './schemas';

export const listMyPoliciesRoute = {
  method: 'GET',
  path: '/me/policies',
  auth: 'user',
  response: responds<typeof PolicyListResponseSchema>(),
} as const satisfies RouteSpec;

export const getPolicyRoute = {
  method: 'GET',
  path: '/policies/{policyNo}',
  auth: 'user',
  response: responds<typeof PolicyDetailSchema>(),
} as const satisfies RouteSpec;

export const listAgentCustomersRoute = {
  method: 'GET',
  path: '/agent/customers',
  auth: 'user',
  response: responds<typeof CustomerListResponseSchema>(),
} as const satisfies RouteSpec;

export const listCustomerPoliciesRoute = {
  method: 'GET',
  path: '/customers/{customerId}/policies',
  auth: 'user',
  response: responds<typeof PolicyListResponseSchema>(),
} as const satisfies RouteSpec;

/** Policies: the customer's own, one policy, and the agent's customers with theirs. */
export const policyRoutes = {
  listMyPolicies: listMyPoliciesRoute,
  getPolicy: getPolicyRoute,
  listAgentCustomers: listAgentCustomersRoute,
  listCustomerPolicies: listCustomerPoliciesRoute,
} as const satisfies Record<string, RouteSpec>;

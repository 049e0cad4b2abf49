import type { policyRoutes } from '@zhixiang/shared/policy/routes';
import {
  agentsCustomer,
  type CasesFor,
  customersOnly,
  OUT_OF_REACH_FOR_EXECUTIVES,
  OWNER_POLICY,
  signedIn,
} from '../support/authorisation-matrix';

export const policyCases: CasesFor<typeof policyRoutes> = {
  // The customer's own policies and the agent's assigned customers; one out of reach is a 404.
  listMyPolicies: {
    method: 'GET',
    path: '/me/policies',
    expected: customersOnly(200),
  },
  getPolicy: {
    method: 'GET',
    path: `/policies/${OWNER_POLICY}`,
    expected: { ...signedIn(404), owner: 200, ...OUT_OF_REACH_FOR_EXECUTIVES },
  },
  listAgentCustomers: {
    method: 'GET',
    path: '/agent/customers',
    ownerUserId: 'demo-agent-a001',
    expected: {
      anonymous: 401,
      owner: 200,
      anotherCustomer: 403,
      unassignedAgent: 200,
      otherBranchStaff: 403,
      executive: 403,
    },
  },
  listCustomerPolicies: {
    method: 'GET',
    path: '/customers/C001/policies',
    ownerUserId: 'demo-agent-a001',
    expected: { ...agentsCustomer(200), ...OUT_OF_REACH_FOR_EXECUTIVES },
  },
};

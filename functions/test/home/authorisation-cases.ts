import type { homeRoutes } from '@zhixiang/shared/home/routes';
import { type CasesFor, customersOnly, staffOnly } from '../support/authorisation-matrix';

export const homeCases: CasesFor<typeof homeRoutes> = {
  // The signed-in customer's own to-dos: each customer gets theirs; agents and staff 403.
  getMyTodos: { method: 'GET', path: '/me/todos', expected: customersOnly(200) },
  // The signed-in agent's own home over their assigned customers: every agent gets theirs.
  getAgentHome: {
    method: 'GET',
    path: '/agent/home',
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
  // The staff member's own queues over their branch subtree: every staff member gets theirs.
  getStaffHome: {
    method: 'GET',
    path: '/staff/home',
    ownerUserId: 'demo-staff-sh',
    expected: staffOnly(200),
  },
};

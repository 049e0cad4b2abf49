import type { homeRoutes } from '@zhixiang/shared/home/routes';
import { type CasesFor, customersOnly } from '../support/authorisation-matrix';

export const homeCases: CasesFor<typeof homeRoutes> = {
  // The signed-in customer's own to-dos: each customer gets theirs; agents and staff 403.
  getMyTodos: { method: 'GET', path: '/me/todos', expected: customersOnly(200) },
};

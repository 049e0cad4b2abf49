import type { RouteSpec } from '../api/route-spec';
import { AgentHomeResponseSchema, MyTodosResponseSchema, StaffHomeResponseSchema } from './schemas';

/** The home (首页): what the signed-in person must do next, composed from each context's queries. */
export const homeRoutes = {
  getMyTodos: { method: 'GET', path: '/me/todos', auth: 'user', response: MyTodosResponseSchema },
  getAgentHome: { method: 'GET', path: '/agent/home', auth: 'user', response: AgentHomeResponseSchema },
  getStaffHome: { method: 'GET', path: '/staff/home', auth: 'user', response: StaffHomeResponseSchema },
} as const satisfies Record<string, RouteSpec>;

import { type RouteSpec, responds } from '../api/route-spec';
import type { AgentHomeResponseSchema, MyTodosResponseSchema, StaffHomeResponseSchema } from './schemas';

/** The home (首页): what the signed-in person must do next, composed from each context's queries. */
export const homeRoutes = {
  getMyTodos: {
    method: 'GET',
    path: '/me/todos',
    auth: 'user',
    response: responds<typeof MyTodosResponseSchema>(),
  },
  getAgentHome: {
    method: 'GET',
    path: '/agent/home',
    auth: 'user',
    response: responds<typeof AgentHomeResponseSchema>(),
  },
  getStaffHome: {
    method: 'GET',
    path: '/staff/home',
    auth: 'user',
    response: responds<typeof StaffHomeResponseSchema>(),
  },
} as const satisfies Record<string, RouteSpec>;

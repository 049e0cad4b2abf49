import { type RouteSpec, responds } from '../api/route-spec';
import type { AgentHomeResponseSchema, MyTodosResponseSchema, StaffHomeResponseSchema } from './schemas';

export const getMyTodosRoute = {
  method: 'GET',
  path: '/me/todos',
  auth: 'user',
  response: responds<typeof MyTodosResponseSchema>(),
} as const satisfies RouteSpec;

export const getAgentHomeRoute = {
  method: 'GET',
  path: '/agent/home',
  auth: 'user',
  response: responds<typeof AgentHomeResponseSchema>(),
} as const satisfies RouteSpec;

export const getStaffHomeRoute = {
  method: 'GET',
  path: '/staff/home',
  auth: 'user',
  response: responds<typeof StaffHomeResponseSchema>(),
} as const satisfies RouteSpec;

/** The home (首页): what the signed-in person must do next, composed from each context's queries. */
export const homeRoutes = {
  getMyTodos: getMyTodosRoute,
  getAgentHome: getAgentHomeRoute,
  getStaffHome: getStaffHomeRoute,
} as const satisfies Record<string, RouteSpec>;

import type { RouteSpec } from '../api/route-spec';
import { MyTodosResponseSchema } from './schemas';

/** The home (首页): what the signed-in person must do next, composed from each context's queries. */
export const homeRoutes = {
  getMyTodos: { method: 'GET', path: '/me/todos', auth: 'user', response: MyTodosResponseSchema },
} as const satisfies Record<string, RouteSpec>;

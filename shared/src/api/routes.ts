import type * as z from 'zod/mini';
import { assistantRoutes } from '../assistant/routes';
import { authRoutes } from '../auth/routes';
import { authorisationRoutes } from '../authorisations/routes';
import { callbackRoutes } from '../callback/routes';
import { complaintRoutes } from '../complaints/routes';
import { documentRoutes } from '../documents/routes';
import { endorsementRoutes } from '../endorsement/routes';
import { eventRoutes } from '../events/routes';
import { homeRoutes } from '../home/routes';
import { identityRoutes } from '../identity/routes';
import { ivrRoutes } from '../ivr/routes';
import { letterRoutes } from '../letters/routes';
import { notificationRoutes } from '../notifications/routes';
import { paymentRoutes } from '../payments/routes';
import { policyRoutes } from '../policy/routes';
import { productRoutes } from '../product/routes';
import { ratingRoutes } from '../ratings/routes';
import { standardRoutes } from '../standards/routes';
import { voiceRoutes } from '../voice/routes';
import type { ResponseBody, RouteSpec } from './route-spec';

export type { Responds, RouteSpec } from './route-spec';

/**
 * The HTTP contract shared by the handlers and the mini program: each bounded context declares
 * its routes in its own `routes.ts`, and this is their union. No two contexts may declare the same
 * route name or the same method and path (shared/test/api/routes.test.ts).
 */
export const routes = {
  ...authRoutes,
  ...policyRoutes,
  ...productRoutes,
  ...callbackRoutes,
  ...identityRoutes,
  ...documentRoutes,
  ...assistantRoutes,
  ...ivrRoutes,
  ...endorsementRoutes,
  ...letterRoutes,
  ...complaintRoutes,
  ...paymentRoutes,
  ...homeRoutes,
  ...eventRoutes,
  ...voiceRoutes,
  ...authorisationRoutes,
  ...standardRoutes,
  ...notificationRoutes,
  ...ratingRoutes,
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof routes;
export type RequestOf<N extends RouteName> = (typeof routes)[N] extends {
  request: infer S extends z.ZodMiniType;
}
  ? z.infer<S>
  : undefined;
export type ResponseOf<N extends RouteName> = ResponseBody<(typeof routes)[N]>;

const PATH_PARAMETER = /\{(\w+)\}/g;

/** The names of a path's `{param}` placeholders, in order. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(PATH_PARAMETER)].map(([, name]) => name!);
}

/** Fills `{param}` placeholders, URL-encoding each value. */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(PATH_PARAMETER, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`missing path parameter ${key}`);
    return encodeURIComponent(value);
  });
}

import {
  pathParamNames,
  type RequestOf,
  type ResponseOf,
  type RouteName,
  type RouteSpec,
  routes,
} from '@zhixiang/shared/api/routes';
import type { ApiClient, CallOptions } from './request';

/** One string argument per `{param}` placeholder of a path, in order. */
type PathArgs<Path extends string> = Path extends `${string}{${string}}${infer Rest}`
  ? [param: string, ...PathArgs<Rest>]
  : [];
/** The request body, for a route that declares one. */
type BodyArg<N extends RouteName> = (typeof routes)[N] extends { request: unknown }
  ? [body: RequestOf<N>]
  : [];
/** What a caller may add to a call: a query string, headers, and whether a failure shows a toast. */
export type CallExtras = Pick<CallOptions<RouteName>, 'query' | 'headers' | 'silent'>;
/** A route as a function: its path parameters in order, then its body if it has one, then extras. */
export type RouteCall<N extends RouteName> = (
  ...args: [...PathArgs<(typeof routes)[N]['path']>, ...BodyArg<N>, extras?: CallExtras]
) => Promise<ResponseOf<N>>;

/**
 * A read that fails is silent by default: the page shows it in its own error state. Any other
 * call that fails shows the server's message as a toast. `extras.silent` decides otherwise.
 */
function routeCall<N extends RouteName>(client: ApiClient, name: N): RouteCall<N> {
  const route: RouteSpec = routes[name];
  const params = pathParamNames(route.path);
  const takesBody = route.request !== undefined;
  return ((...args: unknown[]) => {
    const extras = args[params.length + (takesBody ? 1 : 0)] as CallExtras | undefined;
    return client.call(name, {
      params: Object.fromEntries(params.map((param, index) => [param, args[index] as string])),
      ...(takesBody ? { body: args[params.length] as RequestOf<N> } : {}),
      silent: route.method === 'GET',
      ...extras,
    });
  }) as RouteCall<N>;
}

export type RouteCalls = { [N in RouteName]: RouteCall<N> };

/** Every route of the shared contract as a typed function on `client`: a new route needs no edit here. */
export function routeCalls(client: ApiClient): RouteCalls {
  return Object.fromEntries(
    (Object.keys(routes) as RouteName[]).map((name) => [name, routeCall(client, name)]),
  ) as RouteCalls;
}

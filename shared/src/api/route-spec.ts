import type * as z from 'zod/mini';

/**
 * What a route answers, as a type only: `responds<typeof FooSchema>()`. The handlers and the mini
 * program need the response's type, never its schema at run time, so a route does not hold the
 * schema: a function bundles and builds only the schemas its own code uses, not every response
 * schema of its context (and what they import) because one route table names them all.
 */
export interface Responds<T> {
  /** Never set: carries the response's type. */
  readonly __response?: T;
}

const RESPONDS: Responds<never> = Object.freeze({});

/** A route's response type, from its schema's type (see Responds). */
/* @__NO_SIDE_EFFECTS__ */
export function responds<S extends z.ZodMiniType>(): Responds<z.output<S>> {
  return RESPONDS;
}

/** The response body a route answers with (undefined for a route without one). */
export type ResponseBody<S> = S extends { response: Responds<infer T> } ? T : undefined;

/**
 * One route of the HTTP contract shared by the handlers and the mini program. serverless.yml
 * declares the same routes (a test checks they agree). `auth`: 'public' routes take no token,
 * 'user' routes require one, 'optional' routes serve both and verify a token when one is sent
 * (the assistant's chat). `request` is the body's schema, which the handler parses; `response` is
 * the answer's type only (Responds).
 */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  auth: 'public' | 'user' | 'optional';
  request?: z.ZodMiniType;
  response?: Responds<unknown>;
}

import type * as z from 'zod/mini';

/**
 * One route of the HTTP contract shared by the handlers and the mini program. serverless.yml
 * declares the same routes (a test checks they agree). `auth`: 'public' routes take no token,
 * 'user' routes require one, 'optional' routes serve both and verify a token when one is sent
 * (the assistant's chat).
 */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  auth: 'public' | 'user' | 'optional';
  request?: z.ZodMiniType;
  response?: z.ZodMiniType;
}

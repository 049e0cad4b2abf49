import { claimsFor } from '../../src/auth/use-cases/session';
import type { System } from '../../src/system';
import type { ApiClient } from './api-client';

/**
 * An access token for a seeded user, issued once per container and user: tests call routes "as"
 * demo customers, agents and staff without going through sign-in each time.
 */
const issued = new WeakMap<System, Map<string, Promise<string>>>();

export function accessTokenFor(container: System, userId: string): Promise<string> {
  let tokens = issued.get(container);
  if (!tokens) {
    tokens = new Map();
    issued.set(container, tokens);
  }
  let token = tokens.get(userId);
  if (!token) {
    token = container.repositories.users.get(userId).then(async (user) => {
      if (!user) throw new Error(`no user ${userId}`);
      return (await container.accessTokens.issue(claimsFor(user))).token;
    });
    tokens.set(userId, token);
  }
  return token;
}

/**
 * `as(userId, method, path, body?)`: a request through the gateway as a seeded user. Every answer's
 * text is kept in `texts`, for a test that checks no response leaked personal data. The gateway and
 * system are read when called (tests set them up in `beforeAll`).
 */
export function requestsAs(target: () => { api: ApiClient; system: System }, texts: string[]) {
  return async function as<T>(userId: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) {
    const { api, system } = target();
    const response = await api.request<T & { code?: string; message?: string; field?: string }>(
      method,
      path,
      {
        token: await accessTokenFor(system, userId),
        ...(body === undefined ? {} : { body }),
      },
    );
    texts.push(response.text);
    return response;
  };
}

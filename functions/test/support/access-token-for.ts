import { claimsFor } from '../../src/auth/use-cases/session';
import type { System } from '../../src/system';

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

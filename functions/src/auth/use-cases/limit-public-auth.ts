import { type AddressLimitRule, limitAddress } from '../../platform/http/address-limits';
import type { AuthDeps } from './deps';

/** Per-address limits on WeChat sign-in and refresh: the code exchange and refresh tokens. */
const LIMITS = {
  'sign-in': [
    { per: 'minute', limit: 30, windowSeconds: 60 },
    { per: 'hour', limit: 600, windowSeconds: 3600 },
  ],
  refresh: [
    { per: 'minute', limit: 60, windowSeconds: 60 },
    { per: 'hour', limit: 1200, windowSeconds: 3600 },
  ],
} as const satisfies Record<string, readonly AddressLimitRule[]>;

export function limitPublicAuthCalls(
  container: Pick<AuthDeps, 'rateLimiter' | 'now'>,
  route: keyof typeof LIMITS,
  sourceIp: string | null,
): Promise<void> {
  return limitAddress(container, route, sourceIp, LIMITS[route]);
}

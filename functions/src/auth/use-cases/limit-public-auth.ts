import { AppError } from '@zhixiang/shared/errors';
import type { AuthDeps } from './deps';
import { describeWait } from './identity-binding';

/**
 * Per-address limits on the routes anyone can call without a token (WeChat sign-in, refresh), so
 * one address cannot hammer the code exchange or guess refresh tokens. Generous: a carrier's NAT
 * puts many customers behind one address. Calls without an address (never from the gateway) pass.
 */
const LIMITS = {
  'sign-in': [
    { per: 'minute', limit: 30, windowSeconds: 60 },
    { per: 'hour', limit: 600, windowSeconds: 3600 },
  ],
  refresh: [
    { per: 'minute', limit: 60, windowSeconds: 60 },
    { per: 'hour', limit: 1200, windowSeconds: 3600 },
  ],
} as const;

export async function limitPublicAuthCalls(
  container: Pick<AuthDeps, 'rateLimiter' | 'now'>,
  route: keyof typeof LIMITS,
  sourceIp: string | null,
): Promise<void> {
  if (!sourceIp) return;
  const decision = await container.rateLimiter.consume(
    LIMITS[route].map(({ per, limit, windowSeconds }) => ({
      key: `public:${route}:ip:${sourceIp}:${per}`,
      limit,
      windowSeconds,
    })),
    container.now(),
  );
  if (!decision.allowed) {
    throw new AppError(
      'RATE_LIMITED',
      `请求过于频繁，请在 ${describeWait(decision.retryAfterSeconds)}后重试`,
      {
        retryAfterSeconds: decision.retryAfterSeconds,
        logMessage: `public ${route} rate limit hit`,
      },
    );
  }
}

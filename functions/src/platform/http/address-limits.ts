import { AppError } from '@zhixiang/shared/errors';
import { describeWait } from '@zhixiang/shared/format/wait';
import type { RateLimiter } from '@zhixiang/shared/ports/auth-store';

/** One window of a per-address limit: at most `limit` calls per `windowSeconds`. */
export interface AddressLimitRule {
  per: 'minute' | 'hour' | 'day';
  limit: number;
  windowSeconds: number;
}

/**
 * Per-address limits on the routes anyone can call without a token, so one address cannot hammer
 * them. Every rule takes one unit or none does; over a limit the caller gets 429 with the wait in
 * Chinese. Limits are generous: a carrier's NAT puts many customers behind one address. A call
 * without an address (never from the gateway) passes.
 */
export async function limitAddress(
  deps: { rateLimiter: RateLimiter; now: () => number },
  route: string,
  sourceIp: string | null,
  rules: readonly AddressLimitRule[],
): Promise<void> {
  if (!sourceIp) return;
  const decision = await deps.rateLimiter.consume(
    rules.map(({ per, limit, windowSeconds }) => ({
      key: `public:${route}:ip:${sourceIp}:${per}`,
      limit,
      windowSeconds,
    })),
    deps.now(),
  );
  if (!decision.allowed)
    throw new AppError(
      'RATE_LIMITED',
      `请求过于频繁，请在 ${describeWait(decision.retryAfterSeconds)}后重试`,
      {
        retryAfterSeconds: decision.retryAfterSeconds,
        logMessage: `public ${route} rate limit hit`,
      },
    );
}

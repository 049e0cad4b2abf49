import { AppError } from '@zhixiang/shared/errors';
import type { OneTimeCodeStore, RateLimiter } from '@zhixiang/shared/ports/auth-store';
import type { PhoneCodes } from '@zhixiang/shared/ports/phone-codes';
import type { SmsSender } from '@zhixiang/shared/ports/sms-sender';
import type { Platform } from '../platform/process';
import { consumeOneTimeCode, issueOneTimeCode } from './use-cases/identity-binding';

/** The phone codes over the auth store's one-time codes and rate limits and the SMS port. */
export function rateLimitedPhoneCodes(deps: {
  rateLimiter: RateLimiter;
  oneTimeCodes: OneTimeCodeStore;
  sms: SmsSender;
  secrets: Platform['secrets'];
  now: () => number;
}): PhoneCodes {
  return {
    send: async (input) => {
      const now = deps.now();
      const decision = await deps.rateLimiter.consume(
        [
          { key: `${input.subject}:minute`, limit: 1, windowSeconds: 60 },
          { key: `${input.subject}:hour`, limit: 5, windowSeconds: 3600 },
        ],
        now,
      );
      if (!decision.allowed)
        throw new AppError('RATE_LIMITED', '获取验证码过于频繁，请稍后再试', {
          retryAfterSeconds: decision.retryAfterSeconds,
        });
      await issueOneTimeCode(deps, { ...input, phoneIndex: '', now });
    },
    consume: (subject, code, field) => consumeOneTimeCode(deps, subject, code, field),
  };
}

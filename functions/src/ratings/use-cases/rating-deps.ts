import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { RateLimiter } from '@zhixiang/shared/ports/auth-store';
import type { CallbackBookingRepository } from '@zhixiang/shared/ports/callback-bookings';
import type { EndorsementRepository } from '@zhixiang/shared/ports/endorsements';
import type { HandoffStore } from '@zhixiang/shared/ports/handoffs';
import type { JourneyRatingStore } from '@zhixiang/shared/ports/ratings';
import type { PolicyRepository } from '@zhixiang/shared/ports/repositories';
import type { VoiceThemeDictionary } from '@zhixiang/shared/voice/themes';

export interface RatingDeps {
  repositories: {
    ratings: JourneyRatingStore;
    /** The owning contexts' stores, read through their ports: the rated journeys are theirs. */
    endorsements: Pick<EndorsementRepository, 'get' | 'listByHolder'>;
    callbackBookings: Pick<CallbackBookingRepository, 'getBooking' | 'getBookings'>;
    policies: Pick<PolicyRepository, 'listByCustomer'>;
    handoffs: Pick<HandoffStore, 'get' | 'latestOfCustomer'>;
  };
  /** The per-customer limit of ratings a day (the rate limiter of the SMS codes). */
  rateLimiter: RateLimiter;
  /** The customer-voice dictionary: a rating that is voice is tagged by it. */
  voiceThemes: VoiceThemeDictionary;
  now: () => number;
}

/** A rating is the customer's own voice: only a customer with a bound identity gives one. */
export function ratingCustomer(claims: AccessClaims): string {
  if (claims.role !== 'customer') throw new AppError('FORBIDDEN', '服务评价仅限客户本人');
  if (!claims.customerId) throw new AppError('FORBIDDEN', '请先完成身份绑定后再评价');
  return claims.customerId;
}

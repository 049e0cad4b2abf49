import { defaultVoiceThemes } from '@zhixiang/shared/voice/themes';
import { DynamoHandoffStore } from '../assistant/adapters/handoffs';
import { createCallbackBookingRepository } from '../callback/wiring';
import { createEndorsementRepositories } from '../endorsements/adapters/endorsements';
import { DynamoRateLimiter } from '../platform/auth-store/auth-store';
import { defineWiring, type Platform } from '../platform/process';
import { DynamoJourneyRatingStore } from './adapters/journey-ratings';

/**
 * Journey ratings read the rated journeys through their own contexts' stores (applications,
 * callback bookings, handoffs) and write the rating with its measurement event and voice item.
 */
export function createRatingsDeps(platform: Platform) {
  const { table } = platform;
  // Policies and customers, applications: the endorsement engine's stores.
  const records = createEndorsementRepositories(table, platform.fieldCipher);
  return {
    ...platform,
    repositories: {
      ...records,
      ratings: new DynamoJourneyRatingStore(table),
      callbackBookings: createCallbackBookingRepository(platform, records.policies),
      handoffs: new DynamoHandoffStore(table),
    },
    rateLimiter: new DynamoRateLimiter(table),
    /** The customer-voice dictionary: a rating that is voice is tagged by it. */
    get voiceThemes() {
      return defaultVoiceThemes();
    },
  };
}
export type RatingsDeps = ReturnType<typeof createRatingsDeps>;

export const ratingsWiring = defineWiring(createRatingsDeps);

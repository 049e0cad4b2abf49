import { defaultVoiceThemes } from '@zhixiang/shared/voice/themes';
import { defineWiring, type Platform } from '../platform/process';
import { createRecordRepositories } from '../platform/records/repositories';
import { createSmsSender } from '../platform/sms/create-sms-sender';
import { type CallbackPolicyChecks, DynamoCallbackBookingRepository } from './adapters/callback-bookings';

export function createCallbackDeps(platform: Platform) {
  const { table } = platform;
  const records = createRecordRepositories(table, platform.fieldCipher);
  return {
    ...platform,
    repositories: {
      ...records,
      callbackBookings: createCallbackBookingRepository(platform, records.policies),
    },
    sms: createSmsSender(platform),
    /** A problem case joins the customer-voice stream (客户之声), tagged by this dictionary. */
    get voiceThemes() {
      return defaultVoiceThemes();
    },
  };
}
export type CallbackContextDeps = ReturnType<typeof createCallbackDeps>;

/** New-policy callback slots, bookings and problem cases (the call centre's IVR reads them too). */
export function createCallbackBookingRepository(
  { table }: Platform,
  policies: CallbackPolicyChecks,
): DynamoCallbackBookingRepository {
  return new DynamoCallbackBookingRepository(table, policies);
}

export const callbackWiring = defineWiring(createCallbackDeps);

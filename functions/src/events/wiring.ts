import { defaultEventSettings } from '@zhixiang/shared/events/rules';
import { defaultVoiceThemes } from '@zhixiang/shared/voice/themes';
import { defineWiring, type Platform } from '../platform/process';
import { createRecordRepositories } from '../platform/records/repositories';
import { S3PrivateFiles } from '../platform/s3/private-files';
import { getS3 } from '../platform/s3/s3';
import { SignedTokens } from '../platform/tokens/signed-tokens';
import { DynamoEventStore } from './adapters/events';

export function createEventsDeps(platform: Platform) {
  const { table } = platform;
  return {
    ...platform,
    repositories: {
      ...createRecordRepositories(table, platform.fieldCipher),
      events: new DynamoEventStore(table, platform.fieldCipher),
    },
    eventSettings: defaultEventSettings,
    /** The customer-voice dictionary: a low rating's voice item is tagged by it. */
    get voiceThemes() {
      return defaultVoiceThemes();
    },
    eventFiles: new S3PrivateFiles(getS3, platform.config.bucketName),
    /** Entry tickets (the registrant's QR code): signed for this purpose only. */
    eventTickets: new SignedTokens({
      purpose: 'event-ticket-v1',
      signingKey: platform.secrets.tokenSigningKey,
      now: platform.now,
    }),
  };
}
export type EventsDeps = ReturnType<typeof createEventsDeps>;

export const eventsWiring = defineWiring(createEventsDeps);

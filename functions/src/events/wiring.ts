import { defaultEventSettings } from '@zhixiang/shared/events/rules';
import { defaultVoiceThemes } from '@zhixiang/shared/voice/themes';
import { ApiGatewayLiveChatPusher } from '../assistant/adapters/api-gateway-live-chat-pusher';
import { DynamoLiveChatConnectionStore } from '../assistant/adapters/live-chat-connections';
import { defineWiring, type Platform } from '../platform/process';
import { createRecordRepositories } from '../platform/records/repositories';
import { S3PrivateFiles } from '../platform/s3/private-files';
import { getS3 } from '../platform/s3/s3';
import { SignedTokens } from '../platform/tokens/signed-tokens';
import { DynamoVoiceStore } from '../voice/adapters/voice-store';
import { DynamoEventStore } from './adapters/events';

export function createEventsDeps(platform: Platform) {
  const { table, config } = platform;
  return {
    ...platform,
    repositories: {
      ...createRecordRepositories(table, platform.fieldCipher),
      events: new DynamoEventStore(table, platform.fieldCipher),
      /** A low rating's voice item, pushed to the listening executives (高管聆听) over the WebSocket API. */
      voice: new DynamoVoiceStore(table),
      liveChatConnections: new DynamoLiveChatConnectionStore(table),
    },
    /** Null where the stage has no WebSocket API: the listening page has the item on its next load. */
    liveChatPusher: config.liveChatEndpoint ? new ApiGatewayLiveChatPusher(config.liveChatEndpoint) : null,
    eventSettings: defaultEventSettings,
    /** The customer-voice dictionary: a low rating's voice item is tagged by it. */
    voiceThemes: defaultVoiceThemes,
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

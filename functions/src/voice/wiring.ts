import { defaultBusinessCalendar } from '@zhixiang/shared/complaints/calendar';
import { defaultVoiceThemes } from '@zhixiang/shared/voice/themes';
import { ApiGatewayLiveChatPusher } from '../assistant/adapters/api-gateway-live-chat-pusher';
import { DynamoConversationStore } from '../assistant/adapters/assistant-conversations';
import { DynamoHandoffStore } from '../assistant/adapters/handoffs';
import { DynamoLiveChatConnectionStore } from '../assistant/adapters/live-chat-connections';
import { defineWiring, type Platform } from '../platform/process';
import { DynamoAttachmentViewLog } from '../platform/records/attachment-views';
import { createRecordRepositories } from '../platform/records/repositories';
import { S3Attachments } from '../platform/s3/attachments';
import { getS3 } from '../platform/s3/s3';
import { DynamoRectificationStore } from './adapters/rectification-store';
import { DynamoVoiceStore } from './adapters/voice-store';

export function createVoiceDeps(platform: Platform) {
  const { table, config } = platform;
  // Built on first use: only the projection reads the assistant's improvement report, and only the
  // listen-in a handoff's chat with the assistant.
  let assistantConversations: DynamoConversationStore | undefined;
  return {
    ...platform,
    repositories: {
      ...createRecordRepositories(table, platform.fieldCipher),
      voice: new DynamoVoiceStore(table),
      rectifications: new DynamoRectificationStore(table),
      /** Who was handed a link to a rectification's evidence file. */
      attachmentViews: new DynamoAttachmentViewLog(table),
      liveChatConnections: new DynamoLiveChatConnectionStore(table),
      /** The handoff chats executives listen in on (人工客服旁听). */
      handoffs: new DynamoHandoffStore(table),
      get assistantConversations(): DynamoConversationStore {
        assistantConversations ??= new DynamoConversationStore(table);
        return assistantConversations;
      },
    },
    /** Pushes new items to listening executives; null where the stage has no WebSocket API. */
    liveChatPusher: config.liveChatEndpoint ? new ApiGatewayLiveChatPusher(config.liveChatEndpoint) : null,
    /** Rectifications' closure evidence (`voice/` of the document bucket). */
    rectificationFiles: new S3Attachments(getS3, config.bucketName),
    get voiceThemes() {
      return defaultVoiceThemes();
    },
    businessCalendar: defaultBusinessCalendar,
  };
}
export type VoiceWiringDeps = ReturnType<typeof createVoiceDeps>;

export const voiceWiring = defineWiring(createVoiceDeps);

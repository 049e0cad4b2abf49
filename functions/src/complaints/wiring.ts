import { defaultBusinessCalendar } from '@zhixiang/shared/complaints/calendar';
import { defaultComplaintRules } from '@zhixiang/shared/complaints/classification';
import { defaultVoiceThemes } from '@zhixiang/shared/voice/themes';
import { ApiGatewayLiveChatPusher } from '../assistant/adapters/api-gateway-live-chat-pusher';
import { DynamoConversationStore } from '../assistant/adapters/assistant-conversations';
import { DynamoLiveChatConnectionStore } from '../assistant/adapters/live-chat-connections';
import { DynamoCallbackBookingRepository } from '../callback/adapters/callback-bookings';
import { DynamoIvrCallStore } from '../ivr/adapters/ivr-calls';
import { defineWiring, type Platform } from '../platform/process';
import { DynamoAttachmentViewLog } from '../platform/records/attachment-views';
import { createRecordRepositories } from '../platform/records/repositories';
import { S3Attachments } from '../platform/s3/attachments';
import { getS3 } from '../platform/s3/s3';
import { DynamoRectificationStore } from '../voice/adapters/rectification-store';
import { DynamoComplaintStore } from './adapters/complaints';

export function createComplaintsDeps(platform: Platform) {
  const { table, config } = platform;
  // Built on first use: only filing for a caller and complaints from the assistant read them, and
  // building their entities costs a first request 27–48 ms.
  let ivrCalls: DynamoIvrCallStore | undefined;
  let assistantConversations: DynamoConversationStore | undefined;
  let callbackBookings: DynamoCallbackBookingRepository | undefined;
  const records = createRecordRepositories(table, platform.fieldCipher);
  return {
    ...platform,
    repositories: {
      ...records,
      complaints: new DynamoComplaintStore(table),
      /** Who was handed a link to a complaint's photo (staff, executives, admins). */
      attachmentViews: new DynamoAttachmentViewLog(table),
      /** The customer-voice context's rectification tasks (整改): the report counts the open ones. */
      rectifications: new DynamoRectificationStore(table),
      /** The WebSocket API's connections: an escalated complaint is pushed to its level's listeners. */
      liveChatConnections: new DynamoLiveChatConnectionStore(table),
      /** The calls the phone system identified: a seat files for the caller from the screen-pop. */
      get ivrCalls(): DynamoIvrCallStore {
        ivrCalls ??= new DynamoIvrCallStore(table);
        return ivrCalls;
      },
      /** The callbacks' dispute outbox: a customer disputing the sale on the callback files a complaint. */
      get callbackBookings(): DynamoCallbackBookingRepository {
        callbackBookings ??= new DynamoCallbackBookingRepository(table, records.policies);
        return callbackBookings;
      },
      /** The assistant's conversations: a complaint filed there carries its transcript. */
      get assistantConversations(): DynamoConversationStore {
        assistantConversations ??= new DynamoConversationStore(table);
        return assistantConversations;
      },
    },
    /** Pushes escalations to listening executives; null where the stage has no WebSocket API. */
    liveChatPusher: config.liveChatEndpoint ? new ApiGatewayLiveChatPusher(config.liveChatEndpoint) : null,
    /** The complaints' photos (`complaints/` of the document bucket). */
    complaintFiles: new S3Attachments(getS3, config.bucketName),
    businessCalendar: defaultBusinessCalendar,
    complaintRules: defaultComplaintRules,
    /** The customer-voice dictionary: a closing rating that is voice is tagged by it. */
    get voiceThemes() {
      return defaultVoiceThemes();
    },
  };
}
export type ComplaintsDeps = ReturnType<typeof createComplaintsDeps>;

export const complaintsWiring = defineWiring(createComplaintsDeps);

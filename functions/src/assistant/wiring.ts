import { createCallbackBookingRepository } from '../callback/wiring';
import { createRateLimiter } from '../platform/auth-store/auth-store';
import { defineWiring, type Platform } from '../platform/process';
import { createRecordRepositories } from '../platform/records/repositories';
import { createSmsSender } from '../platform/sms/create-sms-sender';
import { createCatalogueRepository } from '../products/wiring';
import { DynamoVoiceStore } from '../voice/adapters/voice-store';
import { ApiGatewayLiveChatPusher } from './adapters/api-gateway-live-chat-pusher';
import { DynamoConversationStore } from './adapters/assistant-conversations';
import { DynamoHandoffStore } from './adapters/handoffs';
import { DynamoKnowledgeBaseRepository } from './adapters/knowledge-base';
import { DynamoLiveChatConnectionStore } from './adapters/live-chat-connections';

export function createAssistantDeps(platform: Platform) {
  const { table, config } = platform;
  const records = createRecordRepositories(table, platform.fieldCipher);
  return {
    ...platform,
    repositories: {
      ...records,
      callbackBookings: createCallbackBookingRepository(platform, records.policies),
      catalogue: createCatalogueRepository(platform),
      knowledgeBase: new DynamoKnowledgeBaseRepository(table),
      assistantConversations: new DynamoConversationStore(table),
      handoffs: new DynamoHandoffStore(table),
      liveChatConnections: new DynamoLiveChatConnectionStore(table),
      /** `$disconnect` ends a listening session of the customer-voice stream (the listening log). */
      voice: new DynamoVoiceStore(table),
    },
    /** Pushes to WebSocket connections; null where the stage has no WebSocket API (clients poll). */
    liveChatPusher: config.liveChatEndpoint ? new ApiGatewayLiveChatPusher(config.liveChatEndpoint) : null,
    sms: createSmsSender(platform),
    /** Per-address limits on anonymous questions and ratings. */
    rateLimiter: createRateLimiter(table),
  };
}
export type AssistantContextDeps = ReturnType<typeof createAssistantDeps>;

export const assistantWiring = defineWiring(createAssistantDeps);

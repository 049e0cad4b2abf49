import { ApiGatewayLiveChatPusher } from '../assistant/adapters/api-gateway-live-chat-pusher';
import { DynamoLiveChatConnectionStore } from '../assistant/adapters/live-chat-connections';
import { defineWiring, type Platform } from '../platform/process';
import { DynamoVoiceStore } from '../voice/adapters/voice-store';
import { createStandardsDeps } from './wiring';

/**
 * The alert job's wiring (`warnStandardBreaches` then `pushStandardAlerts`): the standards' own, and
 * the live chat's WebSocket connections and pusher that bring the alerts to the staff and executives
 * listening (高管聆听), with the listening log a dead connection's session is closed in. Only this
 * function carries them.
 */
export function createStandardAlertsDeps(platform: Platform) {
  const standards = createStandardsDeps(platform);
  return {
    ...standards,
    repositories: {
      ...standards.repositories,
      liveChatConnections: new DynamoLiveChatConnectionStore(platform.table),
      voice: new DynamoVoiceStore(platform.table),
    },
    /** Null where the stage has no WebSocket API: the alerts are then only listed (GET /standards/alerts). */
    liveChatPusher: platform.config.liveChatEndpoint
      ? new ApiGatewayLiveChatPusher(platform.config.liveChatEndpoint)
      : null,
  };
}

export const standardAlertsWiring = defineWiring(createStandardAlertsDeps);

import type { LiveChatConnectionStore } from '@zhixiang/shared/ports/live-chat';
import type { VoiceStore } from '@zhixiang/shared/ports/voice';

/**
 * `$disconnect`: the connection and its subscriptions go (the TTL catches a disconnect that never
 * ran), and a listening session of the customer-voice stream on it ends (the listening log).
 */
export async function disconnectLiveChat(
  deps: {
    repositories: { liveChatConnections: LiveChatConnectionStore; voice: Pick<VoiceStore, 'endListening'> };
    now: () => number;
  },
  connectionId: string,
): Promise<void> {
  await Promise.all([
    deps.repositories.liveChatConnections.remove(connectionId),
    deps.repositories.voice.endListening(connectionId, new Date(deps.now()).toISOString()),
  ]);
}

import type { LiveChatConnectionStore } from '@zhixiang/shared/ports/live-chat';

/** `$disconnect`: the connection and its subscriptions go (the TTL catches a disconnect that never ran). */
export async function disconnectLiveChat(
  deps: { repositories: { liveChatConnections: LiveChatConnectionStore } },
  connectionId: string,
): Promise<void> {
  await deps.repositories.liveChatConnections.remove(connectionId);
}

import { websocketHandler } from '../middleware/websocket-handler';
import { disconnectLiveChat } from '../use-cases/handoffs/disconnect-live-chat';

export const handler = websocketHandler(({ connectionId, container }) =>
  disconnectLiveChat(container, connectionId),
);

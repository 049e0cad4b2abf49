import { websocketHandler } from '../middleware/websocket-handler';
import { connectLiveChat } from '../use-cases/handoffs/connect-live-chat';

export const handler = websocketHandler(({ connectionId, query, container }) =>
  connectLiveChat(container, connectionId, query.token),
);

import { websocketHandler } from '../../platform/http/websocket-handler';
import { disconnectLiveChat } from '../use-cases/disconnect-live-chat';

export const handler = websocketHandler(({ connectionId, container }) =>
  disconnectLiveChat(container, connectionId),
);

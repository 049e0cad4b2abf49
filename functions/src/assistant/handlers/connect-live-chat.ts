import { websocketHandler } from '../../platform/http/websocket-handler';
import { connectLiveChat } from '../use-cases/connect-live-chat';

export const handler = websocketHandler(({ connectionId, query, container }) =>
  connectLiveChat(container, connectionId, query.token),
);

import { websocketHandler } from '../../platform/http/websocket-handler';
import { connectLiveChat } from '../use-cases/connect-live-chat';
import { assistantWiring } from '../wiring';

export const handler = websocketHandler(assistantWiring, ({ connectionId, query, deps }) =>
  connectLiveChat(deps, connectionId, query.token),
);

import { websocketHandler } from '../../platform/http/websocket-handler';
import { disconnectLiveChat } from '../use-cases/disconnect-live-chat';
import { assistantWiring } from '../wiring';

export const handler = websocketHandler(assistantWiring, ({ connectionId, deps }) =>
  disconnectLiveChat(deps, connectionId),
);

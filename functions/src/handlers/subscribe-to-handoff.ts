import { SubscribeFrameSchema } from '@zhixiang/shared/assistant/live-chat';
import { parseBody } from '../middleware/validation';
import { websocketHandler } from '../middleware/websocket-handler';
import { subscribeToHandoff } from '../use-cases/handoffs/subscribe-to-handoff';

export const handler = websocketHandler(({ connectionId, frame, container }) =>
  subscribeToHandoff(container, connectionId, parseBody(SubscribeFrameSchema, frame)),
);

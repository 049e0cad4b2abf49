import { SubscribeFrameSchema } from '@zhixiang/shared/assistant/live-chat';
import { parseBody } from '../../platform/http/validation';
import { websocketHandler } from '../../platform/http/websocket-handler';
import { subscribeToHandoff } from '../use-cases/subscribe-to-handoff';

export const handler = websocketHandler(({ connectionId, frame, container }) =>
  subscribeToHandoff(container, connectionId, parseBody(SubscribeFrameSchema, frame)),
);

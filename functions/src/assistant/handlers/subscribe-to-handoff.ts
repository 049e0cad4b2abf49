import { SubscribeFrameSchema } from '@zhixiang/shared/assistant/live-chat';
import { parseBody } from '../../platform/http/validation';
import { websocketHandler } from '../../platform/http/websocket-handler';
import { subscribeToHandoff } from '../use-cases/subscribe-to-handoff';
import { assistantWiring } from '../wiring';

export const handler = websocketHandler(assistantWiring, ({ connectionId, frame, deps }) =>
  subscribeToHandoff(deps, connectionId, parseBody(SubscribeFrameSchema, frame)),
);

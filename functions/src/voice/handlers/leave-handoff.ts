import { LeaveHandoffFrameSchema } from '@zhixiang/shared/voice/listen-in';
import { parseBody } from '../../platform/http/validation';
import { websocketHandler } from '../../platform/http/websocket-handler';
import { leaveHandoff } from '../use-cases/listen-in-on-handoff';
import { voiceWiring } from '../wiring';

/** The WebSocket API's `leaveHandoff` route (voice/functions.yml): the listen-in ends. */
export const handler = websocketHandler(voiceWiring, ({ connectionId, frame, deps }) =>
  leaveHandoff(deps, connectionId, parseBody(LeaveHandoffFrameSchema, frame)),
);

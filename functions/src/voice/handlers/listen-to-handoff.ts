import { ListenHandoffFrameSchema } from '@zhixiang/shared/voice/listen-in';
import { parseBody } from '../../platform/http/validation';
import { websocketHandler } from '../../platform/http/websocket-handler';
import { listenInOnHandoff } from '../use-cases/listen-in-on-handoff';
import { voiceWiring } from '../wiring';

/** The WebSocket API's `listenHandoff` route (voice/functions.yml): an executive listens in on a handoff chat. */
export const handler = websocketHandler(voiceWiring, ({ connectionId, frame, deps }) =>
  listenInOnHandoff(deps, connectionId, parseBody(ListenHandoffFrameSchema, frame)),
);

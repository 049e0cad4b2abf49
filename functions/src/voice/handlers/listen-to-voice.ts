import { ListenVoiceFrameSchema } from '@zhixiang/shared/voice/schemas';
import { parseBody } from '../../platform/http/validation';
import { websocketHandler } from '../../platform/http/websocket-handler';
import { listenToVoice } from '../use-cases/listen-to-voice';
import { voiceWiring } from '../wiring';

/** The WebSocket API's `listenVoice` route (voice/functions.yml). */
export const handler = websocketHandler(voiceWiring, ({ connectionId, frame, deps }) => {
  parseBody(ListenVoiceFrameSchema, frame);
  return listenToVoice(deps, connectionId);
});

import { getVoiceListeningLogRoute } from '@zhixiang/shared/voice/routes';
import { VoiceListeningQuerySchema } from '@zhixiang/shared/voice/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getVoiceListeningLog } from '../use-cases/get-voice-listening-log';
import { voiceWiring } from '../wiring';

export const handler = httpHandler(
  getVoiceListeningLogRoute,
  voiceWiring,
  ({ auth, query, deps }) =>
    getVoiceListeningLog(deps, auth, parseBody(VoiceListeningQuerySchema, { day: query.day }).day),
  { roles: ['staff', 'executive', 'admin'] },
);

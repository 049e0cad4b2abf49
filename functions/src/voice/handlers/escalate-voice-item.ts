import { escalateVoiceItemRoute } from '@zhixiang/shared/voice/routes';
import { VoiceItemPathSchema } from '@zhixiang/shared/voice/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { escalateVoiceItem } from '../use-cases/escalate-voice-item';
import { voiceWiring } from '../wiring';

export const handler = httpHandler(
  escalateVoiceItemRoute,
  voiceWiring,
  ({ auth, pathParameters, body, deps }) =>
    escalateVoiceItem(deps, auth, parseBody(VoiceItemPathSchema, pathParameters).itemId, body.note),
  { roles: ['staff', 'executive'] },
);

import { VoiceHandoffPathSchema } from '@zhixiang/shared/voice/listen-in';
import { getVoiceHandoffRoute } from '@zhixiang/shared/voice/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getVoiceHandoff } from '../use-cases/listen-in-on-handoff';
import { voiceWiring } from '../wiring';

export const handler = httpHandler(
  getVoiceHandoffRoute,
  voiceWiring,
  ({ auth, pathParameters, deps }) =>
    getVoiceHandoff(deps, auth, parseBody(VoiceHandoffPathSchema, pathParameters).handoffId),
  { roles: ['executive', 'admin'] },
);

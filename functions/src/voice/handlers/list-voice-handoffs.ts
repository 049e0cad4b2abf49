import { listVoiceHandoffsRoute } from '@zhixiang/shared/voice/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listVoiceHandoffs } from '../use-cases/listen-in-on-handoff';
import { voiceWiring } from '../wiring';

export const handler = httpHandler(
  listVoiceHandoffsRoute,
  voiceWiring,
  ({ auth, deps }) => listVoiceHandoffs(deps, auth),
  { roles: ['executive', 'admin'] },
);

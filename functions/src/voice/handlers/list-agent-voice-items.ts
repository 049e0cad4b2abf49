import { listAgentVoiceItemsRoute } from '@zhixiang/shared/voice/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listAgentVoiceItems } from '../use-cases/list-agent-voice-items';
import { voiceWiring } from '../wiring';

export const handler = httpHandler(
  listAgentVoiceItemsRoute,
  voiceWiring,
  ({ auth, deps }) => listAgentVoiceItems(deps, auth),
  { roles: ['agent'] },
);

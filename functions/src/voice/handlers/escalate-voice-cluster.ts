import { escalateVoiceClusterRoute } from '@zhixiang/shared/voice/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { escalateVoiceCluster } from '../use-cases/escalate-voice-cluster';
import { voiceWiring } from '../wiring';

export const handler = httpHandler(
  escalateVoiceClusterRoute,
  voiceWiring,
  ({ auth, body, deps }) => escalateVoiceCluster(deps, auth, body),
  { roles: ['staff', 'executive'] },
);

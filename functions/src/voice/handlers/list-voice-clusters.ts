import { listVoiceClustersRoute } from '@zhixiang/shared/voice/routes';
import { VoiceClustersQuerySchema } from '@zhixiang/shared/voice/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { listVoiceClusters } from '../use-cases/list-voice-clusters';
import { voiceWiring } from '../wiring';

export const handler = httpHandler(
  listVoiceClustersRoute,
  voiceWiring,
  ({ auth, query, deps }) =>
    listVoiceClusters(deps, auth, parseBody(VoiceClustersQuerySchema, { week: query.week })),
  { roles: ['staff', 'executive', 'admin'] },
);

import { listVoiceItemsRoute } from '@zhixiang/shared/voice/routes';
import { VoiceItemsQuerySchema } from '@zhixiang/shared/voice/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { listVoiceItems } from '../use-cases/list-voice-items';
import { voiceWiring } from '../wiring';

export const handler = httpHandler(
  listVoiceItemsRoute,
  voiceWiring,
  ({ auth, query, deps }) =>
    listVoiceItems(
      deps,
      auth,
      parseBody(VoiceItemsQuerySchema, { week: query.week, theme: query.theme, reported: query.reported }),
    ),
  { roles: ['staff', 'executive', 'admin'] },
);

import { RectificationsQuerySchema } from '@zhixiang/shared/voice/rectification';
import { listRectificationsRoute } from '@zhixiang/shared/voice/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { listRectifications } from '../use-cases/list-rectifications';
import { voiceWiring } from '../wiring';

export const handler = httpHandler(
  listRectificationsRoute,
  voiceWiring,
  ({ auth, query, deps }) =>
    listRectifications(deps, auth, parseBody(RectificationsQuerySchema, { status: query.status })),
  { roles: ['staff', 'executive', 'admin'] },
);

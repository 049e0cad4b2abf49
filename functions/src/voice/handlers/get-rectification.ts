import { RectificationPathSchema } from '@zhixiang/shared/voice/rectification';
import { getRectificationRoute } from '@zhixiang/shared/voice/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getRectification } from '../use-cases/list-rectifications';
import { voiceWiring } from '../wiring';

export const handler = httpHandler(
  getRectificationRoute,
  voiceWiring,
  ({ auth, pathParameters, deps }) =>
    getRectification(deps, auth, parseBody(RectificationPathSchema, pathParameters).rectificationId),
  { roles: ['staff', 'executive', 'admin'] },
);

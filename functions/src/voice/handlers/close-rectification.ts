import { RectificationPathSchema } from '@zhixiang/shared/voice/rectification';
import { closeRectificationRoute } from '@zhixiang/shared/voice/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { closeRectification } from '../use-cases/change-rectification';
import { voiceWiring } from '../wiring';

export const handler = httpHandler(
  closeRectificationRoute,
  voiceWiring,
  ({ auth, pathParameters, body, deps }) =>
    closeRectification(deps, auth, parseBody(RectificationPathSchema, pathParameters).rectificationId, body),
  { roles: ['staff', 'executive'] },
);

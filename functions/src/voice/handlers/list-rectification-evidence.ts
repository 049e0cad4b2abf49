import { RectificationPathSchema } from '@zhixiang/shared/voice/rectification';
import { listRectificationEvidenceRoute } from '@zhixiang/shared/voice/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { listRectificationEvidence } from '../use-cases/rectification-evidence';
import { voiceWiring } from '../wiring';

export const handler = httpHandler(
  listRectificationEvidenceRoute,
  voiceWiring,
  ({ auth, pathParameters, deps }) =>
    listRectificationEvidence(deps, auth, parseBody(RectificationPathSchema, pathParameters).rectificationId),
  { roles: ['staff', 'executive', 'admin'] },
);

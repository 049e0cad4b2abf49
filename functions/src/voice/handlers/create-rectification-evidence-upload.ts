import { RectificationPathSchema } from '@zhixiang/shared/voice/rectification';
import { createRectificationEvidenceUploadRoute } from '@zhixiang/shared/voice/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { createRectificationEvidenceUpload } from '../use-cases/rectification-evidence';
import { voiceWiring } from '../wiring';

export const handler = httpHandler(
  createRectificationEvidenceUploadRoute,
  voiceWiring,
  ({ auth, pathParameters, deps }) =>
    createRectificationEvidenceUpload(
      deps,
      auth,
      parseBody(RectificationPathSchema, pathParameters).rectificationId,
    ),
  { roles: ['staff', 'executive'] },
);

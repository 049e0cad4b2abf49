import { RectificationPathSchema } from '@zhixiang/shared/voice/rectification';
import { addRectificationNoteRoute } from '@zhixiang/shared/voice/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { addRectificationNote } from '../use-cases/change-rectification';
import { voiceWiring } from '../wiring';

export const handler = httpHandler(
  addRectificationNoteRoute,
  voiceWiring,
  ({ auth, pathParameters, body, deps }) =>
    addRectificationNote(
      deps,
      auth,
      parseBody(RectificationPathSchema, pathParameters).rectificationId,
      body.note,
    ),
  { roles: ['staff', 'executive'] },
);

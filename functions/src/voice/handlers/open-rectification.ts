import { openRectificationRoute } from '@zhixiang/shared/voice/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { openRectification } from '../use-cases/open-rectification';
import { voiceWiring } from '../wiring';

export const handler = httpHandler(
  openRectificationRoute,
  voiceWiring,
  ({ auth, body, deps }) => openRectification(deps, auth, body),
  { roles: ['staff', 'executive'], successStatus: 201 },
);

import { submitRantRoute } from '@zhixiang/shared/voice/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { submitRant } from '../use-cases/submit-rant';
import { voiceWiring } from '../wiring';

export const handler = httpHandler(
  submitRantRoute,
  voiceWiring,
  ({ auth, body, deps }) => submitRant(deps, auth, body),
  { roles: ['customer'], successStatus: 201 },
);

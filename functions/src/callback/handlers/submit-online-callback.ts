import { submitOnlineCallbackRoute } from '@zhixiang/shared/callback/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { submitOnlineCallback } from '../use-cases/submit-online-callback';
import { onlineCallbackWiring } from '../wiring-online';

export const handler = httpHandler(
  submitOnlineCallbackRoute,
  onlineCallbackWiring,
  ({ auth, body, pathParameters, deps }) =>
    submitOnlineCallback(deps, auth, parseBody(PolicyPathSchema, pathParameters).policyNo, body),
  { roles: ['customer'] },
);

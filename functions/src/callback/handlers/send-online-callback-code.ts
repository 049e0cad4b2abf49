import { sendOnlineCallbackCodeRoute } from '@zhixiang/shared/callback/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { sendOnlineCallbackCode } from '../use-cases/send-online-callback-code';
import { onlineCallbackWiring } from '../wiring-online';

export const handler = httpHandler(
  sendOnlineCallbackCodeRoute,
  onlineCallbackWiring,
  ({ auth, pathParameters, deps }) =>
    sendOnlineCallbackCode(deps, auth, parseBody(PolicyPathSchema, pathParameters).policyNo),
  { roles: ['customer'] },
);

import { routes } from '@zhixiang/shared/api/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { sendOnlineCallbackCode } from '../use-cases/callback/send-online-callback-code';

export const handler = httpHandler(
  routes.sendOnlineCallbackCode,
  ({ auth, pathParameters, container }) =>
    sendOnlineCallbackCode(container, auth, parseBody(PolicyPathSchema, pathParameters).policyNo),
  { roles: ['customer'] },
);

import { routes } from '@zhixiang/shared/api/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { callbackDeps } from '../use-cases/callback/callback-policy';
import { cancelCallback } from '../use-cases/callback/cancel-callback';

export const handler = httpHandler(
  routes.cancelCallback,
  ({ auth, pathParameters, container }) =>
    cancelCallback(callbackDeps(container), auth, parseBody(PolicyPathSchema, pathParameters).policyNo),
  { roles: ['customer', 'agent'] },
);

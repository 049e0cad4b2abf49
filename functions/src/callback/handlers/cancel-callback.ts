import { routes } from '@zhixiang/shared/api/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { callbackDeps } from '../use-cases/callback-policy';
import { cancelCallback } from '../use-cases/cancel-callback';

export const handler = httpHandler(
  routes.cancelCallback,
  ({ auth, pathParameters, container }) =>
    cancelCallback(callbackDeps(container), auth, parseBody(PolicyPathSchema, pathParameters).policyNo),
  { roles: ['customer', 'agent'] },
);

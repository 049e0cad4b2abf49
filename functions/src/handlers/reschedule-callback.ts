import { routes } from '@zhixiang/shared/api/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { callbackDeps } from '../use-cases/callback/callback-policy';
import { rescheduleCallback } from '../use-cases/callback/reschedule-callback';

export const handler = httpHandler(
  routes.rescheduleCallback,
  ({ auth, body, pathParameters, container }) =>
    rescheduleCallback(
      callbackDeps(container),
      auth,
      parseBody(PolicyPathSchema, pathParameters).policyNo,
      body,
    ),
  { roles: ['customer', 'agent'] },
);

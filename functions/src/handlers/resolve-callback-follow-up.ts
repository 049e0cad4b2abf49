import { routes } from '@zhixiang/shared/api/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { resolveCallbackFollowUp } from '../use-cases/callback/callback-follow-ups';
import { callbackDeps } from '../use-cases/callback/callback-policy';

export const handler = httpHandler(
  routes.resolveCallbackFollowUp,
  ({ auth, body, pathParameters, container }) =>
    resolveCallbackFollowUp(
      callbackDeps(container),
      auth,
      parseBody(PolicyPathSchema, pathParameters).policyNo,
      body,
    ),
  { roles: ['staff', 'admin'] },
);

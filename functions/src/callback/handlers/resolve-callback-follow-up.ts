import { routes } from '@zhixiang/shared/api/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { resolveCallbackFollowUp } from '../use-cases/callback-follow-ups';
import { callbackDeps } from '../use-cases/callback-policy';

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

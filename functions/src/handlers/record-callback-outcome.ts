import { routes } from '@zhixiang/shared/api/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { callbackDeps } from '../use-cases/callback/callback-policy';
import { recordCallbackOutcome } from '../use-cases/callback/record-callback-outcome';

export const handler = httpHandler(
  routes.recordCallbackOutcome,
  ({ auth, body, pathParameters, container }) =>
    recordCallbackOutcome(
      { ...callbackDeps(container), sms: container.sms, logger: container.logger },
      auth,
      parseBody(PolicyPathSchema, pathParameters).policyNo,
      body,
    ),
  { roles: ['staff', 'admin'] },
);

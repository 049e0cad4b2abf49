import { routes } from '@zhixiang/shared/api/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { callbackDeps } from '../use-cases/callback-policy';
import { recordCallbackOutcome } from '../use-cases/record-callback-outcome';

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

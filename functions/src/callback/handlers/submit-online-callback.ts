import { routes } from '@zhixiang/shared/api/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { submitOnlineCallback } from '../use-cases/submit-online-callback';

export const handler = httpHandler(
  routes.submitOnlineCallback,
  ({ auth, body, pathParameters, container }) =>
    submitOnlineCallback(container, auth, parseBody(PolicyPathSchema, pathParameters).policyNo, body),
  { roles: ['customer'] },
);

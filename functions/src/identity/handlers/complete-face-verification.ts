import { routes } from '@zhixiang/shared/api/routes';
import { AttemptPathSchema } from '@zhixiang/shared/identity/verification';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { completeFaceVerification } from '../use-cases/complete-face-verification';

export const handler = httpHandler(
  routes.completeFaceVerification,
  ({ auth, pathParameters, container, userAgent, sourceIp }) =>
    completeFaceVerification(container, auth, parseBody(AttemptPathSchema, pathParameters).attemptId, {
      userAgent,
      ip: sourceIp,
    }),
  { roles: ['customer', 'agent'] },
);

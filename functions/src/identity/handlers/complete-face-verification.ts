import { completeFaceVerificationRoute } from '@zhixiang/shared/identity/routes';
import { AttemptPathSchema } from '@zhixiang/shared/identity/verification';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { completeFaceVerification } from '../use-cases/complete-face-verification';
import { identityWiring } from '../wiring';

export const handler = httpHandler(
  completeFaceVerificationRoute,
  identityWiring,
  ({ auth, pathParameters, deps, userAgent, sourceIp }) =>
    completeFaceVerification(deps, auth, parseBody(AttemptPathSchema, pathParameters).attemptId, {
      userAgent,
      ip: sourceIp,
    }),
  { roles: ['customer', 'agent'] },
);

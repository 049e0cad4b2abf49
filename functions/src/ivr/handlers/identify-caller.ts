import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { identifyCaller } from '../use-cases/identify-caller';
import { verifyIvrRequest } from '../use-cases/verify-ivr-request';

/** The call centre's phone system, not a user: proven by the HMAC signature, not a token. */
export const handler = httpHandler(
  routes.identifyCaller,
  ({ body, container }) =>
    identifyCaller(
      {
        customers: container.repositories.customers,
        calls: container.repositories.ivrCalls,
        fieldCipher: container.fieldCipher,
        rateLimiter: container.rateLimiter,
        lockouts: container.lockouts,
        now: container.now,
      },
      body,
    ),
  {
    successStatus: 201,
    verifyRequest: (request, container) =>
      verifyIvrRequest(request, {
        secret: container.secrets.ivrSigningSecret,
        calls: container.repositories.ivrCalls,
        now: container.now,
      }),
  },
);

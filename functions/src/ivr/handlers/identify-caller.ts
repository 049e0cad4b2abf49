import { identifyCallerRoute } from '@zhixiang/shared/ivr/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { identifyCaller } from '../use-cases/identify-caller';
import { verifyIvrRequest } from '../use-cases/verify-ivr-request';
import { ivrWiring } from '../wiring';

/** The call centre's phone system, not a user: proven by the HMAC signature, not a token. */
export const handler = httpHandler(
  identifyCallerRoute,
  ivrWiring,
  ({ body, deps }) =>
    identifyCaller(
      {
        customers: deps.repositories.customers,
        calls: deps.repositories.ivrCalls,
        fieldCipher: deps.fieldCipher,
        rateLimiter: deps.rateLimiter,
        lockouts: deps.lockouts,
        now: deps.now,
      },
      body,
    ),
  {
    successStatus: 201,
    verifyRequest: (request, deps) =>
      verifyIvrRequest(request, {
        secret: deps.secrets.ivrSigningSecret,
        calls: deps.repositories.ivrCalls,
        now: deps.now,
      }),
  },
);

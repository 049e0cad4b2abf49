import { FINANCE_HEADERS } from '@zhixiang/shared/payments/finance-api';
import { receivePayoutResultRoute } from '@zhixiang/shared/payments/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { verifySignedRequest } from '../../platform/http/verify-signed-request';
import { receivePayoutResult } from '../use-cases/receive-payout-result';
import { paymentsWiring, payoutDeps } from '../wiring';

/** The finance system, not a user: proven by the HMAC signature with timestamp and one-time nonce. */
export const handler = httpHandler(
  receivePayoutResultRoute,
  paymentsWiring,
  ({ body, deps }) => receivePayoutResult(payoutDeps(deps), body),
  {
    verifyRequest: (request, deps) =>
      verifySignedRequest(request, {
        headers: FINANCE_HEADERS,
        secret: deps.secrets.financeSigningSecret,
        claimNonce: (nonce, expiresAt) => deps.payoutInstructions.claimResultNonce(nonce, expiresAt),
        now: deps.now,
        caller: 'finance',
      }),
  },
);

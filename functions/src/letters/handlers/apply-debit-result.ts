import { letterRoutes } from '@zhixiang/shared/letters/routes';
import { BILLING_HEADERS } from '@zhixiang/shared/notices/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { verifySignedRequest } from '../../platform/http/verify-signed-request';
import { applyDebitResult } from '../use-cases/apply-debit-result';
import { lettersWiring } from '../wiring';
import { debitResultDeps } from '../wiring-issuing';

/** The billing system, not a user: proven by the HMAC signature with timestamp and one-time nonce. */
export const handler = httpHandler(
  letterRoutes.applyDebitResult,
  lettersWiring,
  ({ body, deps }) => applyDebitResult(debitResultDeps(deps), body),
  {
    verifyRequest: (request, deps) =>
      verifySignedRequest(request, {
        headers: BILLING_HEADERS,
        secret: deps.secrets.billingSigningSecret,
        claimNonce: (nonce, expiresAt) => deps.notices.claimBillingNonce(nonce, expiresAt),
        now: deps.now,
        caller: 'billing',
      }),
  },
);

import { applyDebitResultRoute } from '@zhixiang/shared/letters/routes';
import { BILLING_HEADERS, type RenewalDebitResult } from '@zhixiang/shared/notices/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { verifySignedRequest } from '../../platform/http/verify-signed-request';
import { applyDebitResult } from '../use-cases/apply-debit-result';
import { lettersWiring } from '../wiring';
import { debitResultDeps, repaymentDebitResults } from '../wiring-issuing';

/**
 * The billing system, not a user: proven by the HMAC signature with timestamp and one-time nonce.
 * A renewal premium's debit result (policy and due date), or — with the debit instruction's
 * `reference` — a loan repayment's (续期账户扣款), which payments applies.
 */
export const handler = httpHandler(
  applyDebitResultRoute,
  lettersWiring,
  ({ body, deps }) =>
    body.reference !== undefined
      ? repaymentDebitResults(deps)({ ...body, reference: body.reference })
      : applyDebitResult(debitResultDeps(deps), body as RenewalDebitResult),
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

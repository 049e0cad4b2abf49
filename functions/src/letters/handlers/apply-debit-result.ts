import { routes } from '@zhixiang/shared/api/routes';
import { BILLING_HEADERS } from '@zhixiang/shared/notices/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { verifySignedRequest } from '../../platform/http/verify-signed-request';
import { applyDebitResult } from '../use-cases/apply-debit-result';
import { notifyPremiumDeps } from '../use-cases/notice-deps';

/** The billing system, not a user: proven by the HMAC signature with timestamp and one-time nonce. */
export const handler = httpHandler(
  routes.applyDebitResult,
  ({ body, container }) =>
    applyDebitResult(
      {
        policies: container.repositories.policies,
        notices: container.notices,
        notify: notifyPremiumDeps(container),
      },
      body,
    ),
  {
    verifyRequest: (request, container) =>
      verifySignedRequest(request, {
        headers: BILLING_HEADERS,
        secret: container.secrets.billingSigningSecret,
        claimNonce: (nonce, expiresAt) => container.notices.claimBillingNonce(nonce, expiresAt),
        now: container.now,
        caller: 'billing',
      }),
  },
);

import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { ChangePayoutAccountRequest, PayoutView } from '@zhixiang/shared/payments/schemas';
import { type PayoutDeps, toPayoutView } from './payout-deps';

/**
 * After a failed payout, the holder gives another card of their own (the account holder must be
 * the policyholder, checked by the same rule as a renewal card): the failed instruction is
 * superseded and a new one — a new reference and idempotency key — goes out through the outbox.
 * The application is not started over.
 */
export async function changePayoutAccount(
  deps: Pick<PayoutDeps, 'settlements'>,
  actor: { claims: AccessClaims; sourceIp: string | null; userAgent: string | null },
  applicationId: string,
  request: ChangePayoutAccountRequest,
): Promise<PayoutView> {
  const payout = await deps.settlements.changeAccount({ ...actor, applicationId, card: request });
  return toPayoutView(applicationId, payout);
}

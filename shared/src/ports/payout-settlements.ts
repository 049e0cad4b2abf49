import type { AccessClaims } from '../auth/schemas';
import type { ApplicationPayout } from '../endorsement/model';
import type { PayoutInstructionRecord, PayoutResultRecord } from './payout-instructions';

/**
 * What the payments context asks of the endorsement engine about a payout
 * (functions/src/endorsements/wiring-payments.ts): the application's payout status moved by the
 * finance system's result, and another account after a failure — each one transaction on the
 * application (version-checked) with the instruction's own conditional change, the timeline
 * event and the outbox's domain event.
 */
export interface PayoutSettlements {
  /**
   * The instruction's first result: 待付款 → 已付款 / 付款失败. 'already' when this result had
   * already been applied (a repeat that raced this one).
   */
  settled(input: {
    instruction: PayoutInstructionRecord;
    to: 'paid' | 'failed';
    result: PayoutResultRecord;
  }): Promise<'applied' | 'already'>;
  /**
   * The holder's own other account after a failure (checked as theirs: the account holder must
   * be the policyholder): the failed instruction superseded, a new one issued. 404 for anyone
   * who cannot see the application, 403 for anyone but the holder, 409 unless the payout failed.
   */
  changeAccount(input: {
    claims: AccessClaims;
    applicationId: string;
    card: { cardHolderName: string; cardNumber: string };
    sourceIp: string | null;
    userAgent: string | null;
  }): Promise<ApplicationPayout>;
}

import { BILLING_HEADERS } from '@zhixiang/shared/payments/billing-api';
import type { DebitOutcome } from '@zhixiang/shared/payments/repayment-debit';
import type { BillingDebits } from '@zhixiang/shared/ports/billing-debits';
import type { PayoutInstructionRecord } from '@zhixiang/shared/ports/payout-instructions';
import type { Stage } from '../../platform/config';
import type { TableContext } from '../../platform/dynamodb/table';
import { InstructionSandbox } from './finance-sandbox';

/**
 * 「续期扣款沙箱」: the local stage's billing system for repayment debits, refused on deployed stages
 * and inside Lambda (as the WeChat Pay and finance sandboxes are). It accepts debit instructions as
 * the billing system would (once per idempotency key, in the table) and, when the sandbox panel
 * asks, posts the debit's result — success, or failure with the bank's reason — signed with the
 * billing secret to the results URL: through the real `POST /billing/debit-results` route and all
 * its checks.
 */
export class SandboxBilling extends InstructionSandbox implements BillingDebits {
  constructor(
    stage: Stage,
    ctx: TableContext,
    settings: { signingSecret: () => Promise<string>; resultsUrl: string | null },
    fetchImpl: typeof fetch = fetch,
    env: Record<string, string | undefined> = process.env,
  ) {
    super(
      {
        stage,
        name: 'SandboxBilling',
        ctx,
        keyPrefix: 'BILLINGSANDBOX',
        sk: 'DEBIT',
        headers: BILLING_HEADERS,
      },
      settings,
      fetchImpl,
      env,
    );
  }

  async instructDebit(instruction: PayoutInstructionRecord): Promise<{ billingReference: string | null }> {
    await this.accept(instruction, { policyNo: instruction.policyNo });
    return { billingReference: `SANDBOX-${instruction.reference}` };
  }

  /** Posts the signed result of a held debit; the route's HTTP status and body. */
  async settle(
    reference: string,
    outcome: DebitOutcome,
    reason: string | null,
  ): Promise<{ status: number; body: string }> {
    return this.postResult(reference, (held) => ({
      resultId: `SANDBOX-${reference}-${outcome}`,
      reference,
      policyNo: held.policyNo,
      amountCents: held.amountCents,
      outcome,
      ...(reason ? { failureReason: reason } : {}),
    }));
  }
}

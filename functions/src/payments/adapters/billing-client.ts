import {
  BILLING_DEBIT_INSTRUCTIONS_PATH,
  BILLING_HEADERS,
  type BillingDebitInstructionBody,
} from '@zhixiang/shared/payments/billing-api';
import type { BillingDebits } from '@zhixiang/shared/ports/billing-debits';
import type { PayoutInstructionRecord } from '@zhixiang/shared/ports/payout-instructions';
import { postSignedInstruction } from './finance-client';

/** A debit instruction as the billing system's API takes it. */
export function billingDebitBody(instruction: PayoutInstructionRecord): BillingDebitInstructionBody {
  const breakdown = instruction.breakdown ?? { interestCents: 0, principalCents: instruction.amountCents };
  return {
    reference: instruction.reference,
    idempotencyKey: instruction.idempotencyKey,
    amountCents: instruction.amountCents,
    currency: 'CNY',
    breakdown: { interestCents: breakdown.interestCents, principalCents: breakdown.principalCents },
    account: {
      holderName: instruction.payeeName,
      bankName: instruction.account.bankName,
      accountNumber: instruction.account.accountNumber,
    },
    purpose: 'loan_repayment',
    policyNo: instruction.policyNo,
    applicationId: instruction.applicationId,
  };
}

/**
 * The billing system's client for repayment debits: `POST /v1/debit-instructions`, signed with the
 * HMAC secret billing already signs its debit results with (`x-billing-*` headers), the
 * idempotency key in its header. What is retried and what is not: as the finance client
 * (`postSignedInstruction`).
 */
export class BillingHttpClient implements BillingDebits {
  constructor(
    private readonly settings: { apiBaseUrl: string; signingSecret: () => Promise<string> },
    private readonly options: { now?: () => number; fetchImpl?: typeof fetch; timeoutMs?: number } = {},
  ) {}

  async instructDebit(instruction: PayoutInstructionRecord): Promise<{ billingReference: string | null }> {
    const body = await postSignedInstruction({
      url: `${this.settings.apiBaseUrl}${BILLING_DEBIT_INSTRUCTIONS_PATH}`,
      system: 'billing',
      headers: BILLING_HEADERS,
      secret: await this.settings.signingSecret(),
      reference: instruction.reference,
      idempotencyKey: instruction.idempotencyKey,
      rawBody: JSON.stringify(billingDebitBody(instruction)),
      now: this.options.now?.() ?? Date.now(),
      fetchImpl: this.options.fetchImpl,
      timeoutMs: this.options.timeoutMs,
    });
    return { billingReference: typeof body.billingReference === 'string' ? body.billingReference : null };
  }
}

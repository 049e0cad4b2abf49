import { BILLING_HEADERS } from '@zhixiang/shared/notices/schemas';
import type { DebitOutcome } from '@zhixiang/shared/payments/repayment-debit';
import type { BillingDebits } from '@zhixiang/shared/ports/billing-debits';
import type { PayoutInstructionRecord } from '@zhixiang/shared/ports/payout-instructions';
import { maskBankAccount } from '@zhixiang/shared/privacy/mask';
import { assertLocalStage, type Stage } from '../../platform/config';
import { GetCommand, PutCommand } from '../../platform/dynamodb/document-client';
import { conditionally, type TableContext } from '../../platform/dynamodb/table';
import { signatureHeaders } from './finance-client';

const key = (reference: string) => ({ pk: `BILLINGSANDBOX#${reference}`, sk: 'DEBIT' });

/**
 * 「续期扣款沙箱」: the local stage's billing system for repayment debits, refused on deployed stages
 * and inside Lambda (as the WeChat Pay and finance sandboxes are). It accepts debit instructions as
 * the billing system would (once per idempotency key, in the table) and, when the sandbox panel
 * asks, posts the debit's result — success, or failure with the bank's reason — signed with the
 * billing secret to the results URL: through the real `POST /billing/debit-results` route and all
 * its checks.
 */
export class SandboxBilling implements BillingDebits {
  constructor(
    stage: Stage,
    private readonly ctx: TableContext,
    private readonly settings: { signingSecret: () => Promise<string>; resultsUrl: string | null },
    private readonly fetchImpl: typeof fetch = fetch,
    env: Record<string, string | undefined> = process.env,
  ) {
    assertLocalStage(stage, 'SandboxBilling', env);
  }

  async instructDebit(instruction: PayoutInstructionRecord): Promise<{ billingReference: string | null }> {
    // A repeat of the same key is accepted again, as the real system's idempotency promises.
    await conditionally(
      this.ctx,
      new PutCommand({
        TableName: this.ctx.table,
        Item: {
          ...key(instruction.reference),
          reference: instruction.reference,
          idempotencyKey: instruction.idempotencyKey,
          policyNo: instruction.policyNo,
          amountCents: instruction.amountCents,
          accountMasked: maskBankAccount(instruction.account.accountNumber),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return { billingReference: `SANDBOX-${instruction.reference}` };
  }

  /** Whether the sandbox holds the debit instruction (it was delivered). */
  async holds(reference: string): Promise<boolean> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: key(reference), ConsistentRead: true }),
    );
    return Boolean(Item);
  }

  /** Posts the signed result of a held debit; the route's HTTP status and body. */
  async settle(
    reference: string,
    outcome: DebitOutcome,
    reason: string | null,
  ): Promise<{ status: number; body: string }> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: key(reference), ConsistentRead: true }),
    );
    if (!Item) throw new Error(`the billing sandbox holds no debit ${reference}`);
    if (!this.settings.resultsUrl) throw new Error('BILLING_RESULTS_URL is not set');
    const rawBody = JSON.stringify({
      resultId: `SANDBOX-${reference}-${outcome}`,
      reference,
      policyNo: Item.policyNo,
      amountCents: Item.amountCents,
      outcome,
      ...(reason ? { failureReason: reason } : {}),
    });
    const answer = await this.fetchImpl(this.settings.resultsUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signatureHeaders(BILLING_HEADERS, await this.settings.signingSecret(), rawBody, Date.now()),
      },
      body: rawBody,
    });
    return { status: answer.status, body: await answer.text() };
  }
}

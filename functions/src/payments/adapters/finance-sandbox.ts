import type { PayoutOutcome } from '@zhixiang/shared/payments/payout';
import type { FinancePayouts } from '@zhixiang/shared/ports/finance-payouts';
import type { PayoutInstructionRecord } from '@zhixiang/shared/ports/payout-instructions';
import { maskBankAccount } from '@zhixiang/shared/privacy/mask';
import { assertLocalStage, type Stage } from '../../platform/config';
import { GetCommand, PutCommand } from '../../platform/dynamodb/document-client';
import { conditionally, type TableContext } from '../../platform/dynamodb/table';
import { financeSignatureHeaders } from './finance-client';

const key = (reference: string) => ({ pk: `FINANCESANDBOX#${reference}`, sk: 'INSTRUCTION' });

/**
 * 「财务付款沙箱」: the local stage's finance system, refused on deployed stages and inside Lambda
 * (as the WeChat Pay sandbox is). It accepts instructions as the finance system would (once per
 * idempotency key, in the table) and, when the sandbox panel asks, posts a result — paid, failed
 * or returned by the bank, with a reason — signed with the shared secret to the results URL:
 * through the real `POST /payouts/results` route and all its checks.
 */
export class SandboxFinance implements FinancePayouts {
  constructor(
    stage: Stage,
    private readonly ctx: TableContext,
    private readonly settings: { signingSecret: () => Promise<string>; resultsUrl: string | null },
    private readonly fetchImpl: typeof fetch = fetch,
    env: Record<string, string | undefined> = process.env,
  ) {
    assertLocalStage(stage, 'SandboxFinance', env);
  }

  async instruct(instruction: PayoutInstructionRecord): Promise<{ financeReference: string | null }> {
    // A repeat of the same key is accepted again, as the real system's idempotency promises.
    await conditionally(
      this.ctx,
      new PutCommand({
        TableName: this.ctx.table,
        Item: {
          ...key(instruction.reference),
          reference: instruction.reference,
          idempotencyKey: instruction.idempotencyKey,
          amountCents: instruction.amountCents,
          accountMasked: maskBankAccount(instruction.account.accountNumber),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return { financeReference: `SANDBOX-${instruction.reference}` };
  }

  /** Whether the sandbox holds the instruction (it was delivered). */
  async holds(reference: string): Promise<boolean> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: key(reference), ConsistentRead: true }),
    );
    return Boolean(Item);
  }

  /** Posts the signed result of a held instruction; the route's HTTP status and body. */
  async settle(
    reference: string,
    outcome: PayoutOutcome,
    reason: string | null,
  ): Promise<{ status: number; body: string }> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: key(reference), ConsistentRead: true }),
    );
    if (!Item) throw new Error(`the finance sandbox holds no instruction ${reference}`);
    if (!this.settings.resultsUrl) throw new Error('FINANCE_RESULTS_URL is not set');
    const rawBody = JSON.stringify({
      reference,
      outcome,
      amountCents: Item.amountCents,
      ...(reason ? { reason } : {}),
      financeReference: `SANDBOX-${reference}`,
      occurredAt: new Date().toISOString(),
    });
    const answer = await this.fetchImpl(this.settings.resultsUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...financeSignatureHeaders(await this.settings.signingSecret(), rawBody, Date.now()),
      },
      body: rawBody,
    });
    return { status: answer.status, body: await answer.text() };
  }
}

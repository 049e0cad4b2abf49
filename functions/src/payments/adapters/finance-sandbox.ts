import { FINANCE_HEADERS } from '@zhixiang/shared/payments/finance-api';
import type { PayoutOutcome } from '@zhixiang/shared/payments/payout';
import type { FinancePayouts } from '@zhixiang/shared/ports/finance-payouts';
import type { PayoutInstructionRecord } from '@zhixiang/shared/ports/payout-instructions';
import { maskBankAccount } from '@zhixiang/shared/privacy/mask';
import { assertLocalStage, type Stage } from '../../platform/config';
import { GetCommand, PutCommand } from '../../platform/dynamodb/document-client';
import { conditionally, type TableContext } from '../../platform/dynamodb/table';
import { signatureHeaders } from './finance-client';

/**
 * A local sandbox of an outside money system (finance, billing), refused on deployed stages and
 * inside Lambda: it keeps each instruction it accepted, once per reference (a repeat of the same
 * key is accepted again, as the real systems' idempotency promises), and posts the signed result
 * its panel asks for to our own results route — through the real route and all its checks.
 */
export abstract class InstructionSandbox {
  protected constructor(
    private readonly system: {
      stage: Stage;
      name: string;
      ctx: TableContext;
      keyPrefix: string;
      sk: string;
      headers: { timestamp: string; nonce: string; signature: string };
    },
    private readonly settings: { signingSecret: () => Promise<string>; resultsUrl: string | null },
    private readonly fetchImpl: typeof fetch,
    env: Record<string, string | undefined>,
  ) {
    assertLocalStage(system.stage, system.name, env);
  }

  private key(reference: string) {
    return { pk: `${this.system.keyPrefix}#${reference}`, sk: this.system.sk };
  }

  /** Keeps an accepted instruction (once; a repeat changes nothing). */
  protected async accept(
    instruction: PayoutInstructionRecord,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    const { ctx } = this.system;
    await conditionally(
      ctx,
      new PutCommand({
        TableName: ctx.table,
        Item: {
          ...this.key(instruction.reference),
          reference: instruction.reference,
          idempotencyKey: instruction.idempotencyKey,
          amountCents: instruction.amountCents,
          accountMasked: maskBankAccount(instruction.account.accountNumber),
          ...extra,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  private async held(reference: string): Promise<Record<string, unknown> | null> {
    const { ctx } = this.system;
    const { Item } = await ctx.client.send(
      new GetCommand({ TableName: ctx.table, Key: this.key(reference), ConsistentRead: true }),
    );
    return Item ?? null;
  }

  /** Whether the sandbox holds the instruction (it was delivered). */
  async holds(reference: string): Promise<boolean> {
    return (await this.held(reference)) !== null;
  }

  /** Posts the signed result of a held instruction (its body from what was held): the route's status and body. */
  protected async postResult(
    reference: string,
    body: (held: Record<string, unknown>) => Record<string, unknown>,
  ): Promise<{ status: number; body: string }> {
    const held = await this.held(reference);
    if (!held) throw new Error(`the ${this.system.name} holds no instruction ${reference}`);
    if (!this.settings.resultsUrl) throw new Error(`the ${this.system.name}'s results URL is not set`);
    const rawBody = JSON.stringify(body(held));
    const answer = await this.fetchImpl(this.settings.resultsUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signatureHeaders(this.system.headers, await this.settings.signingSecret(), rawBody, Date.now()),
      },
      body: rawBody,
    });
    return { status: answer.status, body: await answer.text() };
  }
}

/**
 * 「财务付款沙箱」: the local stage's finance system, refused on deployed stages and inside Lambda
 * (as the WeChat Pay sandbox is). It accepts instructions as the finance system would (once per
 * idempotency key, in the table) and, when the sandbox panel asks, posts a result — paid, failed
 * or returned by the bank, with a reason — signed with the shared secret to the results URL:
 * through the real `POST /payouts/results` route and all its checks.
 */
export class SandboxFinance extends InstructionSandbox implements FinancePayouts {
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
        name: 'SandboxFinance',
        ctx,
        keyPrefix: 'FINANCESANDBOX',
        sk: 'INSTRUCTION',
        headers: FINANCE_HEADERS,
      },
      settings,
      fetchImpl,
      env,
    );
  }

  async instruct(instruction: PayoutInstructionRecord): Promise<{ financeReference: string | null }> {
    await this.accept(instruction);
    return { financeReference: `SANDBOX-${instruction.reference}` };
  }

  /** Posts the signed result of a held instruction; the route's HTTP status and body. */
  async settle(
    reference: string,
    outcome: PayoutOutcome,
    reason: string | null,
  ): Promise<{ status: number; body: string }> {
    return this.postResult(reference, (held) => ({
      reference,
      outcome,
      amountCents: held.amountCents,
      ...(reason ? { reason } : {}),
      financeReference: `SANDBOX-${reference}`,
      occurredAt: new Date().toISOString(),
    }));
  }
}

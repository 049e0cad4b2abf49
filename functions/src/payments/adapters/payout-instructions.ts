import { isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { PayoutInstructionStatus } from '@zhixiang/shared/payments/payout';
import type { FieldCipher } from '@zhixiang/shared/ports/field-cipher';
import type {
  PayoutInstructionChange,
  PayoutInstructionRecord,
  PayoutInstructionRepository,
  PayoutResultRecord,
} from '@zhixiang/shared/ports/payout-instructions';
import type { TransactWriteCommandInput } from '../../platform/dynamodb/document-client';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '../../platform/dynamodb/document-client';
import { conditionally, queryAll, type TableContext, toTtlSeconds } from '../../platform/dynamodb/table';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const key = (reference: string) => ({ pk: `PAYOUT#${reference}`, sk: 'PAYOUT' });
const pad = (ms: number) => String(ms).padStart(15, '0');
/** gsi1: the delivery outbox — pending instructions finance has not accepted yet, by next attempt. */
const UNDELIVERED_PK = 'PAYOUTS#UNDELIVERED';
/** gsi2: pending instructions awaiting finance's result, by creation. */
const AWAITING_PK = 'PAYOUTS#AWAITING';
/** gsi3: the reconciliation list — awaiting longer than allowed, by branch path then creation. */
const OVERDUE_PK = 'PAYOUTS#OVERDUE';

/**
 * Payout instructions, one item each: `PAYOUT#<reference>`, the account encrypted with the field
 * cipher. Three sparse indexes follow an instruction's life: the delivery outbox (gsi1) until the
 * finance system accepts it, awaiting a result (gsi2) and, once the daily reconciliation finds it
 * late, the branch's reconciliation list (gsi3); a result or a supersession removes all three in
 * the same conditional write. Issuing, settling and superseding are transaction items of the
 * endorsement engine's commit (`transactItems`), so they happen with the application's change or
 * not at all.
 */
export class DynamoPayoutInstructions implements PayoutInstructionRepository {
  constructor(
    private readonly ctx: TableContext,
    private readonly cipher: FieldCipher,
  ) {}

  /** The transaction items of `changes`, for the engine's TransactWriteItems. */
  async transactItems(changes: readonly PayoutInstructionChange[]): Promise<TransactItem[]> {
    return Promise.all(changes.map((change) => this.transactItem(change)));
  }

  private async transactItem(change: PayoutInstructionChange): Promise<TransactItem> {
    const TableName = this.ctx.table;
    switch (change.kind) {
      case 'issue': {
        const { instruction } = change;
        const { account, ...rest } = instruction;
        return {
          Put: {
            TableName,
            Item: {
              ...key(instruction.reference),
              ...stripNulls(rest),
              bankName: account.bankName,
              accountCipher: await this.cipher.encrypt(account.accountNumber),
              gsi1pk: UNDELIVERED_PK,
              gsi1sk: `${pad(instruction.createdAt)}#${instruction.reference}`,
              gsi2pk: AWAITING_PK,
              gsi2sk: `${pad(instruction.createdAt)}#${instruction.reference}`,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        };
      }
      case 'settle':
        return {
          Update: {
            TableName,
            Key: key(change.reference),
            // A bank return after payment keeps the paid result beside the return.
            UpdateExpression: `SET #status = :to, #result = :result${change.from === 'paid' ? ', paidResult = #result' : ''} REMOVE gsi1pk, gsi1sk, gsi2pk, gsi2sk, gsi3pk, gsi3sk`,
            ConditionExpression: '#status = :from',
            ExpressionAttributeNames: { '#status': 'status', '#result': 'result' },
            ExpressionAttributeValues: {
              ':to': change.to,
              ':result': stripNulls(change.result),
              ':from': change.from satisfies PayoutInstructionStatus,
            },
          },
        };
      case 'supersede':
        return {
          Update: {
            TableName,
            Key: key(change.reference),
            UpdateExpression: 'SET #status = :to, supersededAt = :at',
            ConditionExpression: '#status = :failed',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':to': 'superseded' satisfies PayoutInstructionStatus,
              ':at': change.at,
              ':failed': 'failed' satisfies PayoutInstructionStatus,
            },
          },
        };
    }
  }

  async get(reference: string): Promise<PayoutInstructionRecord | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: key(reference), ConsistentRead: true }),
    );
    return Item ? this.toRecord(Item) : null;
  }

  async listDue(now: number, limit: number): Promise<PayoutInstructionRecord[]> {
    const { Items } = await this.ctx.client.send(
      new QueryCommand({
        TableName: this.ctx.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :until',
        ExpressionAttributeValues: { ':pk': UNDELIVERED_PK, ':until': `${pad(now)}$` },
        Limit: limit,
      }),
    );
    // The index is eventually consistent: read each instruction itself before sending it.
    const read = await Promise.all((Items ?? []).map((item) => this.get(item.reference as string)));
    return read.filter(
      (i): i is PayoutInstructionRecord => i?.status === 'pending' && i.deliveredAt === null,
    );
  }

  async markDelivered(reference: string, at: number): Promise<boolean> {
    return conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: key(reference),
        UpdateExpression: 'SET deliveredAt = :at REMOVE gsi1pk, gsi1sk',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(deliveredAt)',
        ExpressionAttributeValues: { ':at': at },
      }),
    );
  }

  async recordDeliveryFailure(
    reference: string,
    reason: string,
    nextAttemptAt: number | null,
  ): Promise<void> {
    // Off the outbox once out of retries: it stays pending, with its last error, for finance staff.
    await conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: key(reference),
        UpdateExpression:
          nextAttemptAt === null
            ? 'ADD attempts :one SET lastError = :reason REMOVE gsi1pk, gsi1sk'
            : 'ADD attempts :one SET lastError = :reason, gsi1sk = :sk',
        ConditionExpression: 'attribute_exists(gsi1pk)',
        ExpressionAttributeValues: {
          ':one': 1,
          ':reason': reason.slice(0, 500),
          ...(nextAttemptAt === null ? {} : { ':sk': `${pad(nextAttemptAt)}#${reference}` }),
        },
      }),
    );
  }

  async listAwaitingResult(before: number, limit: number): Promise<PayoutInstructionRecord[]> {
    const { Items } = await this.ctx.client.send(
      new QueryCommand({
        TableName: this.ctx.table,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :before',
        ExpressionAttributeValues: { ':pk': AWAITING_PK, ':before': pad(before) },
        Limit: limit,
      }),
    );
    return Promise.all((Items ?? []).map((item) => this.toRecord(item)));
  }

  async markOverdue(reference: string, at: number): Promise<boolean> {
    const instruction = await this.get(reference);
    if (!instruction) return false;
    return conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: key(reference),
        UpdateExpression: 'SET overdueSince = :at, gsi3pk = :pk, gsi3sk = :sk',
        ConditionExpression: '#status = :pending AND attribute_not_exists(overdueSince)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':at': at,
          ':pk': OVERDUE_PK,
          ':sk': `${instruction.branchPath}/#${pad(instruction.createdAt)}#${reference}`,
          ':pending': 'pending' satisfies PayoutInstructionStatus,
        },
      }),
    );
  }

  async listOverdue(branchPath: string | null): Promise<PayoutInstructionRecord[]> {
    // `${branchPath}/` prefixes the branch's own items (`…/#`) and its descendants' (`…/XX/#`).
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi3',
      ...(branchPath === null
        ? { KeyConditionExpression: 'gsi3pk = :pk', ExpressionAttributeValues: { ':pk': OVERDUE_PK } }
        : {
            KeyConditionExpression: 'gsi3pk = :pk AND begins_with(gsi3sk, :prefix)',
            ExpressionAttributeValues: { ':pk': OVERDUE_PK, ':prefix': `${branchPath}/` },
          }),
    });
    // The index is eventually consistent: read each one, and keep only those still awaiting a result.
    const records = await Promise.all(items.map((item) => this.get(item.reference as string)));
    return records
      .filter((r): r is PayoutInstructionRecord => r?.status === 'pending' && r.overdueSince !== null)
      .filter((r) => branchPath === null || isInBranchSubtree(r.branchPath, branchPath))
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  async claimResultNonce(nonce: string, expiresAt: number): Promise<boolean> {
    return conditionally(
      this.ctx,
      new PutCommand({
        TableName: this.ctx.table,
        Item: { pk: `FINANCENONCE#${nonce}`, sk: 'NONCE', expiresAt: toTtlSeconds(expiresAt) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  private async toRecord(item: Record<string, unknown>): Promise<PayoutInstructionRecord> {
    const nullable = <T>(value: unknown) => (value === undefined ? null : (value as T));
    return {
      reference: item.reference as string,
      direction: (item.direction as PayoutInstructionRecord['direction']) ?? 'payout',
      ...(item.breakdown ? { breakdown: item.breakdown as PayoutInstructionRecord['breakdown'] } : {}),
      idempotencyKey: item.idempotencyKey as string,
      applicationId: item.applicationId as string,
      policyNo: item.policyNo as string,
      endorsementType: item.endorsementType as PayoutInstructionRecord['endorsementType'],
      holderId: item.holderId as string,
      branchPath: item.branchPath as string,
      payeeName: item.payeeName as string,
      account: {
        bankName: item.bankName as string,
        accountNumber: await this.cipher.decrypt(item.accountCipher as string),
      },
      amountCents: item.amountCents as number,
      status: item.status as PayoutInstructionStatus,
      createdAt: item.createdAt as number,
      deliveredAt: nullable<number>(item.deliveredAt),
      attempts: (item.attempts as number | undefined) ?? 0,
      lastError: nullable<string>(item.lastError),
      result: item.result
        ? ({
            financeReference: null,
            reason: null,
            ...(item.result as Partial<PayoutResultRecord>),
          } as PayoutResultRecord)
        : null,
      overdueSince: nullable<number>(item.overdueSince),
    };
  }
}

function stripNulls<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== null && v !== undefined),
  ) as Partial<T>;
}

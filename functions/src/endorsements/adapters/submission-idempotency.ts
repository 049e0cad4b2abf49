import { createHash } from 'node:crypto';
import type { SubmissionRecord } from '@zhixiang/shared/ports/endorsements';
import { GetCommand, type TransactWriteCommandInput } from '../../platform/dynamodb/document-client';
import { type TableContext, toTtlSeconds } from '../../platform/dynamodb/table';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** How long a submission's answer is replayed for the same key (then the key may be reused). */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

/**
 * A financial submission's idempotency record, written by the submission's own transaction: one
 * item per key (`pk` = `IDEMPOTENCY#<scope>`, `sk` = SHA-256 of application, user and key) holding
 * the answer and the table's TTL attribute `expiresAt`. It exists exactly when the submission
 * committed, so there is no in-progress state to clean up after a crash, and no round trip before
 * or after the transaction: the record is read beside the application, and again only when the
 * transaction is refused.
 */
export class SubmissionIdempotency {
  private readonly pk: string;

  constructor(
    private readonly ctx: TableContext,
    scope: string,
  ) {
    this.pk = `IDEMPOTENCY#${scope}`;
  }

  /** The record's key for this request: the same application, user and Idempotency-Key. */
  keyOf(payload: { applicationId: string; userId: string; idempotencyKey: string }): string {
    const canonical = JSON.stringify([payload.applicationId, payload.userId, payload.idempotencyKey]);
    return createHash('sha256').update(canonical).digest('hex');
  }

  /** The answer recorded for `key`, unless it has expired (DynamoDB deletes expired items late). */
  async recorded<T>(key: string, now: number): Promise<T | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: { pk: this.pk, sk: key }, ConsistentRead: true }),
    );
    if (!Item || Number(Item.expiresAt) <= toTtlSeconds(now)) return null;
    return JSON.parse(String(Item.response)) as T;
  }

  /** The record as an item of the submission's transaction: created unless a live one exists. */
  transactPut(record: SubmissionRecord): TransactItem {
    return {
      Put: {
        TableName: this.ctx.table,
        Item: {
          pk: this.pk,
          sk: record.key,
          response: JSON.stringify(record.response),
          recordedAt: record.at,
          expiresAt: toTtlSeconds(record.at) + IDEMPOTENCY_TTL_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
        ExpressionAttributeValues: { ':now': toTtlSeconds(record.at) },
      },
    };
  }
}

import { setTimeout as sleep } from 'node:timers/promises';
import {
  type DeleteCommand,
  type DynamoDocumentClient,
  type PutCommand,
  QueryCommand,
  type QueryCommandInput,
  type TransactWriteCommand,
  type UpdateCommand,
} from './document-client';

/**
 * The one table, as every repository reaches it: the document client and the table's name.
 *
 * Items are written with plain document-client commands, each context building its own keys and
 * expressions (key shapes: docs/dynamodb-access-patterns.md). Items of the older contexts carry two
 * entity markers — `__edb_e__`, the entity's name, and `__edb_v__`, its version — under the names
 * ElectroDB gave them when it wrote those items; stored items keep them, and the reads that share
 * a key or key prefix with another entity recognise their own items by them.
 */
export interface TableContext {
  client: DynamoDocumentClient;
  table: string;
}

/** Epoch milliseconds → the TTL attribute's epoch seconds. */
export function toTtlSeconds(epochMs: number): number {
  return Math.ceil(epochMs / 1000);
}

/** DynamoDB's refusal of a condition expression (or a transaction's), however deep it was wrapped. */
export function isConditionalCheckFailed(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const name = (current as { name?: unknown }).name;
    if (name === 'ConditionalCheckFailedException' || name === 'TransactionCanceledException') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * The cancellation code of each item of a refused TransactWriteItems, in item order
 * (`ConditionalCheckFailed`, `TransactionConflict`, `None`…); empty for any other error.
 */
export function cancellationCodes(error: unknown): (string | undefined)[] {
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
  return reasons?.map((reason) => reason.Code) ?? [];
}

/**
 * Runs a TransactWriteItems again while DynamoDB cancels it only because a concurrent transaction
 * held one of its items (`TransactionConflict`, no condition failed). That says nothing about the
 * data — the retry's own conditions decide — and two writers cancelled by each other would
 * otherwise retry in lockstep. Full jitter, doubling from 10 ms; after `attempts`, the last error is
 * thrown for the caller to map.
 */
export async function retryingTransactionConflicts<T>(run: () => Promise<T>, attempts: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const codes = cancellationCodes(error);
      const collidedOnly = codes.includes('TransactionConflict') && !codes.includes('ConditionalCheckFailed');
      if (!collidedOnly || attempt >= attempts) throw error;
      await sleep(Math.random() * 10 * 2 ** Math.min(attempt, 6));
    }
  }
}

/** DynamoDB keeps optional attributes absent, the domain keeps them null. */
export function orNull<T>(value: T | undefined): T | null {
  return value === undefined ? null : value;
}

/**
 * An item of one of the entities that carry entity markers: the attributes without null or
 * undefined ones (an absent optional attribute is not written), and the markers. Each caller's unit
 * test holds its items to literal ones.
 */
export function entityItem(entity: string, attributes: Record<string, unknown>): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const name in attributes)
    if (attributes[name] !== null && attributes[name] !== undefined) item[name] = attributes[name];
  item.__edb_e__ = entity;
  item.__edb_v__ = '1';
  return item;
}

/** Whether an item is one of `entity`'s, by its entity marker (see `entityItem`). */
export function isEntityItem(
  entity: string,
  item: Record<string, unknown> | null | undefined,
): item is Record<string, unknown> {
  return !!item && item.__edb_e__ === entity;
}

/**
 * The items of `entity` among a Query's, in the order read: where a key or key prefix may hold
 * items of several entities, an item of another is never taken for one of its own.
 */
export function entityItems(
  entity: string,
  items: readonly Record<string, unknown>[],
): Record<string, unknown>[] {
  return items.filter((item) => isEntityItem(entity, item));
}

export function orUndefined<T>(value: T | null | undefined): T | undefined {
  return value === null ? undefined : value;
}

/** Every item of a Query, page after page (for lists known to be small: a customer's letters). */
export async function queryAll(
  ctx: TableContext,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const page of queryPages(ctx, input)) items.push(...page);
  return items;
}

/** A query's items a page at a time, for a walk that must not hold them all at once. */
export async function* queryPages(
  ctx: TableContext,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): AsyncGenerator<Record<string, unknown>[]> {
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await ctx.client.send(
      new QueryCommand({ ...input, TableName: ctx.table, ExclusiveStartKey }),
    );
    yield page.Items ?? [];
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
}

/** Sends a conditional write; false when DynamoDB refused the condition (a claim already taken). */
export async function conditionally(
  ctx: TableContext,
  command: PutCommand | UpdateCommand | DeleteCommand | TransactWriteCommand,
): Promise<boolean> {
  try {
    await ctx.client.send(command as PutCommand);
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

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
 * Everything an ElectroDB entity needs to reach the one table. Every entity of the product shares
 * the same service name so ElectroDB's item identifiers (`__edb_e__`, `__edb_v__`) stay consistent.
 */
export interface TableContext {
  client: DynamoDocumentClient;
  table: string;
}

export const SERVICE_NAME = 'zhixiang';

/** The table's TTL attribute (epoch seconds) as an ElectroDB attribute; DynamoDB deletes expired items. */
export const TTL_ATTRIBUTE = { type: 'number', field: 'expiresAt' } as const;

/** Epoch milliseconds → the TTL attribute's epoch seconds. */
export function toTtlSeconds(epochMs: number): number {
  return Math.ceil(epochMs / 1000);
}

/** Reads every page: the lists here are small (a customer's policies, an agent's book). */
export const ALL_PAGES = { pages: 'all' } as const;

/** DynamoDB's refusal of a condition expression, however deep ElectroDB wrapped it. */
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

/** DynamoDB keeps optional attributes absent, the domain keeps them null. */
export function orNull<T>(value: T | undefined): T | null {
  return value === undefined ? null : value;
}

/**
 * An item as ElectroDB writes one of its entities, for the transactions that build their items by
 * hand (its request building costs ≈ 0.5 ms an item): the attributes without null or undefined
 * ones (it writes no absent optional attribute), and its entity markers, by which its queries
 * recognise the items. Each caller's unit test holds its items to ElectroDB's own.
 */
export function electroItem(entity: string, attributes: Record<string, unknown>): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const name in attributes)
    if (attributes[name] !== null && attributes[name] !== undefined) item[name] = attributes[name];
  item.__edb_e__ = entity;
  item.__edb_v__ = '1';
  return item;
}

/** Whether an item is one of `entity`'s, by its entity marker (see `electroItem`). */
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

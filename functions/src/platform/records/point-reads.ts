import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { TableContext } from '../dynamodb/table';

/**
 * Point reads by a key the caller computed, through the document client and nothing else: the
 * request paths read policies and customers this way, without ElectroDB's request building and
 * response formatting (the repositories map the raw item themselves).
 */
export type ItemKey = { pk: string; sk: string };
export type RawItem = Record<string, unknown>;

export async function getItem(ctx: TableContext, Key: ItemKey): Promise<RawItem | null> {
  const { Item } = await ctx.client.send(new GetCommand({ TableName: ctx.table, Key }));
  return Item ?? null;
}

/** Up to 100 items in one BatchGetItem (again for any keys DynamoDB left unprocessed), by `pk`. */
export async function batchGetItems(
  ctx: TableContext,
  keys: readonly ItemKey[],
): Promise<Map<string, RawItem>> {
  const found = new Map<string, RawItem>();
  let pending: Record<string, unknown>[] = [
    ...new Map(keys.map((k) => [`${k.pk}\u0000${k.sk}`, k])).values(),
  ];
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** Math.min(attempt, 6)));
    const { Responses, UnprocessedKeys } = await ctx.client.send(
      new BatchGetCommand({ RequestItems: { [ctx.table]: { Keys: pending } } }),
    );
    for (const item of Responses?.[ctx.table] ?? []) found.set(String(item.pk), item);
    pending = UnprocessedKeys?.[ctx.table]?.Keys ?? [];
  }
  return found;
}

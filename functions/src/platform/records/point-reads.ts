import type {
  AttributeValue,
  BatchGetItemCommandOutput,
  GetItemCommandOutput,
  KeysAndAttributes,
} from '@aws-sdk/client-dynamodb';
import type { TableContext } from '../dynamodb/table';

/**
 * Point reads by a key the caller computed, as DynamoDB's own GetItem / BatchGetItem: the request
 * paths read policies and customers this way, without ElectroDB's request building and response
 * formatting nor the document client's generic conversion both ways (the repositories map the
 * raw item themselves).
 */
export type ItemKey = { pk: string; sk: string };
export type RawItem = Record<string, unknown>;

export async function getItem(ctx: TableContext, key: ItemKey): Promise<RawItem | null> {
  const { Item } = await ctx.client.call<GetItemCommandOutput>('GetItem', {
    TableName: ctx.table,
    Key: toKey(key),
  });
  return Item ? fromItem(Item) : null;
}

/** Up to 100 items in one BatchGetItem (again for any keys DynamoDB left unprocessed), by `pk`. */
export async function batchGetItems(
  ctx: TableContext,
  keys: readonly ItemKey[],
): Promise<Map<string, RawItem>> {
  const found = new Map<string, RawItem>();
  const unique = [...new Map(keys.map((k) => [`${k.pk}\u0000${k.sk}`, k])).values()];
  let pending: KeysAndAttributes['Keys'] = unique.map(toKey);
  for (let attempt = 0; pending && pending.length > 0; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** Math.min(attempt, 6)));
    const output: BatchGetItemCommandOutput = await ctx.client.call('BatchGetItem', {
      RequestItems: { [ctx.table]: { Keys: pending } },
    });
    const { Responses, UnprocessedKeys } = output;
    for (const item of Responses?.[ctx.table] ?? []) {
      const raw = fromItem(item);
      found.set(String(raw.pk), raw);
    }
    pending = UnprocessedKeys?.[ctx.table]?.Keys;
  }
  return found;
}

function toKey(key: ItemKey): Record<string, AttributeValue> {
  return { pk: { S: key.pk }, sk: { S: key.sk } };
}

/** DynamoDB's attribute values → plain values (the types these records use: S, N, BOOL, NULL, L, M). */
export function fromItem(item: Record<string, AttributeValue>): RawItem {
  const out: RawItem = {};
  for (const name in item) out[name] = fromAttribute(item[name] as AttributeValue);
  return out;
}

function fromAttribute(value: AttributeValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL !== undefined) return null;
  if (value.L !== undefined) return value.L.map(fromAttribute);
  if (value.M !== undefined) return fromItem(value.M);
  throw new Error(`unexpected attribute type ${Object.keys(value).join(',')}`);
}

import type {
  AttributeValue,
  BatchGetItemCommandOutput,
  GetItemCommandOutput,
  KeysAndAttributes,
} from '@aws-sdk/client-dynamodb';
import { type QueryCommandInput, ScanCommand } from '../dynamodb/document-client';
import { entityItems, queryAll, type TableContext } from '../dynamodb/table';

/**
 * Point reads by a key the caller computed, as DynamoDB's own GetItem / BatchGetItem: the records
 * are read this way, without the document client's generic conversion both ways (the
 * repositories map the raw item themselves).
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

/**
 * Up to 100 items in one BatchGetItem (again for any keys DynamoDB left unprocessed), by `pk`;
 * only `attributes` of each (and `pk`) when given.
 */
export async function batchGetItems(
  ctx: TableContext,
  keys: readonly ItemKey[],
  attributes?: readonly string[],
): Promise<Map<string, RawItem>> {
  const names = attributes && Object.fromEntries(['pk', ...attributes].map((name, i) => [`#a${i}`, name]));
  const projection = names && {
    ProjectionExpression: Object.keys(names).join(', '),
    ExpressionAttributeNames: names,
  };
  const found = new Map<string, RawItem>();
  const unique = [...new Map(keys.map((k) => [`${k.pk}\u0000${k.sk}`, k])).values()];
  let pending: KeysAndAttributes['Keys'] = unique.map(toKey);
  for (let attempt = 0; pending && pending.length > 0; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** Math.min(attempt, 6)));
    const output: BatchGetItemCommandOutput = await ctx.client.call('BatchGetItem', {
      RequestItems: { [ctx.table]: { Keys: pending, ...projection } },
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

/**
 * Every item of a Query (all pages) that belongs to `entity` (its `__edb_e__` marker): a partition
 * or index may hold several kinds of item, and only the entity's own are its records.
 */
export async function queryEntity(
  ctx: TableContext,
  entity: string,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<RawItem[]> {
  return entityItems(entity, await queryAll(ctx, input));
}

/**
 * The items of one entity a Scan page at a time (admin jobs only, never a request path): its main
 * items (`pk=<PREFIX>#…`, `sk=<PREFIX>`) with its entity markers, only `attributes` of each when
 * given, at most `limit` items read a page.
 */
export async function* scanEntityPages(
  ctx: TableContext,
  entity: string,
  prefix: string,
  options: { attributes?: readonly string[]; limit?: number } = {},
): AsyncGenerator<RawItem[]> {
  const names =
    options.attributes && Object.fromEntries(options.attributes.map((name, i) => [`#a${i}`, name]));
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await ctx.client.send(
      new ScanCommand({
        TableName: ctx.table,
        FilterExpression:
          'begins_with(#pk, :pk) AND begins_with(#sk, :sk) AND #entity = :entity AND #entityVersion = :entityVersion',
        ...(names ? { ProjectionExpression: Object.keys(names).join(', ') } : {}),
        ExpressionAttributeNames: {
          '#pk': 'pk',
          '#sk': 'sk',
          '#entity': '__edb_e__',
          '#entityVersion': '__edb_v__',
          ...names,
        },
        ExpressionAttributeValues: {
          ':pk': `${prefix}#`,
          ':sk': prefix,
          ':entity': entity,
          ':entityVersion': '1',
        },
        Limit: options.limit,
        ExclusiveStartKey,
      }),
    );
    yield page.Items ?? [];
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
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

import { PutCommand } from '../dynamodb/document-client';
import { conditionally, entityItem, type TableContext } from '../dynamodb/table';
import { getItem, queryEntity, type RawItem } from '../records/point-reads';
import type { KeyringStore, WrappedKeyRecord } from './keyring';

/**
 * The field-encryption keyring (entity `fieldKey`): one item per wrapped key, all in one partition
 * so a cold start reads the whole ring with a single query (`pk=KEYRING#FIELD`,
 * `sk=<kind>#<version zero-padded to 6>`, so versions sort numerically). `kind` separates the
 * rotating data keys (`data`) from the stable blind-index key (`index`).
 */
const KEYRING = 'KEYRING#FIELD';

type KeyKind = 'data' | 'index';

/** The key's item as stored (`keyring-items.test.ts` holds its exact shape). */
export function fieldKeyItem(kind: KeyKind, key: WrappedKeyRecord): RawItem {
  const versionKey = pad(key.version);
  return entityItem('fieldKey', {
    kind,
    versionKey,
    version: key.version,
    wrappedKey: key.wrappedKey,
    wrapperId: key.wrapperId,
    createdAt: key.createdAt,
    pk: KEYRING,
    sk: `${kind}#${versionKey}`,
  });
}

export class DynamoKeyringStore implements KeyringStore {
  constructor(private readonly ctx: TableContext) {}

  async listDataKeys(): Promise<WrappedKeyRecord[]> {
    const items = await queryEntity(this.ctx, 'fieldKey', {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :kind)',
      ExpressionAttributeValues: { ':pk': KEYRING, ':kind': 'data' },
    });
    return items.filter((item) => item.kind === 'data').map(toRecord);
  }

  addDataKey(key: WrappedKeyRecord): Promise<boolean> {
    return this.create('data', key);
  }

  async getIndexKey(): Promise<WrappedKeyRecord | null> {
    const item = await getItem(this.ctx, { pk: KEYRING, sk: `index#${pad(1)}` });
    return item ? toRecord(item) : null;
  }

  addIndexKey(key: WrappedKeyRecord): Promise<boolean> {
    return this.create('index', key);
  }

  /** False when a key of that kind and version is already stored. */
  private create(kind: KeyKind, key: WrappedKeyRecord): Promise<boolean> {
    return conditionally(
      this.ctx,
      new PutCommand({
        TableName: this.ctx.table,
        Item: fieldKeyItem(kind, key),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }
}

function pad(version: number): string {
  return String(version).padStart(6, '0');
}

function toRecord(item: RawItem): WrappedKeyRecord {
  return {
    version: item.version as number,
    wrappedKey: item.wrappedKey as string,
    wrapperId: item.wrapperId as string,
    createdAt: item.createdAt as string,
  };
}

import { Entity } from 'electrodb';
import { ALL_PAGES, isConditionalCheckFailed, SERVICE_NAME, type TableContext } from '../dynamodb/table';
import type { KeyringStore, WrappedKeyRecord } from './keyring';

/**
 * The field-encryption keyring: one item per wrapped key, all in one partition so a cold start reads
 * the whole ring with a single query. `kind` separates the rotating data keys from the stable
 * blind-index key.
 */
export const fieldKeySchema = {
  model: { entity: 'fieldKey', version: '1', service: SERVICE_NAME },
  attributes: {
    kind: { type: ['data', 'index'] as const, required: true },
    // Zero-padded so versions sort numerically within the partition.
    versionKey: { type: 'string', required: true },
    version: { type: 'number', required: true },
    wrappedKey: { type: 'string', required: true },
    wrapperId: { type: 'string', required: true },
    createdAt: { type: 'string', required: true },
  },
  indexes: {
    byKind: {
      pk: { field: 'pk', composite: [], template: 'KEYRING#FIELD', casing: 'none' },
      sk: {
        field: 'sk',
        composite: ['kind', 'versionKey'],
        template: '${kind}#${versionKey}',
        casing: 'none',
      },
    },
  },
} as const;

export function createFieldKeyEntity(ctx: TableContext) {
  return new Entity(fieldKeySchema, ctx);
}
type FieldKeyEntity = ReturnType<typeof createFieldKeyEntity>;

export class DynamoKeyringStore implements KeyringStore {
  private readonly entity: FieldKeyEntity;

  constructor(ctx: TableContext) {
    this.entity = createFieldKeyEntity(ctx);
  }

  async listDataKeys(): Promise<WrappedKeyRecord[]> {
    const { data } = await this.entity.query.byKind({}).begins({ kind: 'data' }).go(ALL_PAGES);
    return data.filter((item) => item.kind === 'data').map(toRecord);
  }

  addDataKey(key: WrappedKeyRecord): Promise<boolean> {
    return this.create('data', key);
  }

  async getIndexKey(): Promise<WrappedKeyRecord | null> {
    const { data } = await this.entity.get({ kind: 'index', versionKey: pad(1) }).go();
    return data ? toRecord(data) : null;
  }

  addIndexKey(key: WrappedKeyRecord): Promise<boolean> {
    return this.create('index', key);
  }

  private async create(kind: 'data' | 'index', key: WrappedKeyRecord): Promise<boolean> {
    try {
      await this.entity.create({ kind, versionKey: pad(key.version), ...key }).go();
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }
}

function pad(version: number): string {
  return String(version).padStart(6, '0');
}

function toRecord(item: {
  version: number;
  wrappedKey: string;
  wrapperId: string;
  createdAt: string;
}): WrappedKeyRecord {
  return {
    version: item.version,
    wrappedKey: item.wrappedKey,
    wrapperId: item.wrapperId,
    createdAt: item.createdAt,
  };
}

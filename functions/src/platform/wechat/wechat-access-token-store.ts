import { Entity } from 'electrodb';
import { isConditionalCheckFailed, orNull, SERVICE_NAME, type TableContext } from '../dynamodb/table';

/**
 * The mini program's WeChat access_token, shared by every Lambda process (WeChat allows a limited
 * number of refreshes a day and a refresh invalidates the previous token after 5 minutes, so
 * processes must not each fetch their own). The token is stored encrypted by the caller; a lease
 * lets exactly one process refresh at a time.
 */
const wechatAccessTokenSchema = {
  model: { entity: 'wechatAccessToken', version: '1', service: SERVICE_NAME },
  attributes: {
    appId: { type: 'string', required: true },
    tokenCipher: { type: 'string' },
    validUntil: { type: 'number' },
    leaseOwner: { type: 'string' },
    leaseUntil: { type: 'number' },
  },
  indexes: {
    byApp: {
      pk: { field: 'pk', composite: ['appId'], template: 'WXTOKEN#${appId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'ACCESS_TOKEN', casing: 'none' },
    },
  },
} as const;

export interface StoredAccessToken {
  tokenCipher: string | null;
  validUntil: number;
  leaseUntil: number;
}

function createWechatAccessTokenEntity(ctx: TableContext) {
  return new Entity(wechatAccessTokenSchema, ctx);
}

export class DynamoWechatAccessTokenStore {
  private readonly entity: ReturnType<typeof createWechatAccessTokenEntity>;

  constructor(ctx: TableContext) {
    this.entity = createWechatAccessTokenEntity(ctx);
  }

  async read(appId: string): Promise<StoredAccessToken | null> {
    const { data } = await this.entity.get({ appId }).go({ consistent: true });
    if (!data) return null;
    return {
      tokenCipher: orNull(data.tokenCipher),
      validUntil: data.validUntil ?? 0,
      leaseUntil: data.leaseUntil ?? 0,
    };
  }

  /** Takes the refresh lease unless another process holds a live one. */
  async acquireLease(appId: string, owner: string, now: number, leaseMs: number): Promise<boolean> {
    try {
      await this.entity
        .upsert({ appId, leaseOwner: owner, leaseUntil: now + leaseMs })
        .where((attr, op) => `${op.notExists(attr.leaseUntil)} OR ${op.lt(attr.leaseUntil, now)}`)
        .go();
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  /** Stores the fresh token and releases the lease, only if this process still holds it. */
  async saveAndRelease(appId: string, owner: string, tokenCipher: string, validUntil: number): Promise<void> {
    try {
      await this.entity
        .patch({ appId })
        .set({ tokenCipher, validUntil, leaseUntil: 0 })
        .where((attr, op) => op.eq(attr.leaseOwner, owner))
        .go();
    } catch (error) {
      // Our lease ran out and another process refreshed since: its token is the current one.
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }

  async releaseLease(appId: string, owner: string): Promise<void> {
    try {
      await this.entity
        .patch({ appId })
        .set({ leaseUntil: 0 })
        .where((attr, op) => op.eq(attr.leaseOwner, owner))
        .go();
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }

  /** WeChat rejected this token (40001/42001): mark it stale unless it was already replaced. */
  async invalidate(appId: string, tokenCipher: string): Promise<void> {
    try {
      await this.entity
        .patch({ appId })
        .set({ validUntil: 0 })
        .where((attr, op) => op.eq(attr.tokenCipher, tokenCipher))
        .go();
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }
}

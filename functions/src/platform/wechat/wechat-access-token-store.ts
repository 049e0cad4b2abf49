import { GetCommand, UpdateCommand } from '../dynamodb/document-client';
import { conditionally, orNull, type TableContext } from '../dynamodb/table';

/**
 * The mini program's WeChat access_token, shared by every Lambda process (WeChat allows a limited
 * number of refreshes a day and a refresh invalidates the previous token after 5 minutes, so
 * processes must not each fetch their own). The token is stored encrypted by the caller; a lease
 * lets exactly one process refresh at a time. One item per app (entity `wechatAccessToken`):
 * `pk=WXTOKEN#<appId>`, `sk=ACCESS_TOKEN`, attributes `appId`, `tokenCipher`, `validUntil`,
 * `leaseOwner`, `leaseUntil`.
 */
export interface StoredAccessToken {
  tokenCipher: string | null;
  validUntil: number;
  leaseUntil: number;
}

const ENTITY = 'wechatAccessToken';

export function wechatAccessTokenKey(appId: string) {
  return { pk: `WXTOKEN#${appId}`, sk: 'ACCESS_TOKEN' };
}

export class DynamoWechatAccessTokenStore {
  constructor(private readonly ctx: TableContext) {}

  async read(appId: string): Promise<StoredAccessToken | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: wechatAccessTokenKey(appId), ConsistentRead: true }),
    );
    if (!Item) return null;
    return {
      tokenCipher: orNull(Item.tokenCipher as string | undefined),
      validUntil: (Item.validUntil as number | undefined) ?? 0,
      leaseUntil: (Item.leaseUntil as number | undefined) ?? 0,
    };
  }

  /**
   * Takes the refresh lease unless another process holds a live one (creating the item on the
   * first refresh, with its entity markers).
   */
  acquireLease(appId: string, owner: string, now: number, leaseMs: number): Promise<boolean> {
    return conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: wechatAccessTokenKey(appId),
        UpdateExpression:
          'SET #entity = :entity, #entityVersion = :entityVersion, #appId = :appId, #leaseOwner = :owner, #leaseUntil = :leaseUntil',
        ConditionExpression: 'attribute_not_exists(#leaseUntil) OR #leaseUntil < :now',
        ExpressionAttributeNames: {
          '#entity': '__edb_e__',
          '#entityVersion': '__edb_v__',
          '#appId': 'appId',
          '#leaseOwner': 'leaseOwner',
          '#leaseUntil': 'leaseUntil',
        },
        ExpressionAttributeValues: {
          ':entity': ENTITY,
          ':entityVersion': '1',
          ':appId': appId,
          ':owner': owner,
          ':leaseUntil': now + leaseMs,
          ':now': now,
        },
      }),
    );
  }

  /** Stores the fresh token and releases the lease, only if this process still holds it. */
  async saveAndRelease(appId: string, owner: string, tokenCipher: string, validUntil: number): Promise<void> {
    // Refused: our lease ran out and another process refreshed since; its token is the current one.
    await this.patch(appId, { tokenCipher, validUntil, leaseUntil: 0 }, 'leaseOwner', owner);
  }

  async releaseLease(appId: string, owner: string): Promise<void> {
    await this.patch(appId, { leaseUntil: 0 }, 'leaseOwner', owner);
  }

  /** WeChat rejected this token (40001/42001): mark it stale unless it was already replaced. */
  async invalidate(appId: string, tokenCipher: string): Promise<void> {
    await this.patch(appId, { validUntil: 0 }, 'tokenCipher', tokenCipher);
  }

  /**
   * Sets `changes` on the stored item if it exists and its `guard` attribute still equals
   * `expected`; a refused condition is no error (false).
   */
  private patch(
    appId: string,
    changes: Record<string, unknown>,
    guard: 'leaseOwner' | 'tokenCipher',
    expected: string,
  ): Promise<boolean> {
    const names = Object.keys(changes);
    return conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: wechatAccessTokenKey(appId),
        UpdateExpression: `SET ${names.map((_, i) => `#c${i} = :c${i}`).join(', ')}`,
        ConditionExpression: 'attribute_exists(#pk) AND #guard = :expected',
        ExpressionAttributeNames: {
          '#pk': 'pk',
          '#guard': guard,
          ...Object.fromEntries(names.map((name, i) => [`#c${i}`, name])),
        },
        ExpressionAttributeValues: {
          ':expected': expected,
          ...Object.fromEntries(names.map((name, i) => [`:c${i}`, changes[name]])),
        },
      }),
    );
  }
}

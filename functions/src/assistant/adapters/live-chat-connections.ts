import type { LiveChatConnection, LiveChatConnectionStore } from '@zhixiang/shared/ports/live-chat';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '../../platform/dynamodb/document-client';
import {
  entityItem,
  entityItems,
  isEntityItem,
  orNull,
  queryAll,
  type TableContext,
  toTtlSeconds,
} from '../../platform/dynamodb/table';
import type { RawItem as Item } from '../../platform/records/point-reads';

/**
 * The live chat's WebSocket connections (`LIVECONN#<connectionId>`) and which handoffs each listens
 * to (`LIVECHAT#<handoffId>` / `CONN#<connectionId>`). API Gateway closes a connection after 2 hours
 * at most; the items expire an hour after that (TTL), so a `$disconnect` that never ran leaves
 * nothing behind for long, and a push to a closed socket removes its subscription at once (410 Gone).
 */
export const LIVE_CHAT_CONNECTION_TTL_MS = 3 * 60 * 60 * 1000;

const CONNECTION = 'liveChatConnection';
const SUBSCRIPTION = 'liveChatSubscription';

const connectionKey = (connectionId: string) => ({ pk: `LIVECONN#${connectionId}`, sk: 'LIVECONN' });
const subscriptionKey = (handoffId: string, connectionId: string) => ({
  pk: `LIVECHAT#${handoffId}`,
  sk: `CONN#${connectionId}`,
});

/** A connection as stored; `expiresAt` is the TTL (epoch seconds). */
export function connectionItem(connection: LiveChatConnection, expiresAt: number): Item {
  return entityItem(CONNECTION, {
    connectionId: connection.connectionId,
    userId: connection.userId,
    role: connection.role,
    customerId: connection.customerId || undefined,
    branchPath: connection.branchPath || undefined,
    connectedAt: connection.connectedAt,
    expiresAt,
    ...connectionKey(connection.connectionId),
  });
}

/** A connection's subscription to a handoff as stored: who to push the handoff's new message to. */
export function subscriptionItem(handoffId: string, connectionId: string, expiresAt: number): Item {
  return entityItem(SUBSCRIPTION, {
    handoffId,
    connectionId,
    expiresAt,
    ...subscriptionKey(handoffId, connectionId),
  });
}

export class DynamoLiveChatConnectionStore implements LiveChatConnectionStore {
  constructor(
    private readonly ctx: TableContext,
    private readonly now: () => number = Date.now,
  ) {}

  private expiresAt(): number {
    return toTtlSeconds(this.now() + LIVE_CHAT_CONNECTION_TTL_MS);
  }

  /** The connection's item (its `handoffIds` a string set), or null. */
  private async connection(connectionId: string): Promise<Item | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: connectionKey(connectionId) }),
    );
    return isEntityItem(CONNECTION, Item) ? Item : null;
  }

  async register(connection: LiveChatConnection): Promise<void> {
    await this.ctx.client.send(
      new PutCommand({ TableName: this.ctx.table, Item: connectionItem(connection, this.expiresAt()) }),
    );
  }

  async get(connectionId: string): Promise<LiveChatConnection | null> {
    const item = await this.connection(connectionId);
    if (!item) return null;
    return {
      connectionId: item.connectionId as string,
      userId: item.userId as string,
      role: item.role as LiveChatConnection['role'],
      customerId: orNull(item.customerId as string | undefined),
      branchPath: orNull(item.branchPath as string | undefined),
      connectedAt: item.connectedAt as number,
    };
  }

  async subscribe(connectionId: string, handoffId: string): Promise<void> {
    // Recorded on the connection first: a subscription never exists that `remove` would not find.
    // Unconditional, as before: the handoff is added to the set (a string set) whatever the item.
    await this.ctx.client.send(
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: connectionKey(connectionId),
        UpdateExpression: 'SET #connectionId = :connectionId, #e = :e, #v = :v ADD #handoffIds :handoffIds',
        ExpressionAttributeNames: {
          '#connectionId': 'connectionId',
          '#e': '__edb_e__',
          '#v': '__edb_v__',
          '#handoffIds': 'handoffIds',
        },
        ExpressionAttributeValues: {
          ':connectionId': connectionId,
          ':e': CONNECTION,
          ':v': '1',
          ':handoffIds': new Set([handoffId]),
        },
      }),
    );
    await this.ctx.client.send(
      new PutCommand({
        TableName: this.ctx.table,
        Item: subscriptionItem(handoffId, connectionId, this.expiresAt()),
      }),
    );
  }

  async subscribers(handoffId: string): Promise<string[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :conn)',
      ExpressionAttributeValues: { ':pk': `LIVECHAT#${handoffId}`, ':conn': 'CONN#' },
    });
    return entityItems(SUBSCRIPTION, items).map((item) => item.connectionId as string);
  }

  async unsubscribe(connectionId: string, handoffId: string): Promise<void> {
    await this.ctx.client.send(
      new DeleteCommand({ TableName: this.ctx.table, Key: subscriptionKey(handoffId, connectionId) }),
    );
  }

  async remove(connectionId: string): Promise<void> {
    const item = await this.connection(connectionId);
    const handoffIds = (item?.handoffIds as Set<string> | undefined) ?? [];
    await Promise.all([...handoffIds].map((handoffId) => this.unsubscribe(connectionId, handoffId)));
    await this.ctx.client.send(
      new DeleteCommand({ TableName: this.ctx.table, Key: connectionKey(connectionId) }),
    );
  }
}

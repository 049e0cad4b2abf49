import { ROLES } from '@zhixiang/shared/auth/schemas';
import type { LiveChatConnection, LiveChatConnectionStore } from '@zhixiang/shared/ports/live-chat';
import { Entity } from 'electrodb';
import {
  ALL_PAGES,
  orNull,
  SERVICE_NAME,
  type TableContext,
  TTL_ATTRIBUTE,
  toTtlSeconds,
} from '../../platform/dynamodb/table';

/**
 * The live chat's WebSocket connections and which handoffs each listens to. API Gateway closes a
 * connection after 2 hours at most; the items expire an hour after that (TTL), so a `$disconnect`
 * that never ran leaves nothing behind for long, and a push to a closed socket removes its
 * subscription at once (410 Gone).
 */
export const LIVE_CHAT_CONNECTION_TTL_MS = 3 * 60 * 60 * 1000;

const connectionSchema = {
  model: { entity: 'liveChatConnection', version: '1', service: SERVICE_NAME },
  attributes: {
    connectionId: { type: 'string', required: true },
    userId: { type: 'string', required: true },
    role: { type: ROLES, required: true },
    customerId: { type: 'string' },
    branchPath: { type: 'string' },
    connectedAt: { type: 'number', required: true },
    /** The handoffs subscribed to, so `$disconnect` removes exactly those subscriptions. */
    handoffIds: { type: 'set', items: 'string' },
    ttl: TTL_ATTRIBUTE,
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['connectionId'], template: 'LIVECONN#${connectionId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'LIVECONN', casing: 'none' },
    },
  },
} as const;

const subscriptionSchema = {
  model: { entity: 'liveChatSubscription', version: '1', service: SERVICE_NAME },
  attributes: {
    handoffId: { type: 'string', required: true },
    connectionId: { type: 'string', required: true },
    ttl: TTL_ATTRIBUTE,
  },
  indexes: {
    // Who to push a handoff's new message to: one Query.
    byHandoff: {
      pk: { field: 'pk', composite: ['handoffId'], template: 'LIVECHAT#${handoffId}', casing: 'none' },
      sk: { field: 'sk', composite: ['connectionId'], template: 'CONN#${connectionId}', casing: 'none' },
    },
  },
} as const;

export class DynamoLiveChatConnectionStore implements LiveChatConnectionStore {
  private readonly connections;
  private readonly subscriptions;

  constructor(
    ctx: TableContext,
    private readonly now: () => number = Date.now,
  ) {
    this.connections = new Entity(connectionSchema, ctx);
    this.subscriptions = new Entity(subscriptionSchema, ctx);
  }

  private expiresAt(): number {
    return toTtlSeconds(this.now() + LIVE_CHAT_CONNECTION_TTL_MS);
  }

  async register(connection: LiveChatConnection): Promise<void> {
    await this.connections
      .put({
        connectionId: connection.connectionId,
        userId: connection.userId,
        role: connection.role,
        ...(connection.customerId ? { customerId: connection.customerId } : {}),
        ...(connection.branchPath ? { branchPath: connection.branchPath } : {}),
        connectedAt: connection.connectedAt,
        ttl: this.expiresAt(),
      })
      .go();
  }

  async get(connectionId: string): Promise<LiveChatConnection | null> {
    const { data } = await this.connections.get({ connectionId }).go();
    if (!data) return null;
    return {
      connectionId: data.connectionId,
      userId: data.userId,
      role: data.role,
      customerId: orNull(data.customerId),
      branchPath: orNull(data.branchPath),
      connectedAt: data.connectedAt,
    };
  }

  async subscribe(connectionId: string, handoffId: string): Promise<void> {
    // Recorded on the connection first: a subscription never exists that `remove` would not find.
    await this.connections
      .update({ connectionId })
      .add({ handoffIds: [handoffId] })
      .go();
    await this.subscriptions.put({ handoffId, connectionId, ttl: this.expiresAt() }).go();
  }

  async subscribers(handoffId: string): Promise<string[]> {
    const { data } = await this.subscriptions.query.byHandoff({ handoffId }).go(ALL_PAGES);
    return data.map((s) => s.connectionId);
  }

  async unsubscribe(connectionId: string, handoffId: string): Promise<void> {
    await this.subscriptions.delete({ handoffId, connectionId }).go();
  }

  async remove(connectionId: string): Promise<void> {
    const { data } = await this.connections.get({ connectionId }).go();
    await Promise.all(
      (data?.handoffIds ?? []).map((handoffId) =>
        this.subscriptions.delete({ handoffId, connectionId }).go(),
      ),
    );
    await this.connections.delete({ connectionId }).go();
  }
}

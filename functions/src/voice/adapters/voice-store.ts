import { shanghaiDate } from '@zhixiang/shared/complaints/calendar';
import type {
  VoiceClusterEscalationRecord,
  VoiceFeedEntry,
  VoiceItemRecord,
  VoiceListeningRecord,
  VoiceStore,
} from '@zhixiang/shared/ports/voice';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '../../platform/dynamodb/document-client';
import {
  conditionally,
  isConditionalCheckFailed,
  queryAll,
  type TableContext,
} from '../../platform/dynamodb/table';

/**
 * The customer-voice stream (客户之声). Items: `VOICE#<itemId>` / `ITEM`, on gsi1 under their week
 * (`VOICE#WEEK#<monday>`, sorted by branch path then time, so a subtree's week is one
 * `begins_with`) and on gsi2 under their customer. A week's cluster reports:
 * `VOICECLUSTER#<monday>` / `<theme>#<fromPath>`, created only if new, so a level reports a cluster
 * once. The complaints' feed entries (`VOICE_FEED`) sit in each complaint's partition, on gsi1 under
 * `VOICE#FEED` while pending. An item another context puts in its own transaction (a club event's
 * low rating) comes with its announcement entry, `VOICE#<itemId>` / `ANNOUNCE`, on gsi1 under
 * `VOICE#ANNOUNCE` until the projection pushes it. Listening sessions: `VOICELISTEN#<connectionId>` /
 * `SESSION` (the stream) or `HANDOFF#<handoffId>#<startedAt>` (a listen-in on a handoff chat), on
 * gsi1 under their Shanghai day (`VOICE#LISTENING#<day>`). Key shapes: docs/dynamodb-access-patterns.md.
 */
const itemKey = (itemId: string) => ({ pk: `VOICE#${itemId}`, sk: 'ITEM' });
const weekKey = (week: string) => `VOICE#WEEK#${week}`;
const clusterPk = (week: string) => `VOICECLUSTER#${week}`;
const FEED_PENDING = 'VOICE#FEED';
const ANNOUNCE_PENDING = 'VOICE#ANNOUNCE';
const announcementKey = (itemId: string) => ({ pk: `VOICE#${itemId}`, sk: 'ANNOUNCE' });
const feedKey = (complaintId: string) => ({ pk: `COMPLAINT#${complaintId}`, sk: 'VOICE_FEED' });
const listeningPk = (connectionId: string) => `VOICELISTEN#${connectionId}`;
/** The stream's session of a connection, or one listen-in on a handoff (a connection may open it twice). */
const listeningKey = (session: Pick<VoiceListeningRecord, 'connectionId' | 'handoffId' | 'startedAt'>) => ({
  pk: listeningPk(session.connectionId),
  sk: session.handoffId ? `HANDOFF#${session.handoffId}#${session.startedAt}` : 'SESSION',
});
const listeningDay = (day: string) => `VOICE#LISTENING#${day}`;

/** A voice item as stored: also put by another context's own transaction (a club event's low rating). */
export function voiceItemOf(item: VoiceItemRecord): Record<string, unknown> {
  return {
    ...itemKey(item.itemId),
    entity: 'voiceItem',
    ...item,
    gsi1pk: weekKey(item.week),
    gsi1sk: `${item.branchPath}#${item.at}#${item.itemId}`,
    ...(item.customerId
      ? { gsi2pk: `CUSTOMER#${item.customerId}#VOICE`, gsi2sk: `VOICE#${item.at}#${item.itemId}` }
      : {}),
  };
}

function strip<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, entity: _e, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, ...rest } = item;
  return rest as T;
}

/**
 * The voice feed's outbox entry of a complaint just received, for the complaint's own transaction
 * (complaints/adapters/complaints.ts): the complaint and its entry are written together or not at
 * all.
 */
export function voiceFeedItem(entry: Omit<VoiceFeedEntry, 'attempts'>): Record<string, unknown> {
  return {
    ...feedKey(entry.complaintId),
    entity: 'voiceFeed',
    ...entry,
    attempts: 0,
    gsi1pk: FEED_PENDING,
    gsi1sk: `${entry.receivedAt}#${entry.complaintId}`,
  };
}

/**
 * The announcement entry of an item put by another context's own transaction (a club event's low
 * rating, events/adapters/events.ts): the projection pushes the item to the listening executives
 * and takes the entry, once — the item and its entry are written together or not at all.
 */
export function voiceAnnouncementItem(item: Pick<VoiceItemRecord, 'itemId' | 'at'>): Record<string, unknown> {
  return {
    ...announcementKey(item.itemId),
    entity: 'voiceAnnouncement',
    itemId: item.itemId,
    gsi1pk: ANNOUNCE_PENDING,
    gsi1sk: `${item.at}#${item.itemId}`,
  };
}

/**
 * An item another context puts in its own transaction (a rating, a callback's problem case): the
 * item and its announcement entry, each only if new, as two items of that transaction.
 */
export function voiceItemPuts(table: string, item: VoiceItemRecord) {
  const isNew = { ConditionExpression: 'attribute_not_exists(pk)' };
  return [
    { Put: { TableName: table, Item: voiceItemOf(item), ...isNew } },
    { Put: { TableName: table, Item: voiceAnnouncementItem(item), ...isNew } },
  ];
}

export class DynamoVoiceStore implements VoiceStore {
  constructor(private readonly ctx: TableContext) {}

  async putItem(item: VoiceItemRecord): Promise<boolean> {
    try {
      await this.ctx.client.send(
        new PutCommand({
          TableName: this.ctx.table,
          Item: voiceItemOf(item),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async getItem(itemId: string): Promise<VoiceItemRecord | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: itemKey(itemId), ConsistentRead: true }),
    );
    return Item ? strip<VoiceItemRecord>(Item) : null;
  }

  saveItem(item: VoiceItemRecord): Promise<boolean> {
    return conditionally(
      this.ctx,
      new PutCommand({
        TableName: this.ctx.table,
        Item: voiceItemOf(item),
        ConditionExpression: 'version = :expected',
        ExpressionAttributeValues: { ':expected': item.version - 1 },
      }),
    );
  }

  async listWeek(week: string, branchPath: string): Promise<VoiceItemRecord[]> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi1',
      KeyConditionExpression: branchPath ? 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)' : 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': weekKey(week), ...(branchPath ? { ':prefix': branchPath } : {}) },
    });
    return items
      .map((i) => strip<VoiceItemRecord>(i))
      .filter((i) => !branchPath || i.branchPath === branchPath || i.branchPath.startsWith(`${branchPath}/`))
      .sort((a, b) => b.at.localeCompare(a.at));
  }

  async listByCustomer(customerId: string): Promise<VoiceItemRecord[]> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': `CUSTOMER#${customerId}#VOICE` },
      ScanIndexForward: false,
    });
    return items.map((i) => strip<VoiceItemRecord>(i));
  }

  async putClusterEscalation(record: VoiceClusterEscalationRecord): Promise<boolean> {
    try {
      await this.ctx.client.send(
        new PutCommand({
          TableName: this.ctx.table,
          Item: {
            pk: clusterPk(record.week),
            sk: `${record.theme}#${record.fromPath}`,
            entity: 'voiceClusterEscalation',
            ...record,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async listClusterEscalations(week: string): Promise<VoiceClusterEscalationRecord[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': clusterPk(week) },
      ConsistentRead: true,
    });
    return items.map((i) => strip<VoiceClusterEscalationRecord>(i)).sort((a, b) => a.at.localeCompare(b.at));
  }

  async listPendingFeed(limit: number): Promise<VoiceFeedEntry[]> {
    const { Items = [] } = await this.ctx.client.send(
      new QueryCommand({
        TableName: this.ctx.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': FEED_PENDING },
        Limit: limit,
      }),
    );
    return Items.map((i) => {
      const { lastError: _l, ...rest } = strip<VoiceFeedEntry & { lastError?: string }>(i);
      return rest;
    });
  }

  markFeedDone(complaintId: string): Promise<boolean> {
    return conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: feedKey(complaintId),
        UpdateExpression: 'REMOVE gsi1pk, gsi1sk',
        ConditionExpression: 'attribute_exists(gsi1pk)',
      }),
    );
  }

  async recordFeedFailure(complaintId: string, reason: string): Promise<void> {
    await conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: feedKey(complaintId),
        UpdateExpression: 'ADD attempts :one SET lastError = :reason',
        ConditionExpression: 'attribute_exists(gsi1pk)',
        ExpressionAttributeValues: { ':one': 1, ':reason': reason.slice(0, 500) },
      }),
    );
  }

  async listPendingAnnouncements(limit: number): Promise<string[]> {
    const { Items = [] } = await this.ctx.client.send(
      new QueryCommand({
        TableName: this.ctx.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': ANNOUNCE_PENDING },
        Limit: limit,
      }),
    );
    return Items.map((i) => String(i.itemId));
  }

  claimAnnouncement(itemId: string): Promise<boolean> {
    return conditionally(
      this.ctx,
      new DeleteCommand({
        TableName: this.ctx.table,
        Key: announcementKey(itemId),
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
  }

  async startListening(session: VoiceListeningRecord): Promise<void> {
    await this.ctx.client.send(
      new PutCommand({
        TableName: this.ctx.table,
        Item: {
          ...listeningKey(session),
          entity: 'voiceListening',
          ...session,
          handoffId: session.handoffId ?? undefined,
          endedAt: undefined,
          gsi1pk: listeningDay(shanghaiDate(Date.parse(session.startedAt))),
          gsi1sk: `${session.startedAt}#${session.connectionId}`,
        },
      }),
    );
  }

  async endListening(connectionId: string, endedAt: string, handoffId?: string): Promise<void> {
    const open = await queryAll(this.ctx, {
      KeyConditionExpression: handoffId ? 'pk = :pk AND begins_with(sk, :handoff)' : 'pk = :pk',
      FilterExpression: 'attribute_not_exists(endedAt)',
      ExpressionAttributeValues: {
        ':pk': listeningPk(connectionId),
        ...(handoffId ? { ':handoff': `HANDOFF#${handoffId}#` } : {}),
      },
      ConsistentRead: true,
    });
    // Each on its own condition: two closes at once (a leave and the socket's `$disconnect`) end it once.
    await Promise.all(
      open.map((session) =>
        conditionally(
          this.ctx,
          new UpdateCommand({
            TableName: this.ctx.table,
            Key: { pk: session.pk, sk: session.sk },
            UpdateExpression: 'SET endedAt = :at',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(endedAt)',
            ExpressionAttributeValues: { ':at': endedAt },
          }),
        ),
      ),
    );
  }

  async listListening(day: string): Promise<VoiceListeningRecord[]> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': listeningDay(day) },
    });
    return items
      .map((i) => strip<VoiceListeningRecord>(i))
      .map((session) => ({
        ...session,
        handoffId: session.handoffId ?? null,
        endedAt: session.endedAt ?? null,
      }))
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  }
}

import { randomUUID } from 'node:crypto';
import {
  type ChannelAttempt,
  type MessageRecord,
  type MessageSubject,
  subjectKey,
} from '@zhixiang/shared/notifications/model';
import type { MessageClaim, MessageStore, NewMessage } from '@zhixiang/shared/ports/notifications';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '../../platform/dynamodb/document-client';
import { conditionally, queryAll, type TableContext } from '../../platform/dynamodb/table';

/**
 * The message centre (消息中心): one item per message, keyed by its id (derived from its source,
 * so a repeated event finds it). The customer's list is gsi1 `CUSTOMER#<id>#MESSAGES` by time; the
 * unread ones are also on gsi2 `CUSTOMER#<id>#UNREAD` (sparse: reading removes the keys), which
 * counts them and finds a subject's. Key shapes: docs/dynamodb-access-patterns.md.
 */
const messageKey = (messageId: string) => ({ pk: `MESSAGE#${messageId}`, sk: 'MESSAGE' });
const listPk = (customerId: string) => `CUSTOMER#${customerId}#MESSAGES`;
const unreadPk = (customerId: string) => `CUSTOMER#${customerId}#UNREAD`;
/** Time order within a customer's messages, and the list's cursor. */
export const messageSortKey = (message: Pick<MessageRecord, 'createdAt' | 'messageId'>) =>
  `${String(message.createdAt).padStart(14, '0')}#${message.messageId}`;

interface MessageItem extends MessageRecord {
  subjectKey: string;
  lease?: string;
  leaseUntil?: number;
}

export class DynamoMessageStore implements MessageStore {
  constructor(private readonly ctx: TableContext) {}

  async claim(message: NewMessage, now: number, leaseMs: number): Promise<MessageClaim> {
    const lease = randomUUID();
    const record: MessageRecord = { ...message, status: 'sending', attempts: [], sentAt: null, readAt: null };
    const sortKey = messageSortKey(record);
    const created = await conditionally(
      this.ctx,
      new PutCommand({
        TableName: this.ctx.table,
        Item: {
          ...messageKey(message.messageId),
          // Absent until set: "not read yet" is attribute_not_exists(readAt).
          ...message,
          status: 'sending',
          attempts: [],
          subjectKey: subjectKey(message.subject),
          lease,
          leaseUntil: now + leaseMs,
          gsi1pk: listPk(message.customerId),
          gsi1sk: sortKey,
          gsi2pk: unreadPk(message.customerId),
          gsi2sk: sortKey,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    if (created) return { kind: 'claimed', message: record, lease };
    const stored = await this.item(message.messageId);
    if (!stored) return { kind: 'busy' };
    const existing = toRecord(stored);
    if (stored.status === 'sending' && (stored.leaseUntil ?? 0) > now) return { kind: 'busy' };
    if (stored.status !== 'sending' && stored.status !== 'failed') return { kind: 'done', message: existing };
    // A failed attempt is retried; a lease run out means its sender stopped mid-way. Either way
    // the take-over is conditional on the state read, so of two takers one wins.
    const taken = await conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: messageKey(message.messageId),
        UpdateExpression: 'SET #status = :sending, lease = :lease, leaseUntil = :until',
        ConditionExpression: '#status = :was AND lease = :old',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':sending': 'sending',
          ':lease': lease,
          ':until': now + leaseMs,
          ':was': stored.status,
          ':old': stored.lease ?? '',
        },
      }),
    );
    if (!taken) return { kind: 'busy' };
    return stored.status === 'failed'
      ? { kind: 'claimed', message: { ...existing, status: 'sending' }, lease }
      : { kind: 'interrupted', message: existing, lease };
  }

  async settle(
    messageId: string,
    lease: string,
    outcome: {
      status: Exclude<MessageRecord['status'], 'sending'>;
      attempts: ChannelAttempt[];
      sentAt: number | null;
    },
  ): Promise<boolean> {
    return conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: messageKey(messageId),
        UpdateExpression: 'SET #status = :status, attempts = :attempts, sentAt = :sentAt REMOVE leaseUntil',
        ConditionExpression: 'lease = :lease',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': outcome.status,
          ':attempts': outcome.attempts,
          ':sentAt': outcome.sentAt,
          ':lease': lease,
        },
      }),
    );
  }

  async list(
    customerId: string,
    limit: number,
    before: string | null,
  ): Promise<{ messages: MessageRecord[]; nextCursor: string | null }> {
    const { Items = [], LastEvaluatedKey } = await this.ctx.client.send(
      new QueryCommand({
        TableName: this.ctx.table,
        IndexName: 'gsi1',
        KeyConditionExpression: before ? 'gsi1pk = :pk AND gsi1sk < :before' : 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': listPk(customerId), ...(before ? { ':before': before } : {}) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    const messages = Items.map((item) => toRecord(item as MessageItem));
    const last = messages.at(-1);
    return { messages, nextCursor: LastEvaluatedKey && last ? messageSortKey(last) : null };
  }

  async unreadCount(customerId: string): Promise<number> {
    let count = 0;
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.ctx.client.send(
        new QueryCommand({
          TableName: this.ctx.table,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :pk',
          ExpressionAttributeValues: { ':pk': unreadPk(customerId) },
          Select: 'COUNT',
          ExclusiveStartKey,
        }),
      );
      count += page.Count ?? 0;
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return count;
  }

  async listUnread(customerId: string, limit: number): Promise<MessageRecord[]> {
    const { Items = [] } = await this.ctx.client.send(
      new QueryCommand({
        TableName: this.ctx.table,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': unreadPk(customerId) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return Items.map((item) => toRecord(item as MessageItem));
  }

  async markRead(customerId: string, messageId: string, at: number): Promise<MessageRecord | null> {
    // Only the customer's own message: another's answers exactly like one that does not exist.
    const stored = await this.item(messageId);
    if (!stored || stored.customerId !== customerId) return null;
    if (stored.readAt === null || stored.readAt === undefined) await this.read(messageId, customerId, at);
    return toRecord({ ...stored, readAt: stored.readAt ?? at });
  }

  async markAllRead(customerId: string, at: number, subject?: MessageSubject): Promise<number> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ...(subject
        ? {
            FilterExpression: 'subjectKey = :subject',
            ExpressionAttributeValues: { ':pk': unreadPk(customerId), ':subject': subjectKey(subject) },
          }
        : { ExpressionAttributeValues: { ':pk': unreadPk(customerId) } }),
      ProjectionExpression: 'messageId',
    });
    const marked = await Promise.all(
      items.map((item) => this.read(item.messageId as string, customerId, at)),
    );
    return marked.filter(Boolean).length;
  }

  async get(messageId: string): Promise<MessageRecord | null> {
    const item = await this.item(messageId);
    return item ? toRecord(item) : null;
  }

  /** Read once: the first read time stays, and the message leaves the unread index. */
  private read(messageId: string, customerId: string, at: number): Promise<boolean> {
    return conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: messageKey(messageId),
        UpdateExpression: 'SET readAt = :at REMOVE gsi2pk, gsi2sk',
        ConditionExpression: 'customerId = :customer AND attribute_not_exists(readAt)',
        ExpressionAttributeValues: { ':at': at, ':customer': customerId },
      }),
    );
  }

  private async item(messageId: string): Promise<MessageItem | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: messageKey(messageId), ConsistentRead: true }),
    );
    return (Item as MessageItem | undefined) ?? null;
  }
}

function toRecord(item: MessageItem): MessageRecord {
  return {
    messageId: item.messageId,
    customerId: item.customerId,
    sourceKey: item.sourceKey,
    kind: item.kind,
    title: item.title,
    text: item.text,
    subject: item.subject,
    status: item.status,
    attempts: item.attempts ?? [],
    createdAt: item.createdAt,
    sentAt: item.sentAt ?? null,
    readAt: item.readAt ?? null,
  };
}

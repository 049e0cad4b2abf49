import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type { LetterRecord, LetterSubscriptionRecord, LetterType } from '@zhixiang/shared/letters/model';
import type { LetterStore, LetterSubscriptionStore } from '@zhixiang/shared/ports/letters';
import type { FunnelRef, FunnelStage } from '@zhixiang/shared/ports/notices';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '../../platform/dynamodb/document-client';
import {
  conditionally,
  isConditionalCheckFailed,
  queryAll,
  type TableContext,
} from '../../platform/dynamodb/table';
import { funnelUpdate } from './notices';

/**
 * E-letters (电子信函): one item per letter, the customer's subscriptions beside the customer item,
 * and an append-only log of subscription changes. Key shapes: docs/dynamodb-access-patterns.md.
 */
const letterKey = (letterId: string) => ({ pk: `LETTER#${letterId}`, sk: 'LETTER' });

interface LetterItem extends LetterRecord {
  funnelRef?: FunnelRef;
  linkOpenedAt?: number;
}

export class DynamoLetterStore implements LetterStore {
  constructor(private readonly ctx: TableContext) {}

  async create(letter: LetterRecord): Promise<boolean> {
    const issuedDay = todayInShanghai(new Date(letter.issuedAt));
    const created = await conditionally(
      this.ctx,
      new PutCommand({
        TableName: this.ctx.table,
        Item: {
          ...letterKey(letter.letterId),
          ...letter,
          // 我的信函: the holder's letters, newest first.
          gsi1pk: `CUSTOMER#${letter.customerId}#LETTERS`,
          gsi1sk: `${String(letter.issuedAt).padStart(14, '0')}#${letter.letterId}`,
          // The postal run's list (sparse: only letters with a paper copy).
          ...(letter.paperCopy ? { gsi2pk: `LETTERS#PAPER#${issuedDay}`, gsi2sk: letter.letterId } : {}),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    if (created && !letter.paperCopy) await this.countPaperSaved(letter.pages, issuedDay.slice(0, 7));
    return created;
  }

  /** "Protect a tree" for the whole company: counters in total and per month (UpdateItem ADD). */
  private async countPaperSaved(pages: number, month: string): Promise<void> {
    await Promise.all(
      ['TOTAL', `MONTH#${month}`].map((sk) =>
        this.ctx.client.send(
          new UpdateCommand({
            TableName: this.ctx.table,
            Key: { pk: 'PAPERSAVED', sk },
            UpdateExpression: 'ADD letters :one, pages :pages',
            ExpressionAttributeValues: { ':one': 1, ':pages': pages },
          }),
        ),
      ),
    );
  }

  async paperSavedTotals(): Promise<{ period: string; letters: number; pages: number }[]> {
    const { Items } = await this.ctx.client.send(
      new QueryCommand({
        TableName: this.ctx.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'PAPERSAVED' },
      }),
    );
    return (Items ?? []).map((item) => ({
      period: item.sk === 'TOTAL' ? 'total' : String(item.sk).slice('MONTH#'.length),
      letters: Number(item.letters ?? 0),
      pages: Number(item.pages ?? 0),
    }));
  }

  async get(letterId: string): Promise<(LetterRecord & { funnelRef: FunnelRef | null }) | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: letterKey(letterId) }),
    );
    return Item
      ? { ...toLetter(Item as LetterItem), funnelRef: (Item as LetterItem).funnelRef ?? null }
      : null;
  }

  async listByCustomer(customerId: string): Promise<LetterRecord[]> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `CUSTOMER#${customerId}#LETTERS` },
      ScanIndexForward: false,
    });
    return items.map((item) => toLetter(item as unknown as LetterItem));
  }

  markRead(letterId: string, at: number): Promise<boolean> {
    return this.setOnce(letterId, 'readAt', at);
  }

  async recordReached(
    letterId: string,
    at: number,
    opened: boolean,
    ref: FunnelRef | null,
  ): Promise<FunnelStage[]> {
    // An open is also the delivery when none was known; else only the open; a delivery alone.
    const attempts: FunnelStage[][] = opened ? [['delivered', 'opened'], ['opened']] : [['delivered']];
    for (const stages of attempts) {
      const stamps = stages.map((stage) => (stage === 'delivered' ? 'deliveredAt' : 'linkOpenedAt'));
      const names = Object.fromEntries(stamps.map((stamp, i) => [`#s${i}`, stamp]));
      const stamp = {
        TableName: this.ctx.table,
        Key: letterKey(letterId),
        UpdateExpression: `SET ${stamps.map((_, i) => `#s${i} = :at`).join(', ')}`,
        ConditionExpression: `attribute_exists(pk) AND ${stamps
          .map((_, i) => `(attribute_not_exists(#s${i}) OR #s${i} = :null)`)
          .join(' AND ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':at': at, ':null': null },
      };
      try {
        await this.ctx.client.send(
          new TransactWriteCommand({
            TransactItems: [
              { Update: stamp },
              ...(ref ? [{ Update: funnelUpdate(this.ctx.table, ref, stages) }] : []),
            ],
          }),
        );
        return stages;
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
    }
    return [];
  }

  private setOnce(letterId: string, attribute: 'readAt', at: number): Promise<boolean> {
    return conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: letterKey(letterId),
        UpdateExpression: 'SET #a = :at',
        ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(#a) OR #a = :null)',
        ExpressionAttributeNames: { '#a': attribute },
        ExpressionAttributeValues: { ':at': at, ':null': null },
      }),
    );
  }

  async attachFunnelRef(letterId: string, ref: FunnelRef): Promise<void> {
    await this.ctx.client.send(
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: letterKey(letterId),
        UpdateExpression: 'SET funnelRef = :ref',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':ref': ref },
      }),
    );
  }

  async listPaperCopies(issuedDay: string): Promise<LetterRecord[]> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': `LETTERS#PAPER#${issuedDay}` },
    });
    return items.map((item) => toLetter(item as unknown as LetterItem));
  }
}

function toLetter(item: LetterItem): LetterRecord {
  return {
    letterId: item.letterId,
    customerId: item.customerId,
    policyNo: item.policyNo,
    letterType: item.letterType,
    title: item.title,
    content: item.content,
    fileKey: item.fileKey,
    pages: item.pages,
    paperCopy: item.paperCopy,
    documentId: item.documentId ?? null,
    issuedAt: item.issuedAt,
    readAt: item.readAt ?? null,
  };
}

/** Subscriptions live in the customer's partition: `sk=LETTERSUB#<type>`, the log `sk=LETTERSUBLOG#<at>#<type>`. */
export class DynamoLetterSubscriptionStore implements LetterSubscriptionStore {
  constructor(private readonly ctx: TableContext) {}

  async list(customerId: string): Promise<LetterSubscriptionRecord[]> {
    const { Items } = await this.ctx.client.send(
      new QueryCommand({
        TableName: this.ctx.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `CUSTOMER#${customerId}`, ':prefix': 'LETTERSUB#' },
      }),
    );
    return (Items ?? []).map(toSubscription);
  }

  async get(customerId: string, letterType: LetterType): Promise<LetterSubscriptionRecord | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({
        TableName: this.ctx.table,
        Key: { pk: `CUSTOMER#${customerId}`, sk: `LETTERSUB#${letterType}` },
      }),
    );
    return Item ? toSubscription(Item) : null;
  }

  async put(subscription: LetterSubscriptionRecord): Promise<void> {
    const pk = `CUSTOMER#${subscription.customerId}`;
    const fields = {
      customerId: subscription.customerId,
      letterType: subscription.letterType,
      delivery: subscription.delivery,
      channels: subscription.channels,
      updatedAt: subscription.updatedAt,
      updatedBy: subscription.updatedBy,
    };
    await this.ctx.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.ctx.table,
              Item: { pk, sk: `LETTERSUB#${subscription.letterType}`, ...fields },
            },
          },
          {
            Put: {
              TableName: this.ctx.table,
              Item: {
                pk,
                sk: `LETTERSUBLOG#${subscription.updatedAt}#${subscription.letterType}`,
                ...fields,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
  }
}

function toSubscription(item: Record<string, unknown>): LetterSubscriptionRecord {
  return {
    customerId: item.customerId as string,
    letterType: item.letterType as LetterType,
    delivery: item.delivery as LetterSubscriptionRecord['delivery'],
    channels: item.channels as LetterSubscriptionRecord['channels'],
    updatedAt: item.updatedAt as number,
    updatedBy: item.updatedBy as LetterSubscriptionRecord['updatedBy'],
  };
}

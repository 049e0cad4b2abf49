import type { Intent } from '@zhixiang/shared/assistant/intents';
import type { KnowledgeAction, KnowledgeEntry } from '@zhixiang/shared/assistant/knowledge';
import type { KnowledgeBaseRepository, KnowledgeVersionRecord } from '@zhixiang/shared/ports/knowledge-base';
import { BatchWriteCommand, PutCommand, UpdateCommand } from '../../platform/dynamodb/document-client';
import {
  entityItem,
  entityItems,
  isConditionalCheckFailed,
  isEntityItem,
  queryAll,
  type TableContext,
} from '../../platform/dynamodb/table';
import { getItem, type RawItem as Item } from '../../platform/records/point-reads';

/**
 * The assistant's knowledge base. One partition per version and intent
 * (`KNOWLEDGE#v<version>#<intent>` / `ENTRY#<entryId>`), so the chat endpoint reads an intent's
 * candidate entries with one Query; versions never share items, so writing a new version cannot
 * disturb the one being read. The one pointer readers follow (`KNOWLEDGE` / `ACTIVE`) is switched
 * with a condition on the version it replaces; the counter beside it (`KNOWLEDGE` / `COUNTER`)
 * hands out version numbers, so two loads at once never write into the same version's partitions.
 */
const ENTRY = 'knowledgeEntry';
const ACTIVE = 'knowledgeActive';
const COUNTER = 'knowledgeCounter';

const ACTIVE_KEY = { pk: 'KNOWLEDGE', sk: 'ACTIVE' };
const COUNTER_KEY = { pk: 'KNOWLEDGE', sk: 'COUNTER' };
const entriesPk = (version: number, intent: string) => `KNOWLEDGE#v${version}#${intent}`;

/** DynamoDB's most put requests in one BatchWriteItem. */
const BATCH_SIZE = 25;

/** An entry of a version as stored. */
export function knowledgeEntryItem(version: number, entry: KnowledgeEntry): Item {
  return entityItem(ENTRY, {
    kbVersion: version,
    intent: entry.intent,
    entryId: entry.id,
    questions: entry.questions,
    answer: entry.answer,
    personal: entry.personal ? true : undefined,
    actions: entry.actions?.length ? entry.actions : undefined,
    pk: entriesPk(version, entry.intent),
    sk: `ENTRY#${entry.id}`,
  });
}

/** The active version's pointer as stored. */
export function activeKnowledgeItem(active: KnowledgeVersionRecord): Item {
  return entityItem(ACTIVE, {
    kbVersion: active.version,
    contentHash: active.contentHash,
    entryCount: active.entryCount,
    activatedAt: active.activatedAt,
    ...ACTIVE_KEY,
  });
}

export class DynamoKnowledgeBaseRepository implements KnowledgeBaseRepository {
  constructor(private readonly ctx: TableContext) {}

  async activeVersion(): Promise<KnowledgeVersionRecord | null> {
    const item = await getItem(this.ctx, ACTIVE_KEY);
    if (!isEntityItem(ACTIVE, item)) return null;
    return {
      version: item.kbVersion as number,
      contentHash: item.contentHash as string,
      entryCount: item.entryCount as number,
      activatedAt: item.activatedAt as number,
    };
  }

  async reserveVersion(): Promise<number> {
    const { Attributes } = await this.ctx.client.send(
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: COUNTER_KEY,
        UpdateExpression: 'SET #e = :e, #v = :v ADD #last :one',
        ExpressionAttributeNames: { '#e': '__edb_e__', '#v': '__edb_v__', '#last': 'last' },
        ExpressionAttributeValues: { ':e': COUNTER, ':v': '1', ':one': 1 },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return (Attributes?.last as number | undefined) ?? 1;
  }

  /** The entries in batches of 25, one batch after the other; any item left unprocessed is an error. */
  async putEntries(version: number, entries: readonly KnowledgeEntry[]): Promise<void> {
    if (entries.length === 0) return;
    let unprocessed = 0;
    for (let start = 0; start < entries.length; start += BATCH_SIZE) {
      const { UnprocessedItems } = await this.ctx.client.send(
        new BatchWriteCommand({
          RequestItems: {
            [this.ctx.table]: entries
              .slice(start, start + BATCH_SIZE)
              .map((entry) => ({ PutRequest: { Item: knowledgeEntryItem(version, entry) } })),
          },
        }),
      );
      unprocessed += UnprocessedItems?.[this.ctx.table]?.length ?? 0;
    }
    if (unprocessed > 0) throw new Error(`${unprocessed} knowledge entries were not written`);
  }

  async activate(next: KnowledgeVersionRecord, expectedVersion: number | null): Promise<boolean> {
    try {
      await this.ctx.client.send(
        new PutCommand({
          TableName: this.ctx.table,
          Item: activeKnowledgeItem(next),
          ExpressionAttributeNames: { '#kbVersion': 'kbVersion' },
          ...(expectedVersion === null
            ? { ConditionExpression: 'attribute_not_exists(#kbVersion)' }
            : {
                ConditionExpression: '#kbVersion = :expected',
                ExpressionAttributeValues: { ':expected': expectedVersion },
              }),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async entriesOf(version: number, intent: Intent): Promise<KnowledgeEntry[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :entry)',
      ExpressionAttributeValues: { ':pk': entriesPk(version, intent), ':entry': 'ENTRY#' },
    });
    return entityItems(ENTRY, items).map((item) => {
      const actions = item.actions as KnowledgeAction[] | undefined;
      return {
        id: item.entryId as string,
        intent: item.intent as Intent,
        questions: item.questions as string[],
        answer: item.answer as string,
        ...(item.personal ? { personal: true } : {}),
        ...(actions?.length ? { actions } : {}),
      };
    });
  }
}

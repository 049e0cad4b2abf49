import type { Intent } from '@zhixiang/shared/assistant/intents';
import { ASSISTANT_FLOWS, type KnowledgeEntry } from '@zhixiang/shared/assistant/knowledge';
import type { KnowledgeBaseRepository, KnowledgeVersionRecord } from '@zhixiang/shared/ports/knowledge-base';
import { Entity } from 'electrodb';
import {
  ALL_PAGES,
  isConditionalCheckFailed,
  SERVICE_NAME,
  type TableContext,
} from '../../platform/dynamodb/table';

/**
 * The assistant's knowledge base. One partition per version and intent, so the chat endpoint
 * reads an intent's candidate entries with one Query; versions never share items, so writing a
 * new version cannot disturb the one being read.
 */
const knowledgeEntrySchema = {
  model: { entity: 'knowledgeEntry', version: '1', service: SERVICE_NAME },
  attributes: {
    kbVersion: { type: 'number', required: true },
    intent: { type: 'string', required: true },
    entryId: { type: 'string', required: true },
    questions: { type: 'list', items: { type: 'string' }, required: true },
    answer: { type: 'string', required: true },
    personal: { type: 'boolean' },
    actions: {
      type: 'list',
      items: {
        type: 'map',
        properties: {
          label: { type: 'string', required: true },
          flow: { type: ASSISTANT_FLOWS, required: true },
        },
      },
    },
  },
  indexes: {
    // An intent's entries of one version: the chat endpoint's only read.
    byIntent: {
      pk: {
        field: 'pk',
        composite: ['kbVersion', 'intent'],
        template: 'KNOWLEDGE#v${kbVersion}#${intent}',
        casing: 'none',
      },
      sk: { field: 'sk', composite: ['entryId'], template: 'ENTRY#${entryId}', casing: 'none' },
    },
  },
} as const;

// The one pointer readers follow; switched with a condition on the version it replaces.
const activeKnowledgeSchema = {
  model: { entity: 'knowledgeActive', version: '1', service: SERVICE_NAME },
  attributes: {
    kbVersion: { type: 'number', required: true },
    contentHash: { type: 'string', required: true },
    entryCount: { type: 'number', required: true },
    activatedAt: { type: 'number', required: true },
  },
  indexes: {
    pointer: {
      pk: { field: 'pk', composite: [], template: 'KNOWLEDGE', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'ACTIVE', casing: 'none' },
    },
  },
} as const;

// Hands out version numbers: two loads at once never write into the same version's partitions.
const knowledgeCounterSchema = {
  model: { entity: 'knowledgeCounter', version: '1', service: SERVICE_NAME },
  attributes: { last: { type: 'number' } },
  indexes: {
    counter: {
      pk: { field: 'pk', composite: [], template: 'KNOWLEDGE', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'COUNTER', casing: 'none' },
    },
  },
} as const;

export function createKnowledgeEntities(ctx: TableContext) {
  return {
    entry: new Entity(knowledgeEntrySchema, ctx),
    active: new Entity(activeKnowledgeSchema, ctx),
    counter: new Entity(knowledgeCounterSchema, ctx),
  };
}
type KnowledgeEntities = ReturnType<typeof createKnowledgeEntities>;

export class DynamoKnowledgeBaseRepository implements KnowledgeBaseRepository {
  constructor(private readonly entities: KnowledgeEntities) {}

  async activeVersion(): Promise<KnowledgeVersionRecord | null> {
    const { data } = await this.entities.active.get({}).go();
    if (!data) return null;
    return {
      version: data.kbVersion,
      contentHash: data.contentHash,
      entryCount: data.entryCount,
      activatedAt: data.activatedAt,
    };
  }

  async reserveVersion(): Promise<number> {
    const { data } = await this.entities.counter.update({}).add({ last: 1 }).go({ response: 'all_new' });
    return data.last ?? 1;
  }

  async putEntries(version: number, entries: readonly KnowledgeEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const { unprocessed } = await this.entities.entry
      .put(
        entries.map((e) => ({
          kbVersion: version,
          intent: e.intent,
          entryId: e.id,
          questions: e.questions,
          answer: e.answer,
          ...(e.personal ? { personal: true } : {}),
          ...(e.actions?.length ? { actions: e.actions } : {}),
        })),
      )
      .go();
    if (unprocessed.length > 0) throw new Error(`${unprocessed.length} knowledge entries were not written`);
  }

  async activate(next: KnowledgeVersionRecord, expectedVersion: number | null): Promise<boolean> {
    try {
      await this.entities.active
        .put({
          kbVersion: next.version,
          contentHash: next.contentHash,
          entryCount: next.entryCount,
          activatedAt: next.activatedAt,
        })
        .where((attr, op) =>
          expectedVersion === null ? op.notExists(attr.kbVersion) : op.eq(attr.kbVersion, expectedVersion),
        )
        .go();
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async entriesOf(version: number, intent: Intent): Promise<KnowledgeEntry[]> {
    const { data } = await this.entities.entry.query.byIntent({ kbVersion: version, intent }).go(ALL_PAGES);
    return data.map((item) => ({
      id: item.entryId,
      intent: item.intent as Intent,
      questions: item.questions,
      answer: item.answer,
      ...(item.personal ? { personal: true } : {}),
      ...(item.actions?.length ? { actions: item.actions } : {}),
    }));
  }
}

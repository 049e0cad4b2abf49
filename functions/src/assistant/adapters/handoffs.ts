import { HANDOFF_MODES, HANDOFF_STATUSES } from '@zhixiang/shared/assistant/handoff';
import { INTENTS, type Intent } from '@zhixiang/shared/assistant/intents';
import type { HandoffMessageRecord, HandoffRecord, HandoffStore } from '@zhixiang/shared/ports/handoffs';
import { Entity } from 'electrodb';
import { UpdateCommand } from '../../platform/dynamodb/document-client';
import {
  ALL_PAGES,
  isConditionalCheckFailed,
  orNull,
  SERVICE_NAME,
  type TableContext,
} from '../../platform/dynamodb/table';

/**
 * Handoffs to a person and their messages, one partition per handoff. Kept as service records
 * (no TTL). The queue index groups handoffs by status, ordered by branch path then time, so a
 * staff member's subtree is one `begins_with` Query.
 */
const handoffSchema = {
  model: { entity: 'handoff', version: '1', service: SERVICE_NAME },
  attributes: {
    handoffId: { type: 'string', required: true },
    customerId: { type: 'string', required: true },
    customerName: { type: 'string', required: true },
    branchPath: { type: 'string', required: true },
    intent: { type: INTENTS },
    status: { type: HANDOFF_STATUSES, required: true },
    // Handoffs from before service hours existed were all live.
    mode: { type: HANDOFF_MODES, default: 'live' },
    createdAt: { type: 'number', required: true },
    claimedBy: { type: 'string' },
    claimedByName: { type: 'string' },
    summary: { type: 'string' },
    closedAt: { type: 'number' },
    lastSeq: { type: 'number' },
    /** When the customer was told by SMS that their message (留言) was answered. */
    customerNotifiedAt: { type: 'number' },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['handoffId'], template: 'HANDOFF#${handoffId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'HANDOFF', casing: 'none' },
    },
    // The staff queue: a status's handoffs of a branch subtree, oldest first.
    queue: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['status'], template: 'HANDOFFS#${status}', casing: 'none' },
      sk: {
        field: 'gsi1sk',
        composite: ['branchPath', 'createdAt', 'handoffId'],
        template: '${branchPath}#${createdAt}#${handoffId}',
        casing: 'none',
      },
    },
    // A customer's handoffs, newest last: the 客服 tab resumes the latest or shows its answer.
    byCustomer: {
      index: 'gsi2',
      pk: {
        field: 'gsi2pk',
        composite: ['customerId'],
        template: 'CUSTOMER#${customerId}#HANDOFFS',
        casing: 'none',
      },
      sk: { field: 'gsi2sk', composite: ['createdAt'], template: 'HANDOFF#${createdAt}', casing: 'none' },
    },
  },
} as const;

const handoffMessageSchema = {
  model: { entity: 'handoffMessage', version: '1', service: SERVICE_NAME },
  attributes: {
    handoffId: { type: 'string', required: true },
    seq: { type: 'number', required: true },
    from: { type: ['customer', 'staff'] as const, required: true },
    senderId: { type: 'string', required: true },
    text: { type: 'string', required: true },
    at: { type: 'number', required: true },
  },
  indexes: {
    // Messages in order; polling reads those above the last seq seen.
    byHandoff: {
      pk: { field: 'pk', composite: ['handoffId'], template: 'HANDOFF#${handoffId}', casing: 'none' },
      sk: {
        field: 'sk',
        composite: ['seq'],
        template: 'MSG#${seq}',
        casing: 'none',
        padding: { length: 8, char: '0' },
      },
    },
  },
} as const;

type HandoffItem = {
  handoffId: string;
  customerId: string;
  customerName: string;
  branchPath: string;
  intent?: string | undefined;
  status: HandoffRecord['status'];
  mode?: HandoffRecord['mode'] | undefined;
  createdAt: number;
  claimedBy?: string | undefined;
  claimedByName?: string | undefined;
  summary?: string | undefined;
  closedAt?: number | undefined;
  lastSeq?: number | undefined;
};

function toRecord(item: HandoffItem): HandoffRecord {
  return {
    handoffId: item.handoffId,
    customerId: item.customerId,
    customerName: item.customerName,
    branchPath: item.branchPath,
    intent: (item.intent as Intent | undefined) ?? null,
    status: item.status,
    mode: item.mode ?? 'live',
    createdAt: item.createdAt,
    claimedBy: orNull(item.claimedBy),
    claimedByName: orNull(item.claimedByName),
    summary: orNull(item.summary),
    closedAt: orNull(item.closedAt),
    lastSeq: item.lastSeq ?? 0,
  };
}

export class DynamoHandoffStore implements HandoffStore {
  private readonly handoffs;
  private readonly messages;

  constructor(private readonly ctx: TableContext) {
    this.handoffs = new Entity(handoffSchema, ctx);
    this.messages = new Entity(handoffMessageSchema, ctx);
  }

  async createOrGet(handoff: HandoffRecord): Promise<HandoffRecord> {
    try {
      await this.handoffs
        .create({
          handoffId: handoff.handoffId,
          customerId: handoff.customerId,
          customerName: handoff.customerName,
          branchPath: handoff.branchPath,
          ...(handoff.intent ? { intent: handoff.intent } : {}),
          status: 'queued',
          mode: handoff.mode,
          createdAt: handoff.createdAt,
          lastSeq: 0,
        })
        .go();
      return { ...handoff, status: 'queued', lastSeq: 0 };
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      const existing = await this.get(handoff.handoffId);
      if (!existing) throw error;
      return existing;
    }
  }

  async get(handoffId: string): Promise<HandoffRecord | null> {
    const { data } = await this.handoffs.get({ handoffId }).go();
    return data ? toRecord(data) : null;
  }

  async listOpen(branchPath: string): Promise<HandoffRecord[]> {
    const inSubtree = (h: HandoffRecord) =>
      branchPath === '' || h.branchPath === branchPath || h.branchPath.startsWith(`${branchPath}/`);
    const [queued, claimed] = await Promise.all(
      (['queued', 'claimed'] as const).map((status) =>
        // An empty path (admins) is every branch: the whole status partition.
        branchPath
          ? this.handoffs.query.queue({ status }).begins({ branchPath }).go(ALL_PAGES)
          : this.handoffs.query.queue({ status }).go(ALL_PAGES),
      ),
    );
    return [...(queued?.data ?? []), ...(claimed?.data ?? [])]
      .map(toRecord)
      .filter(inSubtree)
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  claim(handoffId: string, staffId: string, staffName: string): Promise<HandoffRecord | null> {
    return this.transition(
      handoffId,
      { status: 'queued' },
      { status: 'claimed', claimedBy: staffId, claimedByName: staffName },
    );
  }

  withdraw(handoffId: string, summary: string, at: number): Promise<HandoffRecord | null> {
    return this.transition(handoffId, { status: 'queued' }, { status: 'closed', summary, closedAt: at });
  }

  close(handoffId: string, staffId: string, summary: string, at: number): Promise<HandoffRecord | null> {
    return this.transition(
      handoffId,
      { status: 'claimed', claimedBy: staffId },
      { status: 'closed', summary, closedAt: at },
    );
  }

  /**
   * One status change as a conditional write: null unless the handoff is as `expected` (its status,
   * and who claimed it), checked on the item read and again by the write's condition, so a
   * concurrent change makes this one null instead of being overwritten. The queue index's key
   * attributes are written along, as ElectroDB needs them to rebuild the keys.
   */
  private async transition(
    handoffId: string,
    expected: { status: HandoffRecord['status']; claimedBy?: string },
    set: Partial<Pick<HandoffItem, 'status' | 'claimedBy' | 'claimedByName' | 'summary' | 'closedAt'>>,
  ): Promise<HandoffRecord | null> {
    const current = await this.get(handoffId);
    const { claimedBy } = expected;
    if (current?.status !== expected.status || (claimedBy !== undefined && current.claimedBy !== claimedBy))
      return null;
    try {
      const { data } = await this.handoffs
        .patch({ handoffId })
        .set({
          ...set,
          branchPath: current.branchPath,
          createdAt: current.createdAt,
          customerId: current.customerId,
        })
        .where((attr, op) =>
          claimedBy === undefined
            ? op.eq(attr.status, expected.status)
            : `${op.eq(attr.status, expected.status)} AND ${op.eq(attr.claimedBy, claimedBy)}`,
        )
        .go({ response: 'all_new' });
      return toRecord(data as HandoffItem);
    } catch (error) {
      if (isConditionalCheckFailed(error)) return null;
      throw error;
    }
  }

  async appendMessage(message: Omit<HandoffMessageRecord, 'seq'>): Promise<HandoffMessageRecord | null> {
    let seq: number;
    try {
      const result = await this.ctx.client.send(
        new UpdateCommand({
          TableName: this.ctx.table,
          Key: { pk: `HANDOFF#${message.handoffId}`, sk: 'HANDOFF' },
          UpdateExpression: 'ADD lastSeq :one',
          ConditionExpression: 'attribute_exists(pk) AND #status <> :closed',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':one': 1, ':closed': 'closed' },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      seq = Number(result.Attributes?.lastSeq);
    } catch (error) {
      if (isConditionalCheckFailed(error)) return null;
      throw error;
    }
    const record = { ...message, seq };
    // The seq is this request's alone, so the create cannot collide; a failure leaves a gap, never a duplicate.
    await this.messages.create(record).go();
    return record;
  }

  async listMessages(handoffId: string, afterSeq: number): Promise<HandoffMessageRecord[]> {
    const { data } = await this.messages.query.byHandoff({ handoffId }).gt({ seq: afterSeq }).go(ALL_PAGES);
    return data.map((m) => ({ ...m }));
  }

  async latestOfCustomer(customerId: string, since: number): Promise<HandoffRecord | null> {
    const { data } = await this.handoffs.query
      .byCustomer({ customerId })
      .gte({ createdAt: since })
      .go({ order: 'desc', limit: 1 });
    return data[0] ? toRecord(data[0]) : null;
  }

  async markCustomerNotified(handoffId: string, at: number): Promise<boolean> {
    try {
      await this.ctx.client.send(
        new UpdateCommand({
          TableName: this.ctx.table,
          Key: { pk: `HANDOFF#${handoffId}`, sk: 'HANDOFF' },
          UpdateExpression: 'SET customerNotifiedAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(customerNotifiedAt)',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async clearCustomerNotified(handoffId: string): Promise<void> {
    await this.ctx.client.send(
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: { pk: `HANDOFF#${handoffId}`, sk: 'HANDOFF' },
        UpdateExpression: 'REMOVE customerNotifiedAt',
      }),
    );
  }
}

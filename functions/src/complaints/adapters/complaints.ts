import { shanghaiDate } from '@zhixiang/shared/complaints/calendar';
import { complaintMeasurement } from '@zhixiang/shared/complaints/measurement';
import type {
  ComplaintEventRecord,
  ComplaintRecord,
  ComplaintStore,
  DecisionLetterEntry,
  PolicyCountSnapshot,
} from '@zhixiang/shared/ports/complaints';
import type { VoiceItemRecord } from '@zhixiang/shared/ports/voice';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '../../platform/dynamodb/document-client';
import {
  conditionally,
  isConditionalCheckFailed,
  queryAll,
  queryPages,
  type TableContext,
} from '../../platform/dynamodb/table';
import { measurementPut } from '../../platform/measurement/measurement-stream';
import { scanEntityPages } from '../../platform/records/point-reads';
import { voiceFeedItem, voiceItemPuts } from '../../voice/adapters/voice-store';

/**
 * Complaints (投诉工单): one partition per complaint holding the complaint item and its
 * append-only event log (`EVENT#<seq>`). Every state change is one transaction: the complaint put
 * on the condition that it is still at the version read, and the event created only if new.
 * Indexes: gsi1 = the open complaints by handling branch path (a subtree is one `begins_with`;
 * removed once decided), gsi2 = a customer's complaints by receipt time. The decision letter's
 * outbox entry (`DECISION_LETTER`) sits in the complaint's partition, on gsi1 under
 * `COMPLAINTS#DECISION_LETTERS` while pending; the voice feed's entry (`VOICE_FEED`, the
 * customer-voice context's outbox) is written with the `received` event. gsi3 = the complaints
 * received in a Shanghai month by the policy's branch path (the report). The in-force policies per
 * branch, counted by an admin command, are one snapshot item (`COMPLAINTS#POLICY_COUNTS`). A
 * complaint another context asks for under an idempotency key has its guard,
 * `COMPLAINTSOURCE#<key>` / `COMPLAINT`, created with it only if new: one key, one complaint.
 * Key shapes: docs/dynamodb-access-patterns.md.
 */
const complaintKey = (complaintId: string) => ({ pk: `COMPLAINT#${complaintId}`, sk: 'COMPLAINT' });
const eventKey = (complaintId: string, seq: number) => ({
  pk: `COMPLAINT#${complaintId}`,
  sk: `EVENT#${String(seq).padStart(10, '0')}`,
});
const OPEN = 'COMPLAINTS#OPEN';
/** The report's index: complaints received in a Shanghai month (YYYY-MM). */
const receivedInMonth = (month: string) => `COMPLAINTS#RECEIVED#${month}`;
const sourceKeyOf = (sourceKey: string) => ({ pk: `COMPLAINTSOURCE#${sourceKey}`, sk: 'COMPLAINT' });
const POLICY_COUNTS_KEY = { pk: 'COMPLAINTS#POLICY_COUNTS', sk: 'SNAPSHOT' };
/** Open complaints per page of the escalation job's walk. */
const OPEN_PAGE_SIZE = 200;
const LETTERS_PENDING = 'COMPLAINTS#DECISION_LETTERS';
const decisionLetterKey = (complaintId: string) => ({
  pk: `COMPLAINT#${complaintId}`,
  sk: 'DECISION_LETTER',
});

/** The decision letter to issue, enqueued by the `decided` event itself. */
function decisionLetterItem(c: ComplaintRecord, event: ComplaintEventRecord): Record<string, unknown> {
  const entry: DecisionLetterEntry = {
    complaintId: c.complaintId,
    customerId: c.customerId,
    policyNo: c.policyNo,
    category: c.category,
    receivedAt: c.receivedAt,
    decidedAt: event.at,
    decision: event.note ?? '',
    status: 'pending',
    letterId: null,
    attempts: 0,
  };
  return {
    ...decisionLetterKey(c.complaintId),
    entity: 'complaintDecisionLetter',
    ...entry,
    gsi1pk: LETTERS_PENDING,
    gsi1sk: `${event.at}#${c.complaintId}`,
  };
}

function toDecisionLetter(item: Record<string, unknown>): DecisionLetterEntry {
  const { pk: _pk, sk: _sk, entity: _e, gsi1pk: _a, gsi1sk: _b, lastError: _l, issuedAt: _i, ...rest } = item;
  return rest as unknown as DecisionLetterEntry;
}

/** The complaint as stored (exported for the escalation benchmark's bulk load). */
export function complaintItem(c: ComplaintRecord): Record<string, unknown> {
  return {
    ...complaintKey(c.complaintId),
    ...c,
    entity: 'complaint',
    ...(c.status === 'decided'
      ? {}
      : { gsi1pk: OPEN, gsi1sk: `${c.handlingBranchPath}#${c.receivedAt}#${c.complaintId}` }),
    gsi2pk: `CUSTOMER#${c.customerId}#COMPLAINTS`,
    gsi2sk: `COMPLAINT#${c.receivedAt}#${c.complaintId}`,
    gsi3pk: receivedInMonth(shanghaiDate(Date.parse(c.receivedAt)).slice(0, 7)),
    gsi3sk: `${c.branchPath}#${c.receivedAt}#${c.complaintId}`,
  };
}

/** An event of a complaint's log as stored (exported for the escalation benchmark's bulk load). */
export function complaintEventItem(event: ComplaintEventRecord): Record<string, unknown> {
  return { ...eventKey(event.complaintId, event.seq), entity: 'complaintEvent', ...event };
}

function toRecord(item: Record<string, unknown>): ComplaintRecord {
  const {
    pk: _pk,
    sk: _sk,
    entity: _e,
    gsi1pk: _a,
    gsi1sk: _b,
    gsi2pk: _c,
    gsi2sk: _d,
    gsi3pk: _f,
    gsi3sk: _g,
    ...rest
  } = item;
  return rest as unknown as ComplaintRecord;
}

function toEvent(item: Record<string, unknown>): ComplaintEventRecord {
  const { pk: _pk, sk: _sk, entity: _e, ...rest } = item;
  return rest as unknown as ComplaintEventRecord;
}

/** 2026-12 → 2027-01. */
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export class DynamoComplaintStore implements ComplaintStore {
  constructor(private readonly ctx: TableContext) {}

  /**
   * Writes complaints and their events in one transaction: each complaint on the condition that it
   * is new or still at the version read, each event only if new. False when a condition fails.
   */
  private async write(
    changes: readonly {
      complaint: ComplaintRecord;
      event: ComplaintEventRecord;
      condition: 'new' | number;
    }[],
    guards: NonNullable<TransactWriteCommandInput['TransactItems']> = [],
  ): Promise<boolean> {
    try {
      await this.ctx.client.send(
        new TransactWriteCommand({
          TransactItems: [
            ...guards,
            ...changes.flatMap(({ complaint, event, condition }) => [
              {
                Put: {
                  TableName: this.ctx.table,
                  Item: complaintItem(complaint),
                  ...(condition === 'new'
                    ? { ConditionExpression: 'attribute_not_exists(pk)' }
                    : {
                        ConditionExpression: 'version = :expected',
                        ExpressionAttributeValues: { ':expected': condition },
                      }),
                },
              },
              {
                Put: {
                  TableName: this.ctx.table,
                  Item: complaintEventItem(event),
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              // The service standards' measurement stream, written with the audit event it mirrors.
              measurementPut(this.ctx, complaintMeasurement(event, complaint)),
              ...(event.type === 'decided'
                ? [
                    {
                      Put: {
                        TableName: this.ctx.table,
                        Item: decisionLetterItem(complaint, event),
                        ConditionExpression: 'attribute_not_exists(pk)',
                      },
                    },
                  ]
                : []),
              // A complaint received is fed to the customer-voice stream through its outbox entry.
              ...(event.type === 'received'
                ? [
                    {
                      Put: {
                        TableName: this.ctx.table,
                        Item: voiceFeedItem({
                          complaintId: complaint.complaintId,
                          customerId: complaint.customerId,
                          category: complaint.category,
                          description: complaint.description,
                          branchPath: complaint.branchPath,
                          receivedAt: complaint.receivedAt,
                        }),
                        ConditionExpression: 'attribute_not_exists(pk)',
                      },
                    },
                  ]
                : []),
            ]),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  create(complaint: ComplaintRecord, event: ComplaintEventRecord, sourceKey?: string): Promise<boolean> {
    return this.write(
      [{ complaint, event, condition: 'new' }],
      sourceKey
        ? [
            {
              Put: {
                TableName: this.ctx.table,
                Item: {
                  ...sourceKeyOf(sourceKey),
                  entity: 'complaintSource',
                  complaintId: complaint.complaintId,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ]
        : [],
    );
  }

  async getBySource(sourceKey: string): Promise<string | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: sourceKeyOf(sourceKey), ConsistentRead: true }),
    );
    return Item ? String(Item.complaintId) : null;
  }

  async transition(
    next: ComplaintRecord,
    event: ComplaintEventRecord,
    voiceItem: VoiceItemRecord | null = null,
  ): Promise<ComplaintRecord | null> {
    return (await this.write(
      [{ complaint: next, event, condition: next.version - 1 }],
      voiceItem ? voiceItemPuts(this.ctx.table, voiceItem) : [],
    ))
      ? next
      : null;
  }

  reopen(
    decided: { next: ComplaintRecord; event: ComplaintEventRecord },
    created: { complaint: ComplaintRecord; event: ComplaintEventRecord },
  ): Promise<boolean> {
    return this.write([
      { complaint: decided.next, event: decided.event, condition: decided.next.version - 1 },
      { complaint: created.complaint, event: created.event, condition: 'new' },
    ]);
  }

  async get(complaintId: string): Promise<ComplaintRecord | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: complaintKey(complaintId), ConsistentRead: true }),
    );
    return Item ? toRecord(Item) : null;
  }

  async events(complaintId: string): Promise<ComplaintEventRecord[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :event)',
      ExpressionAttributeValues: { ':pk': `COMPLAINT#${complaintId}`, ':event': 'EVENT#' },
      ConsistentRead: true,
    });
    return items.map(toEvent);
  }

  async listByCustomer(customerId: string): Promise<ComplaintRecord[]> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': `CUSTOMER#${customerId}#COMPLAINTS` },
      ScanIndexForward: false,
    });
    return items.map(toRecord);
  }

  async listOpen(handlingBranchPrefix: string): Promise<ComplaintRecord[]> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi1',
      KeyConditionExpression: handlingBranchPrefix
        ? 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)'
        : 'gsi1pk = :pk',
      ExpressionAttributeValues: {
        ':pk': OPEN,
        ...(handlingBranchPrefix ? { ':prefix': handlingBranchPrefix } : {}),
      },
    });
    return items.map(toRecord).sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt));
  }

  async *openPages(): AsyncGenerator<ComplaintRecord[]> {
    for await (const page of queryPages(this.ctx, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': OPEN },
      Limit: OPEN_PAGE_SIZE,
    }))
      yield page.map(toRecord);
  }

  async listReceivedBetween(fromMs: number, toMs: number, branchPrefix: string): Promise<ComplaintRecord[]> {
    const out: ComplaintRecord[] = [];
    const last = shanghaiDate(toMs - 1).slice(0, 7);
    for (let month = shanghaiDate(fromMs).slice(0, 7); month <= last; month = nextMonth(month)) {
      const items = await queryAll(this.ctx, {
        IndexName: 'gsi3',
        KeyConditionExpression: branchPrefix
          ? 'gsi3pk = :pk AND begins_with(gsi3sk, :prefix)'
          : 'gsi3pk = :pk',
        ExpressionAttributeValues: {
          ':pk': receivedInMonth(month),
          ...(branchPrefix ? { ':prefix': branchPrefix } : {}),
        },
      });
      for (const item of items) {
        const at = Date.parse(String(item.receivedAt));
        if (at >= fromMs && at < toMs) out.push(toRecord(item));
      }
    }
    return out.sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt));
  }

  async policyCounts(): Promise<PolicyCountSnapshot | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: POLICY_COUNTS_KEY }),
    );
    return Item ? { countedAt: String(Item.countedAt), counts: Item.counts as Record<string, number> } : null;
  }

  async countPolicies(at: string): Promise<PolicyCountSnapshot> {
    const counts: Record<string, number> = {};
    for await (const page of scanEntityPages(this.ctx, 'policy', 'POLICY', {
      attributes: ['branchPath', 'status'],
      limit: 1000,
    }))
      for (const item of page)
        if (item.status === 'in_force') {
          const path = String(item.branchPath);
          counts[path] = (counts[path] ?? 0) + 1;
        }
    const snapshot = { countedAt: at, counts };
    await this.ctx.client.send(
      new PutCommand({
        TableName: this.ctx.table,
        Item: { ...POLICY_COUNTS_KEY, entity: 'complaintPolicyCounts', ...snapshot },
      }),
    );
    return snapshot;
  }

  async decisionLetter(complaintId: string): Promise<DecisionLetterEntry | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: decisionLetterKey(complaintId) }),
    );
    return Item ? toDecisionLetter(Item) : null;
  }

  async listPendingDecisionLetters(limit: number): Promise<DecisionLetterEntry[]> {
    const { Items = [] } = await this.ctx.client.send(
      new QueryCommand({
        TableName: this.ctx.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': LETTERS_PENDING },
        Limit: limit,
      }),
    );
    return Items.map(toDecisionLetter);
  }

  markDecisionLetterIssued(complaintId: string, letterId: string, at: number): Promise<boolean> {
    // The index keys go with the status: the entry leaves the pending index in the same write.
    return conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: decisionLetterKey(complaintId),
        UpdateExpression: 'SET #status = :issued, letterId = :letterId, issuedAt = :at REMOVE gsi1pk, gsi1sk',
        ConditionExpression: 'attribute_exists(gsi1pk)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':issued': 'issued', ':letterId': letterId, ':at': at },
      }),
    );
  }

  async recordDecisionLetterFailure(complaintId: string, reason: string): Promise<void> {
    await conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: decisionLetterKey(complaintId),
        UpdateExpression: 'ADD attempts :one SET lastError = :reason',
        ConditionExpression: 'attribute_exists(gsi1pk)',
        ExpressionAttributeValues: { ':one': 1, ':reason': reason.slice(0, 500) },
      }),
    );
  }
}

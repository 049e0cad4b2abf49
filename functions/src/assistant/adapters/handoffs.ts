import type { Intent } from '@zhixiang/shared/assistant/intents';
import {
  handoffAnsweredMeasurement,
  handoffRequestedMeasurement,
} from '@zhixiang/shared/assistant/measurement';
import type { HandoffMessageRecord, HandoffRecord, HandoffStore } from '@zhixiang/shared/ports/handoffs';
import {
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '../../platform/dynamodb/document-client';
import {
  entityItem,
  entityItems,
  isConditionalCheckFailed,
  isEntityItem,
  orNull,
  queryAll,
  type TableContext,
} from '../../platform/dynamodb/table';
import { measurementPut } from '../../platform/measurement/measurement-stream';
import { getItem, type RawItem as Item } from '../../platform/records/point-reads';

/**
 * Handoffs to a person and their messages, one partition per handoff (`HANDOFF#<id>`: the handoff
 * at `HANDOFF`, its messages at `MSG#<seq>`). Kept as service records (no TTL). The queue index
 * (gsi1) groups handoffs by status, ordered by branch path then time, so a staff member's subtree
 * is one `begins_with` Query; gsi2 holds a customer's handoffs by time, newest last, so the 客服
 * tab resumes the latest or shows its answer. Key shapes: docs/dynamodb-access-patterns.md.
 * Its creation and its claim each write their service-standard measurement event
 * (shared/src/assistant/measurement.ts) in the same transaction.
 */
const HANDOFF = 'handoff';
const HANDOFF_MESSAGE = 'handoffMessage';

const handoffKey = (handoffId: string) => ({ pk: `HANDOFF#${handoffId}`, sk: 'HANDOFF' });
/** The seq padded to 10 digits, so that the keys sort as the messages were sent (`MSG#0000000012`). */
const messageSortKey = (seq: number) => `MSG#${String(seq).padStart(10, '0')}`;

/** What a handoff's index keys are made of: every write of one of these rewrites all four keys. */
type IndexedAttributes = Pick<
  HandoffRecord,
  'handoffId' | 'customerId' | 'branchPath' | 'status' | 'createdAt'
>;

function handoffIndexKeys(h: IndexedAttributes) {
  return {
    gsi1pk: `HANDOFFS#${h.status}`,
    gsi1sk: `${h.branchPath}#${h.createdAt}#${h.handoffId}`,
    gsi2pk: `CUSTOMER#${h.customerId}#HANDOFFS`,
    gsi2sk: `HANDOFF#${h.createdAt}`,
  };
}

/** A new handoff as stored: queued, no message yet. */
export function handoffItem(handoff: HandoffRecord): Item {
  const attributes = {
    handoffId: handoff.handoffId,
    customerId: handoff.customerId,
    customerName: handoff.customerName,
    branchPath: handoff.branchPath,
    intent: handoff.intent || undefined,
    status: 'queued' as const,
    // Handoffs from before service hours existed were all live.
    mode: handoff.mode ?? 'live',
    createdAt: handoff.createdAt,
    lastSeq: 0,
  };
  return entityItem(HANDOFF, {
    ...attributes,
    ...handoffKey(handoff.handoffId),
    ...handoffIndexKeys(attributes),
  });
}

/** A message of a handoff as stored. */
export function handoffMessageItem(message: HandoffMessageRecord): Item {
  return entityItem(HANDOFF_MESSAGE, {
    handoffId: message.handoffId,
    seq: message.seq,
    from: message.from,
    senderId: message.senderId,
    text: message.text,
    at: message.at,
    pk: handoffKey(message.handoffId).pk,
    sk: messageSortKey(message.seq),
  });
}

function toRecord(item: Item): HandoffRecord {
  return {
    handoffId: item.handoffId as string,
    customerId: item.customerId as string,
    customerName: item.customerName as string,
    branchPath: item.branchPath as string,
    intent: (item.intent as Intent | undefined) ?? null,
    status: item.status as HandoffRecord['status'],
    mode: (item.mode as HandoffRecord['mode'] | undefined) ?? 'live',
    createdAt: item.createdAt as number,
    claimedBy: orNull(item.claimedBy as string | undefined),
    claimedByName: orNull(item.claimedByName as string | undefined),
    summary: orNull(item.summary as string | undefined),
    closedAt: orNull(item.closedAt as number | undefined),
    lastSeq: (item.lastSeq as number | undefined) ?? 0,
  };
}

function toMessage(item: Item): HandoffMessageRecord {
  return {
    handoffId: item.handoffId as string,
    seq: item.seq as number,
    from: item.from as HandoffMessageRecord['from'],
    senderId: item.senderId as string,
    text: item.text as string,
    at: item.at as number,
  };
}

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

type TransitionSet = Partial<
  Pick<HandoffRecord, 'status' | 'claimedBy' | 'claimedByName' | 'summary' | 'closedAt'>
>;

export class DynamoHandoffStore implements HandoffStore {
  constructor(private readonly ctx: TableContext) {}

  async createOrGet(handoff: HandoffRecord): Promise<HandoffRecord> {
    try {
      await this.ctx.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.ctx.table,
                Item: handoffItem(handoff),
                ConditionExpression: 'attribute_not_exists(pk) AND attribute_not_exists(sk)',
              },
            },
            measurementPut(this.ctx, handoffRequestedMeasurement(handoff)),
          ],
        }),
      );
      return { ...handoff, status: 'queued', lastSeq: 0 };
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      const existing = await this.get(handoff.handoffId);
      if (!existing) throw error;
      return existing;
    }
  }

  async get(handoffId: string): Promise<HandoffRecord | null> {
    const item = await getItem(this.ctx, handoffKey(handoffId));
    return isEntityItem(HANDOFF, item) ? toRecord(item) : null;
  }

  async listOpen(branchPath: string): Promise<HandoffRecord[]> {
    const inSubtree = (h: HandoffRecord) =>
      branchPath === '' || h.branchPath === branchPath || h.branchPath.startsWith(`${branchPath}/`);
    const [queued, claimed] = await Promise.all(
      (['queued', 'claimed'] as const).map((status) =>
        // An empty path (admins) is every branch: the whole status partition.
        queryAll(
          this.ctx,
          branchPath
            ? {
                IndexName: 'gsi1',
                KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :path)',
                ExpressionAttributeValues: { ':pk': `HANDOFFS#${status}`, ':path': branchPath },
              }
            : {
                IndexName: 'gsi1',
                KeyConditionExpression: 'gsi1pk = :pk',
                ExpressionAttributeValues: { ':pk': `HANDOFFS#${status}` },
              },
        ),
      ),
    );
    return entityItems(HANDOFF, [...(queued ?? []), ...(claimed ?? [])])
      .map(toRecord)
      .filter(inSubtree)
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  claim(
    handoffId: string,
    staffId: string,
    staffName: string,
    at: number = Date.now(),
  ): Promise<HandoffRecord | null> {
    return this.transition(
      handoffId,
      { status: 'queued' },
      { status: 'claimed', claimedBy: staffId, claimedByName: staffName },
      (current) => measurementPut(this.ctx, handoffAnsweredMeasurement(current, staffId, at)),
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
   * concurrent change makes this one null instead of being overwritten. The status composes the
   * queue index's key, so the index keys are rewritten in the same update (from the item read:
   * the other attributes they are made of never change). With `alongside` (a measurement event),
   * the update and that item are one transaction, and the record answered is the one read with the
   * change applied (a transaction returns no attributes).
   */
  private async transition(
    handoffId: string,
    expected: { status: HandoffRecord['status']; claimedBy?: string },
    set: TransitionSet,
    alongside?: (current: HandoffRecord) => TransactItem,
  ): Promise<HandoffRecord | null> {
    const current = await this.get(handoffId);
    const { claimedBy } = expected;
    if (current?.status !== expected.status || (claimedBy !== undefined && current.claimedBy !== claimedBy))
      return null;
    const written: Item = {
      ...set,
      branchPath: current.branchPath,
      createdAt: current.createdAt,
      customerId: current.customerId,
      ...handoffIndexKeys({ ...current, ...set, status: set.status ?? current.status }),
      handoffId,
      __edb_e__: HANDOFF,
      __edb_v__: '1',
    };
    const names = Object.keys(written);
    const update = {
      TableName: this.ctx.table,
      Key: handoffKey(handoffId),
      // The attribute names are this method's own (never input), each a placeholder.
      UpdateExpression: `SET ${names.map((_, i) => `#a${i} = :a${i}`).join(', ')}`,
      ConditionExpression:
        claimedBy === undefined
          ? 'attribute_exists(pk) AND attribute_exists(sk) AND #status = :expected'
          : 'attribute_exists(pk) AND attribute_exists(sk) AND #status = :expected AND #claimedBy = :claimedBy',
      ExpressionAttributeNames: {
        ...Object.fromEntries(names.map((name, i) => [`#a${i}`, name])),
        '#status': 'status',
        ...(claimedBy === undefined ? {} : { '#claimedBy': 'claimedBy' }),
      },
      ExpressionAttributeValues: {
        ...Object.fromEntries(names.map((name, i) => [`:a${i}`, written[name]])),
        ':expected': expected.status,
        ...(claimedBy === undefined ? {} : { ':claimedBy': claimedBy }),
      },
    };
    try {
      if (alongside) {
        await this.ctx.client.send(
          new TransactWriteCommand({ TransactItems: [{ Update: update }, alongside(current)] }),
        );
        return { ...current, ...set };
      }
      const { Attributes } = await this.ctx.client.send(
        new UpdateCommand({ ...update, ReturnValues: 'ALL_NEW' }),
      );
      return toRecord(Attributes as Item);
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
          Key: handoffKey(message.handoffId),
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
    await this.ctx.client.send(
      new PutCommand({
        TableName: this.ctx.table,
        Item: handoffMessageItem(record),
        ConditionExpression: 'attribute_not_exists(pk) AND attribute_not_exists(sk)',
      }),
    );
    return record;
  }

  async listMessages(handoffId: string, afterSeq: number): Promise<HandoffMessageRecord[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'pk = :pk AND sk > :after',
      ExpressionAttributeValues: { ':pk': handoffKey(handoffId).pk, ':after': messageSortKey(afterSeq) },
    });
    return entityItems(HANDOFF_MESSAGE, items).map(toMessage);
  }

  async latestOfCustomer(customerId: string, since: number): Promise<HandoffRecord | null> {
    const { Items = [] } = await this.ctx.client.send(
      new QueryCommand({
        TableName: this.ctx.table,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk >= :since',
        ExpressionAttributeValues: { ':pk': `CUSTOMER#${customerId}#HANDOFFS`, ':since': `HANDOFF#${since}` },
        ScanIndexForward: false,
        Limit: 1,
      }),
    );
    const [latest] = entityItems(HANDOFF, Items);
    return latest ? toRecord(latest) : null;
  }

  async markCustomerNotified(handoffId: string, at: number): Promise<boolean> {
    try {
      await this.ctx.client.send(
        new UpdateCommand({
          TableName: this.ctx.table,
          Key: handoffKey(handoffId),
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
        Key: handoffKey(handoffId),
        UpdateExpression: 'REMOVE customerNotifiedAt',
      }),
    );
  }
}

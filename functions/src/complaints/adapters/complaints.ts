import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type {
  ComplaintEventRecord,
  ComplaintRecord,
  ComplaintStore,
} from '@zhixiang/shared/ports/complaints';
import { isConditionalCheckFailed, queryAll, type TableContext } from '../../platform/dynamodb/table';

/**
 * Complaints (投诉工单): one partition per complaint holding the complaint item and its
 * append-only event log (`EVENT#<seq>`). Every state change is one transaction: the complaint put
 * on the condition that it is still at the version read, and the event created only if new.
 * Indexes: gsi1 = the open complaints by handling branch path (a subtree is one `begins_with`;
 * removed once decided), gsi2 = a customer's complaints by receipt time. Key shapes:
 * docs/dynamodb-access-patterns.md.
 */
const complaintKey = (complaintId: string) => ({ pk: `COMPLAINT#${complaintId}`, sk: 'COMPLAINT' });
const eventKey = (complaintId: string, seq: number) => ({
  pk: `COMPLAINT#${complaintId}`,
  sk: `EVENT#${String(seq).padStart(10, '0')}`,
});
const OPEN = 'COMPLAINTS#OPEN';

function complaintItem(c: ComplaintRecord): Record<string, unknown> {
  return {
    ...complaintKey(c.complaintId),
    ...c,
    entity: 'complaint',
    ...(c.status === 'decided'
      ? {}
      : { gsi1pk: OPEN, gsi1sk: `${c.handlingBranchPath}#${c.receivedAt}#${c.complaintId}` }),
    gsi2pk: `CUSTOMER#${c.customerId}#COMPLAINTS`,
    gsi2sk: `COMPLAINT#${c.receivedAt}#${c.complaintId}`,
  };
}

function toRecord(item: Record<string, unknown>): ComplaintRecord {
  const { pk: _pk, sk: _sk, entity: _e, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, ...rest } = item;
  return rest as unknown as ComplaintRecord;
}

function toEvent(item: Record<string, unknown>): ComplaintEventRecord {
  const { pk: _pk, sk: _sk, entity: _e, ...rest } = item;
  return rest as unknown as ComplaintEventRecord;
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
  ): Promise<boolean> {
    try {
      await this.ctx.client.send(
        new TransactWriteCommand({
          TransactItems: changes.flatMap(({ complaint, event, condition }) => [
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
                Item: { ...eventKey(event.complaintId, event.seq), entity: 'complaintEvent', ...event },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ]),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  create(complaint: ComplaintRecord, event: ComplaintEventRecord): Promise<boolean> {
    return this.write([{ complaint, event, condition: 'new' }]);
  }

  async transition(next: ComplaintRecord, event: ComplaintEventRecord): Promise<ComplaintRecord | null> {
    return (await this.write([{ complaint: next, event, condition: next.version - 1 }])) ? next : null;
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
}

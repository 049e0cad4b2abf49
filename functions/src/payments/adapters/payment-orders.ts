import type { PaymentStatus } from '@zhixiang/shared/payments/state-machine';
import type { PaymentOrderRecord, PaymentOrderRepository } from '@zhixiang/shared/ports/payment-orders';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '../../platform/dynamodb/document-client';
import { conditionally, type TableContext } from '../../platform/dynamodb/table';

const key = (outTradeNo: string) => ({ pk: `PAYMENT#${outTradeNo}`, sk: 'PAYMENT' });
/** The sparse index of open orders by expiry: present only while pending. */
const PENDING_PK = 'PAYMENTS#PENDING';
const pendingSortKey = (order: Pick<PaymentOrderRecord, 'orderExpiresAt' | 'outTradeNo'>) =>
  `${String(order.orderExpiresAt).padStart(15, '0')}#${order.outTradeNo}`;

/**
 * Collection orders (WeChat Pay JSAPI), one item each: `PAYMENT#<outTradeNo>`. Every change of
 * status is an UpdateItem conditional on the status the state machine moved from, so of two
 * reports racing exactly one writes it. While pending an order is on gsi2 (`PAYMENTS#PENDING`,
 * sorted by expiry), where the expiry job finds it; leaving pending removes it from the index.
 * (Not `expiresAt`: that is the table's TTL attribute, and a paid order is kept.)
 */
export class DynamoPaymentOrders implements PaymentOrderRepository {
  constructor(private readonly ctx: TableContext) {}

  async create(order: PaymentOrderRecord): Promise<boolean> {
    return conditionally(
      this.ctx,
      new PutCommand({
        TableName: this.ctx.table,
        Item: {
          ...key(order.outTradeNo),
          ...order,
          ...(order.status === 'pending' ? { gsi2pk: PENDING_PK, gsi2sk: pendingSortKey(order) } : {}),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async get(outTradeNo: string): Promise<PaymentOrderRecord | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: key(outTradeNo), ConsistentRead: true }),
    );
    return Item ? toRecord(Item) : null;
  }

  async setPrepayId(outTradeNo: string, prepayId: string): Promise<void> {
    await this.ctx.client.send(
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: key(outTradeNo),
        UpdateExpression: 'SET prepayId = :prepayId',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':prepayId': prepayId },
      }),
    );
  }

  async transition(
    outTradeNo: string,
    from: PaymentStatus,
    to: PaymentStatus,
    fields: { at: number; transactionId?: string | null },
  ): Promise<boolean> {
    const stamp = to === 'paid' ? 'paidAt' : 'closedAt';
    return conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: key(outTradeNo),
        UpdateExpression: `SET #status = :to, ${stamp} = :at${
          fields.transactionId ? ', transactionId = :transactionId' : ''
        } REMOVE gsi2pk, gsi2sk`,
        ConditionExpression: '#status = :from',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':from': from,
          ':to': to,
          ':at': fields.at,
          ...(fields.transactionId ? { ':transactionId': fields.transactionId } : {}),
        },
      }),
    );
  }

  async listExpiredPending(now: number, limit: number): Promise<PaymentOrderRecord[]> {
    const { Items } = await this.ctx.client.send(
      new QueryCommand({
        TableName: this.ctx.table,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :until',
        ExpressionAttributeValues: { ':pk': PENDING_PK, ':until': `${String(now).padStart(15, '0')}$` },
        Limit: limit,
      }),
    );
    return (Items ?? []).map(toRecord);
  }
}

function toRecord(item: Record<string, unknown>): PaymentOrderRecord {
  const nullable = <T>(value: unknown) => (value === undefined ? null : (value as T));
  return {
    outTradeNo: item.outTradeNo as string,
    applicationId: item.applicationId as string,
    customerId: item.customerId as string,
    payerOpenid: item.payerOpenid as string,
    amountCents: item.amountCents as number,
    quotedOn: item.quotedOn as string,
    description: item.description as string,
    status: item.status as PaymentStatus,
    prepayId: nullable<string>(item.prepayId),
    transactionId: nullable<string>(item.transactionId),
    createdAt: item.createdAt as number,
    orderExpiresAt: item.orderExpiresAt as number,
    paidAt: nullable<number>(item.paidAt),
    closedAt: nullable<number>(item.closedAt),
  };
}

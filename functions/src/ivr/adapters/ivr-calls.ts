import type { IvrCallRecord, IvrCallStore } from '@zhixiang/shared/ports/ivr-calls';
import { PutCommand } from '../../platform/dynamodb/document-client';
import {
  conditionally,
  entityItem,
  orNull,
  type TableContext,
  toTtlSeconds,
} from '../../platform/dynamodb/table';
import { getItem } from '../../platform/records/point-reads';

/**
 * Caller pre-verification: one item per announced call, one per request nonce; both expire by TTL
 * (`expiresAt`, epoch seconds). Key shapes: docs/dynamodb-access-patterns.md.
 */
// The seat opens the screen-pop by the call id the phone system passes along with the call.
const callKey = (callId: string) => ({ pk: `IVRCALL#${callId}`, sk: 'CALL' });
// A signed request's nonce, created only if new: the database rejects a replay.
const nonceKey = (nonce: string) => ({ pk: `IVRNONCE#${nonce}`, sk: 'NONCE' });

/** The announced call's item (a caller not verified has no `customerId`). */
export function ivrCallItem(call: IvrCallRecord, expiresAt: number): Record<string, unknown> {
  return entityItem('ivrCall', {
    ...callKey(call.callId),
    callId: call.callId,
    callingNumberMasked: call.callingNumberMasked,
    verified: call.verified,
    customerId: call.customerId || undefined,
    receivedAt: call.receivedAt,
    expiresAt: toTtlSeconds(expiresAt),
  });
}

export function ivrNonceItem(nonce: string, expiresAt: number): Record<string, unknown> {
  return entityItem('ivrNonce', { ...nonceKey(nonce), nonce, expiresAt: toTtlSeconds(expiresAt) });
}

interface IvrCallItem {
  callId: string;
  callingNumberMasked: string;
  verified: boolean;
  customerId?: string;
  receivedAt: number;
}

export class DynamoIvrCallStore implements IvrCallStore {
  constructor(private readonly ctx: TableContext) {}

  async create(call: IvrCallRecord, expiresAt: number): Promise<void> {
    await this.ctx.client.send(
      new PutCommand({
        TableName: this.ctx.table,
        Item: ivrCallItem(call, expiresAt),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async get(callId: string): Promise<IvrCallRecord | null> {
    const item = (await getItem(this.ctx, callKey(callId))) as IvrCallItem | null;
    if (!item) return null;
    return {
      callId: item.callId,
      callingNumberMasked: item.callingNumberMasked,
      verified: item.verified,
      customerId: orNull(item.customerId),
      receivedAt: item.receivedAt,
    };
  }

  claimNonce(nonce: string, expiresAt: number): Promise<boolean> {
    return conditionally(
      this.ctx,
      new PutCommand({
        TableName: this.ctx.table,
        Item: ivrNonceItem(nonce, expiresAt),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }
}

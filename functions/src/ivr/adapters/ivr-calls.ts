import type { IvrCallRecord, IvrCallStore } from '@zhixiang/shared/ports/ivr-calls';
import { Entity } from 'electrodb';
import {
  isConditionalCheckFailed,
  orNull,
  SERVICE_NAME,
  type TableContext,
  TTL_ATTRIBUTE,
  toTtlSeconds,
} from '../../platform/dynamodb/table';

/** Caller pre-verification: one item per announced call, one per request nonce; both expire by TTL. */
const ttl = TTL_ATTRIBUTE;

const ivrCallSchema = {
  model: { entity: 'ivrCall', version: '1', service: SERVICE_NAME },
  attributes: {
    callId: { type: 'string', required: true },
    callingNumberMasked: { type: 'string', required: true },
    verified: { type: 'boolean', required: true },
    customerId: { type: 'string' },
    receivedAt: { type: 'number', required: true },
    ttl,
  },
  indexes: {
    // The seat opens the screen-pop by the call id the phone system passes along with the call.
    byId: {
      pk: { field: 'pk', composite: ['callId'], template: 'IVRCALL#${callId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'CALL', casing: 'none' },
    },
  },
} as const;

// A signed request's nonce, created only if new: the database rejects a replay.
const ivrNonceSchema = {
  model: { entity: 'ivrNonce', version: '1', service: SERVICE_NAME },
  attributes: { nonce: { type: 'string', required: true }, ttl },
  indexes: {
    byNonce: {
      pk: { field: 'pk', composite: ['nonce'], template: 'IVRNONCE#${nonce}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'NONCE', casing: 'none' },
    },
  },
} as const;

export class DynamoIvrCallStore implements IvrCallStore {
  private readonly calls;
  private readonly nonces;

  constructor(ctx: TableContext) {
    this.calls = new Entity(ivrCallSchema, ctx);
    this.nonces = new Entity(ivrNonceSchema, ctx);
  }

  async create(call: IvrCallRecord, expiresAt: number): Promise<void> {
    await this.calls
      .create({
        callId: call.callId,
        callingNumberMasked: call.callingNumberMasked,
        verified: call.verified,
        ...(call.customerId ? { customerId: call.customerId } : {}),
        receivedAt: call.receivedAt,
        ttl: toTtlSeconds(expiresAt),
      })
      .go();
  }

  async get(callId: string): Promise<IvrCallRecord | null> {
    const { data } = await this.calls.get({ callId }).go();
    if (!data) return null;
    return {
      callId: data.callId,
      callingNumberMasked: data.callingNumberMasked,
      verified: data.verified,
      customerId: orNull(data.customerId),
      receivedAt: data.receivedAt,
    };
  }

  async claimNonce(nonce: string, expiresAt: number): Promise<boolean> {
    try {
      await this.nonces.create({ nonce, ttl: toTtlSeconds(expiresAt) }).go();
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }
}

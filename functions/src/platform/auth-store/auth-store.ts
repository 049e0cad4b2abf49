import type {
  ConsentKind,
  ConsentLog,
  ConsentRecord,
  CustomerBindingRegistry,
  LockoutStore,
  OneTimeCodeRecord,
  OneTimeCodeStore,
  RateLimitDecision,
  RateLimiter,
  RateLimitRule,
  RefreshTokenRecord,
  RefreshTokenStore,
} from '@zhixiang/shared/ports/auth-store';
import { Entity } from 'electrodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '../dynamodb/document-client';
import {
  cancellationCodes,
  isConditionalCheckFailed,
  SERVICE_NAME,
  type TableContext,
} from '../dynamodb/table';

/**
 * Sign-in state. Every item carries the table's TTL attribute (`expiresAt`, epoch seconds) so
 * DynamoDB cleans up spent tokens and codes; DynamoDB Local never expires items and the real
 * service may take hours, so the code checks expiry itself and treats TTL as garbage collection.
 */
const ttl = { type: 'number', field: 'expiresAt' } as const;
const toTtl = (epochMs: number) => Math.ceil(epochMs / 1000);

const refreshTokenSchema = {
  model: { entity: 'refreshToken', version: '1', service: SERVICE_NAME },
  attributes: {
    tokenHash: { type: 'string', required: true },
    userId: { type: 'string', required: true },
    familyId: { type: 'string', required: true },
    issuedAt: { type: 'number', required: true },
    validUntil: { type: 'number', required: true },
    revokedAt: { type: 'number' },
    replacedBy: { type: 'string' },
    ttl,
  },
  indexes: {
    // A refresh request presents the token; its hash is the only key we have.
    byHash: {
      pk: { field: 'pk', composite: ['tokenHash'], template: 'RTOKEN#${tokenHash}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'RTOKEN', casing: 'none' },
    },
  },
} as const;

// One marker per revoked family: cheaper than finding every token of the family to revoke each.
const tokenFamilySchema = {
  model: { entity: 'tokenFamily', version: '1', service: SERVICE_NAME },
  attributes: {
    familyId: { type: 'string', required: true },
    revokedAt: { type: 'number', required: true },
    ttl,
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['familyId'], template: 'RFAMILY#${familyId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'REVOKED', casing: 'none' },
    },
  },
} as const;

const oneTimeCodeSchema = {
  model: { entity: 'oneTimeCode', version: '1', service: SERVICE_NAME },
  attributes: {
    subject: { type: 'string', required: true },
    codeHash: { type: 'string', required: true },
    phoneIndex: { type: 'string', required: true },
    customerId: { type: 'string', required: true },
    validUntil: { type: 'number', required: true },
    attempts: { type: 'number', required: true },
    createdAt: { type: 'number', required: true },
    ttl,
  },
  indexes: {
    bySubject: {
      pk: { field: 'pk', composite: ['subject'], template: 'OTP#${subject}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'OTP', casing: 'none' },
    },
  },
} as const;

// Fixed-window counters: one item per rule and window, gone with the TTL after the window ends.
const rateCounterSchema = {
  model: { entity: 'rateCounter', version: '1', service: SERVICE_NAME },
  attributes: {
    counterKey: { type: 'string', required: true },
    windowStart: { type: 'number', required: true },
    count: { type: 'number' },
    ttl,
  },
  indexes: {
    byWindow: {
      pk: { field: 'pk', composite: ['counterKey'], template: 'RATE#${counterKey}', casing: 'none' },
      sk: { field: 'sk', composite: ['windowStart'], template: 'W#${windowStart}', casing: 'none' },
    },
  },
} as const;

const lockoutSchema = {
  model: { entity: 'lockout', version: '1', service: SERVICE_NAME },
  attributes: {
    subject: { type: 'string', required: true },
    lockedUntil: { type: 'number', required: true },
    ttl,
  },
  indexes: {
    bySubject: {
      pk: { field: 'pk', composite: ['subject'], template: 'LOCK#${subject}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'LOCK', casing: 'none' },
    },
  },
} as const;

// A user's consents, newest last; kept as evidence, never overwritten (no TTL).
const consentSchema = {
  model: { entity: 'consent', version: '1', service: SERVICE_NAME },
  attributes: {
    userId: { type: 'string', required: true },
    kind: { type: ['privacy_guide', 'sensitive_id', 'face_id_processing'] as const, required: true },
    version: { type: 'string', required: true },
    at: { type: 'string', required: true },
  },
  indexes: {
    byUser: {
      pk: { field: 'pk', composite: ['userId'], template: 'USER#${userId}', casing: 'none' },
      sk: { field: 'sk', composite: ['at', 'kind'], template: 'CONSENT#${at}#${kind}', casing: 'none' },
    },
  },
} as const;

// The customer's one binding; created conditionally so concurrent binds cannot both win.
const customerBindingSchema = {
  model: { entity: 'customerBinding', version: '1', service: SERVICE_NAME },
  attributes: {
    customerId: { type: 'string', required: true },
    userId: { type: 'string', required: true },
    boundAt: { type: 'string', required: true },
  },
  indexes: {
    byCustomer: {
      pk: { field: 'pk', composite: ['customerId'], template: 'CUSTOMER#${customerId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'BINDING', casing: 'none' },
    },
  },
} as const;

export function createAuthEntities(ctx: TableContext) {
  return {
    refreshToken: new Entity(refreshTokenSchema, ctx),
    tokenFamily: new Entity(tokenFamilySchema, ctx),
    oneTimeCode: new Entity(oneTimeCodeSchema, ctx),
    rateCounter: new Entity(rateCounterSchema, ctx),
    lockout: new Entity(lockoutSchema, ctx),
    consent: new Entity(consentSchema, ctx),
    customerBinding: new Entity(customerBindingSchema, ctx),
  };
}
type AuthEntities = ReturnType<typeof createAuthEntities>;

/** Long enough for any audit of a token's history, short enough to keep the table small. */
const FAMILY_MARKER_TTL_MS = 60 * 24 * 3600_000;

export class DynamoRefreshTokenStore implements RefreshTokenStore {
  constructor(private readonly entities: AuthEntities) {}

  async put(record: RefreshTokenRecord): Promise<void> {
    await this.entities.refreshToken
      .create({
        tokenHash: record.tokenHash,
        userId: record.userId,
        familyId: record.familyId,
        issuedAt: record.issuedAt,
        validUntil: record.expiresAt,
        ttl: toTtl(record.expiresAt),
        ...(record.revokedAt !== null ? { revokedAt: record.revokedAt } : {}),
        ...(record.replacedBy !== null ? { replacedBy: record.replacedBy } : {}),
      })
      .go();
  }

  async get(tokenHash: string): Promise<RefreshTokenRecord | null> {
    const { data } = await this.entities.refreshToken.get({ tokenHash }).go();
    if (!data) return null;
    return {
      tokenHash: data.tokenHash,
      userId: data.userId,
      familyId: data.familyId,
      issuedAt: data.issuedAt,
      expiresAt: data.validUntil,
      revokedAt: data.revokedAt ?? null,
      replacedBy: data.replacedBy ?? null,
    };
  }

  async markRotated(tokenHash: string, replacedBy: string, now: number): Promise<boolean> {
    try {
      await this.entities.refreshToken
        .patch({ tokenHash })
        .set({ revokedAt: now, replacedBy })
        .where(({ revokedAt }, { notExists }) => notExists(revokedAt))
        .go();
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async revoke(tokenHash: string, now: number): Promise<void> {
    try {
      await this.entities.refreshToken
        .patch({ tokenHash })
        .set({ revokedAt: now })
        .where(({ revokedAt }, { notExists }) => notExists(revokedAt))
        .go();
    } catch (error) {
      // Already revoked or never existed: signing out twice is not an error.
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }

  async revokeFamily(familyId: string, now: number): Promise<void> {
    await this.entities.tokenFamily
      .put({ familyId, revokedAt: now, ttl: toTtl(now + FAMILY_MARKER_TTL_MS) })
      .go();
  }

  async isFamilyRevoked(familyId: string): Promise<boolean> {
    const { data } = await this.entities.tokenFamily.get({ familyId }).go();
    return data !== null;
  }
}

export class DynamoOneTimeCodeStore implements OneTimeCodeStore {
  constructor(private readonly entities: AuthEntities) {}

  async put(record: OneTimeCodeRecord): Promise<void> {
    await this.entities.oneTimeCode
      .put({
        subject: record.subject,
        codeHash: record.codeHash,
        phoneIndex: record.phoneIndex,
        customerId: record.customerId,
        validUntil: record.expiresAt,
        attempts: record.attempts,
        createdAt: record.createdAt,
        ttl: toTtl(record.expiresAt),
      })
      .go();
  }

  async get(subject: string): Promise<OneTimeCodeRecord | null> {
    const { data } = await this.entities.oneTimeCode.get({ subject }).go();
    if (!data) return null;
    return {
      subject: data.subject,
      codeHash: data.codeHash,
      phoneIndex: data.phoneIndex,
      customerId: data.customerId,
      expiresAt: data.validUntil,
      attempts: data.attempts,
      createdAt: data.createdAt,
    };
  }

  async recordFailedAttempt(subject: string): Promise<number> {
    try {
      const { data } = await this.entities.oneTimeCode
        .patch({ subject })
        .add({ attempts: 1 })
        .go({ response: 'all_new' });
      return data.attempts;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return Number.POSITIVE_INFINITY;
      throw error;
    }
  }

  async consume(subject: string, codeHash: string): Promise<boolean> {
    try {
      await this.entities.oneTimeCode
        .delete({ subject })
        .where((attr, { eq }) => eq(attr.codeHash, codeHash))
        .go();
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }
}

type TransactUpdate = NonNullable<NonNullable<TransactWriteCommandInput['TransactItems']>[number]['Update']>;

export class DynamoRateLimiter implements RateLimiter {
  constructor(
    private readonly entities: AuthEntities,
    private readonly ctx: TableContext,
  ) {}

  async consume(rules: RateLimitRule[], now: number): Promise<RateLimitDecision> {
    const windows = rules.map((rule) => {
      const windowMs = rule.windowSeconds * 1000;
      const windowStart = Math.floor(now / windowMs) * windowMs;
      return { rule, windowStart, windowEnd: windowStart + windowMs };
    });
    // One transaction: a request refused by one rule must not use up the others.
    const TransactItems = windows.map(({ rule, windowStart, windowEnd }) => ({
      Update: this.entities.rateCounter
        .update({ counterKey: rule.key, windowStart })
        .add({ count: 1 })
        .set({ ttl: toTtl(windowEnd) })
        .where(({ count }, { notExists, lt }) => `${notExists(count)} OR ${lt(count, rule.limit)}`)
        .params() as TransactUpdate,
    }));
    try {
      await this.ctx.client.send(new TransactWriteCommand({ TransactItems }));
      return { allowed: true };
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      const codes = cancellationCodes(error);
      const refused = windows.filter((_, i) => codes[i] === 'ConditionalCheckFailed');
      const until = Math.max(...(refused.length > 0 ? refused : windows).map((w) => w.windowEnd));
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)) };
    }
  }
}

export class DynamoLockoutStore implements LockoutStore {
  constructor(private readonly entities: AuthEntities) {}

  async lockedUntil(subject: string, now: number): Promise<number | null> {
    const { data } = await this.entities.lockout.get({ subject }).go();
    return data && data.lockedUntil > now ? data.lockedUntil : null;
  }

  async lock(subject: string, until: number): Promise<void> {
    await this.entities.lockout.put({ subject, lockedUntil: until, ttl: toTtl(until) }).go();
  }
}

export class DynamoConsentLog implements ConsentLog {
  constructor(private readonly entities: AuthEntities) {}

  async record(consent: ConsentRecord): Promise<void> {
    try {
      await this.entities.consent.create(consent).go();
    } catch (error) {
      // The same consent at the same millisecond is already on record.
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }

  async has(userId: string, kind: ConsentKind, version: string): Promise<boolean> {
    const { data } = await this.entities.consent.query
      .byUser({ userId })
      .where((attr, op) => `${op.eq(attr.kind, kind)} AND ${op.eq(attr.version, version)}`)
      .go({ pages: 'all' });
    return data.length > 0;
  }
}

export class DynamoCustomerBindingRegistry implements CustomerBindingRegistry {
  constructor(private readonly entities: AuthEntities) {}

  async claim(customerId: string, userId: string, at: string): Promise<boolean> {
    try {
      await this.entities.customerBinding.create({ customerId, userId, boundAt: at }).go();
      return true;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      const { data } = await this.entities.customerBinding.get({ customerId }).go();
      return data?.userId === userId;
    }
  }
}

/** The per-subject rate limiter alone, for contexts that limit calls but keep no sessions. */
export function createRateLimiter(ctx: TableContext): RateLimiter {
  return new DynamoRateLimiter(createAuthEntities(ctx), ctx);
}

export function createAuthStores(ctx: TableContext) {
  const entities = createAuthEntities(ctx);
  return {
    refreshTokens: new DynamoRefreshTokenStore(entities),
    oneTimeCodes: new DynamoOneTimeCodeStore(entities),
    rateLimiter: new DynamoRateLimiter(entities, ctx),
    lockouts: new DynamoLockoutStore(entities),
    consents: new DynamoConsentLog(entities),
    customerBindings: new DynamoCustomerBindingRegistry(entities),
  };
}

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
import {
  DeleteCommand,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '../dynamodb/document-client';
import {
  cancellationCodes,
  conditionally,
  entityItem,
  isConditionalCheckFailed,
  type TableContext,
  toTtlSeconds,
} from '../dynamodb/table';
import { getItem, type ItemKey, queryEntity, type RawItem } from '../records/point-reads';

/**
 * Sign-in state. The tokens, codes, counters and lockouts carry the table's TTL attribute
 * (`expiresAt`, epoch seconds) so DynamoDB cleans them up once spent; DynamoDB Local never expires
 * items and the real service may take hours, so the code checks expiry itself and treats TTL as
 * garbage collection. The items and their keys (entity in brackets; `auth-items.test.ts` holds
 * their exact shapes):
 * - a refresh token by the hash of the token, the only key a refresh request presents
 *   (`refreshToken`: `pk=RTOKEN#<tokenHash>`, `sk=RTOKEN`);
 * - one marker per revoked token family, cheaper than finding every token of the family to revoke
 *   each (`tokenFamily`: `pk=RFAMILY#<familyId>`, `sk=REVOKED`);
 * - a one-time code by subject (`oneTimeCode`: `pk=OTP#<subject>`, `sk=OTP`);
 * - fixed-window rate counters, one item per rule and window, gone with the TTL after the window
 *   ends (`rateCounter`: `pk=RATE#<counterKey>`, `sk=W#<windowStart>`);
 * - a lockout by subject (`lockout`: `pk=LOCK#<subject>`, `sk=LOCK`);
 * - a user's consents, oldest first; kept as evidence, never overwritten, no TTL (`consent`:
 *   `pk=USER#<userId>`, `sk=CONSENT#<at>#<kind>`, beside the user account);
 * - the customer's one binding, created conditionally so concurrent binds cannot both win
 *   (`customerBinding`: `pk=CUSTOMER#<customerId>`, `sk=BINDING`, beside the customer).
 */
export const authKeys = {
  refreshToken: (tokenHash: string): ItemKey => ({ pk: `RTOKEN#${tokenHash}`, sk: 'RTOKEN' }),
  tokenFamily: (familyId: string): ItemKey => ({ pk: `RFAMILY#${familyId}`, sk: 'REVOKED' }),
  oneTimeCode: (subject: string): ItemKey => ({ pk: `OTP#${subject}`, sk: 'OTP' }),
  rateCounter: (counterKey: string, windowStart: number): ItemKey => ({
    pk: `RATE#${counterKey}`,
    sk: `W#${windowStart}`,
  }),
  lockout: (subject: string): ItemKey => ({ pk: `LOCK#${subject}`, sk: 'LOCK' }),
  consent: (consent: ConsentRecord): ItemKey => ({
    pk: `USER#${consent.userId}`,
    sk: `CONSENT#${consent.at}#${consent.kind}`,
  }),
  customerBinding: (customerId: string): ItemKey => ({ pk: `CUSTOMER#${customerId}`, sk: 'BINDING' }),
};

/** The items as stored, each with its entity markers. */
export const authItems = {
  refreshToken: (record: RefreshTokenRecord): RawItem =>
    entityItem('refreshToken', {
      tokenHash: record.tokenHash,
      userId: record.userId,
      familyId: record.familyId,
      issuedAt: record.issuedAt,
      validUntil: record.expiresAt,
      revokedAt: record.revokedAt,
      replacedBy: record.replacedBy,
      expiresAt: toTtlSeconds(record.expiresAt),
      ...authKeys.refreshToken(record.tokenHash),
    }),
  tokenFamily: (familyId: string, revokedAt: number, ttlMs: number): RawItem =>
    entityItem('tokenFamily', {
      familyId,
      revokedAt,
      expiresAt: toTtlSeconds(ttlMs),
      ...authKeys.tokenFamily(familyId),
    }),
  oneTimeCode: (record: OneTimeCodeRecord): RawItem =>
    entityItem('oneTimeCode', {
      subject: record.subject,
      codeHash: record.codeHash,
      phoneIndex: record.phoneIndex,
      customerId: record.customerId,
      validUntil: record.expiresAt,
      attempts: record.attempts,
      createdAt: record.createdAt,
      expiresAt: toTtlSeconds(record.expiresAt),
      ...authKeys.oneTimeCode(record.subject),
    }),
  lockout: (subject: string, lockedUntil: number): RawItem =>
    entityItem('lockout', {
      subject,
      lockedUntil,
      expiresAt: toTtlSeconds(lockedUntil),
      ...authKeys.lockout(subject),
    }),
  consent: (consent: ConsentRecord): RawItem =>
    entityItem('consent', {
      userId: consent.userId,
      kind: consent.kind,
      version: consent.version,
      at: consent.at,
      ...authKeys.consent(consent),
    }),
  customerBinding: (customerId: string, userId: string, boundAt: string): RawItem =>
    entityItem('customerBinding', { customerId, userId, boundAt, ...authKeys.customerBinding(customerId) }),
};

/** A put that creates the item only if it is new, as the stores' `create`s do. */
function createOnly(ctx: TableContext, Item: RawItem): PutCommand {
  return new PutCommand({ TableName: ctx.table, Item, ConditionExpression: 'attribute_not_exists(pk)' });
}

/** Long enough for any audit of a token's history, short enough to keep the table small. */
const FAMILY_MARKER_TTL_MS = 60 * 24 * 3600_000;

export class DynamoRefreshTokenStore implements RefreshTokenStore {
  constructor(private readonly ctx: TableContext) {}

  async put(record: RefreshTokenRecord): Promise<void> {
    await this.ctx.client.send(createOnly(this.ctx, authItems.refreshToken(record)));
  }

  async get(tokenHash: string): Promise<RefreshTokenRecord | null> {
    const item = await getItem(this.ctx, authKeys.refreshToken(tokenHash));
    if (!item) return null;
    return {
      tokenHash: item.tokenHash as string,
      userId: item.userId as string,
      familyId: item.familyId as string,
      issuedAt: item.issuedAt as number,
      expiresAt: item.validUntil as number,
      revokedAt: (item.revokedAt as number | undefined) ?? null,
      replacedBy: (item.replacedBy as string | undefined) ?? null,
    };
  }

  markRotated(tokenHash: string, replacedBy: string, now: number): Promise<boolean> {
    return conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: authKeys.refreshToken(tokenHash),
        UpdateExpression: 'SET #revokedAt = :now, #replacedBy = :replacedBy',
        ConditionExpression: 'attribute_exists(#pk) AND attribute_not_exists(#revokedAt)',
        ExpressionAttributeNames: { '#pk': 'pk', '#revokedAt': 'revokedAt', '#replacedBy': 'replacedBy' },
        ExpressionAttributeValues: { ':now': now, ':replacedBy': replacedBy },
      }),
    );
  }

  async revoke(tokenHash: string, now: number): Promise<void> {
    // Refused: already revoked or never existed; signing out twice is not an error.
    await conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: authKeys.refreshToken(tokenHash),
        UpdateExpression: 'SET #revokedAt = :now',
        ConditionExpression: 'attribute_exists(#pk) AND attribute_not_exists(#revokedAt)',
        ExpressionAttributeNames: { '#pk': 'pk', '#revokedAt': 'revokedAt' },
        ExpressionAttributeValues: { ':now': now },
      }),
    );
  }

  async revokeFamily(familyId: string, now: number): Promise<void> {
    await this.ctx.client.send(
      new PutCommand({
        TableName: this.ctx.table,
        Item: authItems.tokenFamily(familyId, now, now + FAMILY_MARKER_TTL_MS),
      }),
    );
  }

  async isFamilyRevoked(familyId: string): Promise<boolean> {
    return (await getItem(this.ctx, authKeys.tokenFamily(familyId))) !== null;
  }
}

export class DynamoOneTimeCodeStore implements OneTimeCodeStore {
  constructor(private readonly ctx: TableContext) {}

  async put(record: OneTimeCodeRecord): Promise<void> {
    await this.ctx.client.send(
      new PutCommand({ TableName: this.ctx.table, Item: authItems.oneTimeCode(record) }),
    );
  }

  async get(subject: string): Promise<OneTimeCodeRecord | null> {
    const item = await getItem(this.ctx, authKeys.oneTimeCode(subject));
    if (!item) return null;
    return {
      subject: item.subject as string,
      codeHash: item.codeHash as string,
      phoneIndex: item.phoneIndex as string,
      customerId: item.customerId as string,
      expiresAt: item.validUntil as number,
      attempts: item.attempts as number,
      createdAt: item.createdAt as number,
    };
  }

  async recordFailedAttempt(subject: string): Promise<number> {
    try {
      const { Attributes } = await this.ctx.client.send(
        new UpdateCommand({
          TableName: this.ctx.table,
          Key: authKeys.oneTimeCode(subject),
          UpdateExpression: 'ADD #attempts :one',
          ConditionExpression: 'attribute_exists(#pk)',
          ExpressionAttributeNames: { '#pk': 'pk', '#attempts': 'attempts' },
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes?.attempts as number;
    } catch (error) {
      // No code (any more): as good as too many attempts.
      if (isConditionalCheckFailed(error)) return Number.POSITIVE_INFINITY;
      throw error;
    }
  }

  consume(subject: string, codeHash: string): Promise<boolean> {
    return conditionally(
      this.ctx,
      new DeleteCommand({
        TableName: this.ctx.table,
        Key: authKeys.oneTimeCode(subject),
        ConditionExpression: '#codeHash = :codeHash',
        ExpressionAttributeNames: { '#codeHash': 'codeHash' },
        ExpressionAttributeValues: { ':codeHash': codeHash },
      }),
    );
  }
}

type TransactUpdate = NonNullable<NonNullable<TransactWriteCommandInput['TransactItems']>[number]['Update']>;

export class DynamoRateLimiter implements RateLimiter {
  constructor(private readonly ctx: TableContext) {}

  async consume(rules: RateLimitRule[], now: number): Promise<RateLimitDecision> {
    const windows = rules.map((rule) => {
      const windowMs = rule.windowSeconds * 1000;
      const windowStart = Math.floor(now / windowMs) * windowMs;
      return { rule, windowStart, windowEnd: windowStart + windowMs };
    });
    // One transaction: a request refused by one rule must not use up the others.
    const TransactItems = windows.map(({ rule, windowStart, windowEnd }) => ({
      Update: this.countIn(rule, windowStart, windowEnd),
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

  /**
   * Counts one more request in the rule's window unless it already holds `limit`: creates the
   * window's counter (with its entity markers) on the window's first request.
   */
  private countIn(rule: RateLimitRule, windowStart: number, windowEnd: number): TransactUpdate {
    return {
      TableName: this.ctx.table,
      Key: authKeys.rateCounter(rule.key, windowStart),
      UpdateExpression:
        'SET #ttl = :ttl, #counterKey = :counterKey, #windowStart = :windowStart, #entity = :entity, #entityVersion = :entityVersion ADD #count :one',
      ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
      ExpressionAttributeNames: {
        '#count': 'count',
        '#ttl': 'expiresAt',
        '#counterKey': 'counterKey',
        '#windowStart': 'windowStart',
        '#entity': '__edb_e__',
        '#entityVersion': '__edb_v__',
      },
      ExpressionAttributeValues: {
        ':limit': rule.limit,
        ':one': 1,
        ':ttl': toTtlSeconds(windowEnd),
        ':counterKey': rule.key,
        ':windowStart': windowStart,
        ':entity': 'rateCounter',
        ':entityVersion': '1',
      },
    };
  }
}

export class DynamoLockoutStore implements LockoutStore {
  constructor(private readonly ctx: TableContext) {}

  async lockedUntil(subject: string, now: number): Promise<number | null> {
    const item = await getItem(this.ctx, authKeys.lockout(subject));
    const until = item?.lockedUntil as number | undefined;
    return until !== undefined && until > now ? until : null;
  }

  async lock(subject: string, until: number): Promise<void> {
    await this.ctx.client.send(
      new PutCommand({ TableName: this.ctx.table, Item: authItems.lockout(subject, until) }),
    );
  }
}

export class DynamoConsentLog implements ConsentLog {
  constructor(private readonly ctx: TableContext) {}

  async record(consent: ConsentRecord): Promise<void> {
    // Refused: the same consent at the same millisecond is already on record.
    await conditionally(this.ctx, createOnly(this.ctx, authItems.consent(consent)));
  }

  async has(userId: string, kind: ConsentKind, version: string): Promise<boolean> {
    const items = await queryEntity(this.ctx, 'consent', {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      FilterExpression: '#kind = :kind AND #version = :version',
      ExpressionAttributeNames: { '#kind': 'kind', '#version': 'version' },
      ExpressionAttributeValues: {
        ':pk': `USER#${userId}`,
        ':prefix': 'CONSENT#',
        ':kind': kind,
        ':version': version,
      },
    });
    return items.length > 0;
  }
}

export class DynamoCustomerBindingRegistry implements CustomerBindingRegistry {
  constructor(private readonly ctx: TableContext) {}

  async claim(customerId: string, userId: string, at: string): Promise<boolean> {
    const item = authItems.customerBinding(customerId, userId, at);
    if (await conditionally(this.ctx, createOnly(this.ctx, item))) return true;
    // Already bound: a claim again by the same account succeeds.
    const bound = await getItem(this.ctx, authKeys.customerBinding(customerId));
    return bound?.userId === userId;
  }
}

/** The per-subject rate limiter alone, for contexts that limit calls but keep no sessions. */
export function createRateLimiter(ctx: TableContext): RateLimiter {
  return new DynamoRateLimiter(ctx);
}

export function createAuthStores(ctx: TableContext) {
  return {
    refreshTokens: new DynamoRefreshTokenStore(ctx),
    oneTimeCodes: new DynamoOneTimeCodeStore(ctx),
    rateLimiter: new DynamoRateLimiter(ctx),
    lockouts: new DynamoLockoutStore(ctx),
    consents: new DynamoConsentLog(ctx),
    customerBindings: new DynamoCustomerBindingRegistry(ctx),
  };
}

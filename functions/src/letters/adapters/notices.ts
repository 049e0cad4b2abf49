import { randomUUID } from 'node:crypto';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { addDays } from '@zhixiang/shared/format/dates';
import type { NoticePreferenceRecord } from '@zhixiang/shared/notices/preferences';
import {
  FUNNEL_STAGES,
  type FunnelRef,
  type FunnelStage,
  type LeasedNotice,
  type NoticeKey,
  type NoticePayload,
  type NoticeRecord,
  type NoticeSettlement,
  type NoticeStatus,
  type NoticeStore,
  noticeKeyString,
  type SentMessage,
  type SubscribeCreditLedger,
} from '@zhixiang/shared/ports/notices';
import {
  conditionally,
  isConditionalCheckFailed,
  queryAll,
  type TableContext,
  toTtlSeconds,
} from '../../platform/dynamodb/table';

/**
 * Renewal notices: preferences beside the customer item, the notice outbox — one entry per
 * (policy, due date, notice type), created conditionally (the dedupe key) and on a sparse index
 * while it is due or leased —, the funnel's counters per day, and the WeChat subscribe-message
 * credit ledger. Key shapes: docs/dynamodb-access-patterns.md.
 */
const noticeKey = (key: NoticeKey) => ({
  pk: `NOTICE#${key.policyNo}#${key.dueDate}#${key.noticeType}`,
  sk: 'NOTICE',
});

/** The outbox index: entries by the time they are next due (`gsi1sk` sorts as a string). */
const OUTBOX_PK = 'NOTICES#OUTBOX';
const outboxTime = (at: number) => String(at).padStart(14, '0');
const outboxIndex = (pk: string, nextAttemptAt: number) => ({
  gsi1pk: OUTBOX_PK,
  gsi1sk: `${outboxTime(nextAttemptAt)}#${pk}`,
});

export class DynamoNoticeStore implements NoticeStore {
  constructor(private readonly ctx: TableContext) {}

  async listPreferences(customerId: string): Promise<NoticePreferenceRecord[]> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: preferencesKey(customerId) }),
    );
    return Item ? toPreferences(Item) : [];
  }

  /** One item per customer (every scope in one map), so the job reads one key per holder. */
  async preferencesFor(
    policies: readonly { customerId: string; policyNo: string }[],
  ): Promise<Map<string, NoticePreferenceRecord>> {
    const customers = [...new Set(policies.map((p) => p.customerId))];
    const found = new Map<string, NoticePreferenceRecord>();
    for (const item of await this.batchGet(customers.map(preferencesKey))) {
      for (const preference of toPreferences(item))
        found.set(`${preference.customerId}|${preference.scope}`, preference);
    }
    return found;
  }

  async existingNotices(keys: readonly NoticeKey[]): Promise<Set<string>> {
    const items = await this.batchGet(keys.map(noticeKey), 'policyNo, dueDate, noticeType');
    return new Set(items.map((item) => noticeKeyString(item as unknown as NoticeKey)));
  }

  /** BatchGetItem in chunks of 100 keys, in parallel, retrying unprocessed keys with backoff. */
  private async batchGet(
    keys: readonly { pk: string; sk: string }[],
    projection?: string,
  ): Promise<Record<string, unknown>[]> {
    const chunks: { pk: string; sk: string }[][] = [];
    for (let i = 0; i < keys.length; i += 100) chunks.push(keys.slice(i, i + 100));
    const pages = await Promise.all(
      chunks.map(async (chunk) => {
        const items: Record<string, unknown>[] = [];
        let pending: Record<string, unknown>[] = chunk;
        for (let attempt = 0; pending.length > 0; attempt++) {
          if (attempt >= 8) throw new Error('BatchGetItem left keys unprocessed after 8 attempts');
          if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
          const page: BatchGetCommandOutput = await this.ctx.client.send(
            new BatchGetCommand({
              RequestItems: {
                [this.ctx.table]: {
                  Keys: pending,
                  ...(projection ? { ProjectionExpression: projection } : {}),
                },
              },
            }),
          );
          items.push(...(page.Responses?.[this.ctx.table] ?? []));
          pending = (page.UnprocessedKeys?.[this.ctx.table]?.Keys ?? []) as Record<string, unknown>[];
        }
        return items;
      }),
    );
    return pages.flat();
  }

  async putPreference(preference: NoticePreferenceRecord): Promise<void> {
    const Key = preferencesKey(preference.customerId);
    // The map first (a path inside it cannot be set in the same expression that creates it).
    await this.ctx.client.send(
      new UpdateCommand({
        TableName: this.ctx.table,
        Key,
        UpdateExpression: 'SET prefs = if_not_exists(prefs, :empty), customerId = :customerId',
        ExpressionAttributeValues: { ':empty': {}, ':customerId': preference.customerId },
      }),
    );
    await this.ctx.client.send(
      new UpdateCommand({
        TableName: this.ctx.table,
        Key,
        UpdateExpression: 'SET prefs.#scope = :preference',
        ExpressionAttributeNames: { '#scope': preference.scope },
        ExpressionAttributeValues: { ':preference': preference },
      }),
    );
  }

  async claim(
    key: NoticeKey,
    customerId: string,
    payload: NoticePayload,
    at: number,
    leaseMs: number,
  ): Promise<LeasedNotice | null> {
    const lease = randomUUID();
    const created = await this.create(key, customerId, payload, at, {
      status: 'sending',
      leaseId: lease,
      attempts: 1,
      nextAttemptAt: at + leaseMs,
    });
    return created ? { ...key, customerId, payload, createdAt: at, attempts: 1, lease } : null;
  }

  defer(
    key: NoticeKey,
    customerId: string,
    payload: NoticePayload,
    at: number,
    until: number,
  ): Promise<boolean> {
    return this.create(key, customerId, payload, at, {
      status: 'pending',
      attempts: 0,
      nextAttemptAt: until,
    });
  }

  /** The conditional create of a notice's entry: the dedupe key of "exactly once". */
  private create(
    key: NoticeKey,
    customerId: string,
    payload: NoticePayload,
    at: number,
    state: { status: NoticeStatus; attempts: number; nextAttemptAt: number; leaseId?: string },
  ): Promise<boolean> {
    const keys = noticeKey(key);
    return conditionally(
      this.ctx,
      new PutCommand({
        TableName: this.ctx.table,
        Item: {
          ...keys,
          ...key,
          customerId,
          payload,
          createdAt: at,
          ...state,
          ...outboxIndex(keys.pk, state.nextAttemptAt),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async listDue(now: number, limit: number): Promise<NoticeKey[]> {
    const { Items } = await this.ctx.client.send(
      new QueryCommand({
        TableName: this.ctx.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :upTo',
        ExpressionAttributeValues: { ':pk': OUTBOX_PK, ':upTo': `${outboxTime(now)}#~` },
        Limit: limit,
      }),
    );
    return (Items ?? []).map((item) => ({
      policyNo: item.policyNo as string,
      dueDate: item.dueDate as string,
      noticeType: item.noticeType as NoticeKey['noticeType'],
    }));
  }

  async take(key: NoticeKey, now: number, leaseMs: number): Promise<LeasedNotice | null> {
    const keys = noticeKey(key);
    const lease = randomUUID();
    try {
      const { Attributes: item } = await this.ctx.client.send(
        new UpdateCommand({
          TableName: this.ctx.table,
          Key: keys,
          UpdateExpression:
            'SET #status = :sending, leaseId = :lease, nextAttemptAt = :leaseEnd, gsi1sk = :sk ADD attempts :one',
          // On the outbox index only while pending, failed with a retry, or leased: due once its time came.
          ConditionExpression: 'attribute_exists(gsi1pk) AND nextAttemptAt <= :now',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':sending': 'sending',
            ':lease': lease,
            ':leaseEnd': now + leaseMs,
            ':sk': outboxIndex(keys.pk, now + leaseMs).gsi1sk,
            ':one': 1,
            ':now': now,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      if (!item) return null;
      return {
        ...key,
        customerId: item.customerId as string,
        payload: item.payload as NoticePayload,
        createdAt: item.createdAt as number,
        attempts: item.attempts as number,
        lease,
      };
    } catch (error) {
      if (isConditionalCheckFailed(error)) return null;
      throw error;
    }
  }

  settle(key: NoticeKey, lease: string, settlement: NoticeSettlement): Promise<boolean> {
    const keys = noticeKey(key);
    const retry = settlement.retryAt !== null;
    return conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: keys,
        UpdateExpression: retry
          ? 'SET #status = :status, channel = :channel, letterId = :letterId, sendAttempts = :sends, lastError = :error, nextAttemptAt = :retryAt, gsi1sk = :sk REMOVE leaseId'
          : 'SET #status = :status, channel = :channel, letterId = :letterId, sendAttempts = :sends, lastError = :error, completedAt = :at REMOVE leaseId, nextAttemptAt, gsi1pk, gsi1sk',
        ConditionExpression: 'leaseId = :lease',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': settlement.status,
          ':channel': settlement.channel,
          ':letterId': settlement.letterId,
          ':sends': settlement.sendAttempts,
          ':error': settlement.lastError?.slice(0, 500) ?? null,
          ':lease': lease,
          ...(retry
            ? { ':retryAt': settlement.retryAt, ':sk': outboxIndex(keys.pk, settlement.retryAt!).gsi1sk }
            : { ':at': settlement.at }),
        },
      }),
    );
  }

  async claimBillingNonce(nonce: string, expiresAt: number): Promise<boolean> {
    return conditionally(
      this.ctx,
      new PutCommand({
        TableName: this.ctx.table,
        Item: { pk: `BILLINGNONCE#${nonce}`, sk: 'NONCE', expiresAt: toTtlSeconds(expiresAt) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async getNotice(key: NoticeKey): Promise<NoticeRecord | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: noticeKey(key), ConsistentRead: true }),
    );
    if (!Item) return null;
    return {
      status: Item.status,
      channel: Item.channel ?? null,
      attempts: Item.attempts ?? 0,
      letterId: Item.letterId ?? null,
      lastError: Item.lastError ?? null,
      nextAttemptAt: Item.nextAttemptAt ?? null,
      at: Item.completedAt ?? Item.createdAt,
    };
  }

  /**
   * Counters per day × branch × type × channel: `sk = BRANCH#<path>/#<type>#<channel>` (the
   * trailing `/` makes a subtree one `begins_with`: `HQ/SH/` covers `HQ/SH/SH-PD/`, not `HQ/SH1/`).
   * A ref without a branch keeps the company-wide key `<type>#<channel>`.
   */
  async countFunnel(ref: FunnelRef, stages: readonly FunnelStage[]): Promise<void> {
    if (stages.length === 0) return;
    await this.ctx.client.send(new UpdateCommand(funnelUpdate(this.ctx.table, ref, stages)));
  }

  async readFunnel(
    from: string,
    to: string,
    subtree: string | null,
  ): Promise<(Omit<FunnelRef, 'branchPath'> & Record<FunnelStage, number>)[]> {
    const days: string[] = [];
    for (let day = from; day <= to && days.length < 31; day = addDays(day, 1)) days.push(day);
    const items = (
      await Promise.all(
        days.map((day) =>
          queryAll(this.ctx, {
            KeyConditionExpression: subtree ? 'pk = :pk AND begins_with(sk, :branch)' : 'pk = :pk',
            ExpressionAttributeValues: {
              ':pk': `NOTICEFUNNEL#${day}`,
              ...(subtree ? { ':branch': funnelBranchPrefix(subtree) } : {}),
            },
          }),
        ),
      )
    ).flat();
    // One row per day × type × channel, summed over the branches read.
    const rows = new Map<string, Omit<FunnelRef, 'branchPath'> & Record<FunnelStage, number>>();
    for (const item of items as (Omit<FunnelRef, 'branchPath'> & Record<string, unknown>)[]) {
      const key = `${item.day}#${item.noticeType}#${item.channel}`;
      const row =
        rows.get(key) ??
        ({
          day: item.day,
          noticeType: item.noticeType,
          channel: item.channel,
          ...Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, 0])),
        } as Omit<FunnelRef, 'branchPath'> & Record<FunnelStage, number>);
      for (const stage of FUNNEL_STAGES) row[stage] += Number(item[stage] ?? 0);
      rows.set(key, row);
    }
    return [...rows.values()];
  }
}

/** `BRANCH#HQ/SH/`: the start of every funnel key of that branch and the branches below it. */
const funnelBranchPrefix = (branchPath: string) => `BRANCH#${branchPath}/`;

/** The ADD of some stages to a notice's funnel row of its day (and branch): a transaction item too. */
export function funnelUpdate(table: string, ref: FunnelRef, stages: readonly FunnelStage[]) {
  const row = `${ref.noticeType}#${ref.channel}`;
  return {
    TableName: table,
    Key: {
      pk: `NOTICEFUNNEL#${ref.day}`,
      sk: ref.branchPath ? `${funnelBranchPrefix(ref.branchPath)}#${row}` : row,
    },
    UpdateExpression: `SET noticeType = :type, channel = :channel, #day = :day ADD ${stages
      .map((stage) => `${stage} :one`)
      .join(', ')}`,
    ExpressionAttributeNames: { '#day': 'day' },
    ExpressionAttributeValues: {
      ':one': 1,
      ':type': ref.noticeType,
      ':channel': ref.channel,
      ':day': ref.day,
    },
  };
}

/** A customer's notice preferences: `pk=CUSTOMER#<id>`, `sk=NOTICEPREFS`, `prefs` = scope → preference. */
const preferencesKey = (customerId: string) => ({ pk: `CUSTOMER#${customerId}`, sk: 'NOTICEPREFS' });

function toPreferences(item: Record<string, unknown>): NoticePreferenceRecord[] {
  return Object.values((item.prefs ?? {}) as Record<string, NoticePreferenceRecord>).map((p) => ({
    customerId: p.customerId,
    scope: p.scope,
    leadDays: p.leadDays,
    channels: p.channels,
    quietHours: p.quietHours,
    successNotice: p.successNotice,
    updatedAt: p.updatedAt,
    updatedBy: p.updatedBy,
  }));
}

/** `pk=WXCREDIT#<openid>`, `sk=<templateId>`: one balance per template, spent with a condition. */
export class DynamoSubscribeCreditLedger implements SubscribeCreditLedger {
  constructor(private readonly ctx: TableContext) {}

  async add(openid: string, templateId: string, credits: number, at: number): Promise<void> {
    await this.ctx.client.send(
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: { pk: `WXCREDIT#${openid}`, sk: templateId },
        UpdateExpression: 'SET updatedAt = :at ADD credits :n',
        ExpressionAttributeValues: { ':n': credits, ':at': at },
      }),
    );
  }

  async spend(openid: string, templateId: string, at: number): Promise<boolean> {
    return conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: { pk: `WXCREDIT#${openid}`, sk: templateId },
        UpdateExpression: 'SET updatedAt = :at ADD credits :minus',
        ConditionExpression: 'credits > :zero',
        ExpressionAttributeValues: { ':minus': -1, ':zero': 0, ':at': at },
      }),
    );
  }

  async clear(openid: string, templateId: string, at: number): Promise<void> {
    await this.ctx.client.send(
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: { pk: `WXCREDIT#${openid}`, sk: templateId },
        UpdateExpression: 'SET credits = :zero, updatedAt = :at',
        ExpressionAttributeValues: { ':zero': 0, ':at': at },
      }),
    );
  }

  async balances(openid: string): Promise<Record<string, number>> {
    const { Items } = await this.ctx.client.send(
      new QueryCommand({
        TableName: this.ctx.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `WXCREDIT#${openid}` },
      }),
    );
    return Object.fromEntries((Items ?? []).map((item) => [item.sk as string, Number(item.credits ?? 0)]));
  }

  async rememberMessage(msgId: string, message: SentMessage, expiresAt: number): Promise<void> {
    await this.ctx.client.send(
      new PutCommand({
        TableName: this.ctx.table,
        Item: {
          pk: `WXMSG#${msgId}`,
          sk: 'MSG',
          ref: message.ref,
          ...(message.letterId ? { letterId: message.letterId } : {}),
          expiresAt: toTtlSeconds(expiresAt),
        },
      }),
    );
  }

  async messageRef(msgId: string): Promise<SentMessage | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: { pk: `WXMSG#${msgId}`, sk: 'MSG' } }),
    );
    return Item
      ? { ref: Item.ref as FunnelRef, letterId: (Item.letterId as string | undefined) ?? null }
      : null;
  }

  async claimEvent(eventKey: string, expiresAt: number): Promise<boolean> {
    return conditionally(
      this.ctx,
      new PutCommand({
        TableName: this.ctx.table,
        Item: { pk: `WXEVENT#${eventKey}`, sk: 'EVENT', expiresAt: toTtlSeconds(expiresAt) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async releaseEvent(eventKey: string): Promise<void> {
    await this.ctx.client.send(
      new DeleteCommand({ TableName: this.ctx.table, Key: { pk: `WXEVENT#${eventKey}`, sk: 'EVENT' } }),
    );
  }
}

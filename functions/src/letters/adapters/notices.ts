import { randomUUID } from 'node:crypto';
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
  type NotifyOnIndex,
  type PreDebitClaim,
  type SentMessage,
  type SubscribeCreditLedger,
} from '@zhixiang/shared/ports/notices';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '../../platform/dynamodb/document-client';
import {
  cancellationCodes,
  conditionally,
  isConditionalCheckFailed,
  queryAll,
  type TableContext,
  toTtlSeconds,
} from '../../platform/dynamodb/table';
import { batchGetItems } from '../../platform/records/point-reads';

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

/** A new entry's state: leased to its claimer (`sending`) or waiting for its time (`pending`). */
type NoticeState = { status: NoticeStatus; attempts: number; nextAttemptAt: number; leaseId?: string };

/** Claims per TransactWriteItems (its limit: 100 items). */
const CLAIMS_PER_TRANSACTION = 100;

/** The outbox index: entries by the time they are next due (`gsi1sk` sorts as a string). */
const OUTBOX_PK = 'NOTICES#OUTBOX';
const outboxTime = (at: number) => String(at).padStart(14, '0');
const outboxIndex = (pk: string, nextAttemptAt: number) => ({
  gsi1pk: OUTBOX_PK,
  gsi1sk: `${outboxTime(nextAttemptAt)}#${pk}`,
});

export class DynamoNoticeStore implements NoticeStore {
  constructor(
    private readonly ctx: TableContext,
    /** Re-keyed on every preference write (absent only where no preference is written). */
    private readonly index?: Pick<NotifyOnIndex, 'refreshCustomer'>,
  ) {}

  async listPreferences(customerId: string): Promise<NoticePreferenceRecord[]> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: preferencesKey(customerId) }),
    );
    return Item ? toPreferences(Item) : [];
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
    // The notify-on index follows every preference write: the holder's policies are re-keyed.
    await this.index?.refreshCustomer(preference.customerId, preference.updatedAt);
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

  async claimMany(claims: readonly PreDebitClaim[], at: number, leaseMs: number): Promise<LeasedNotice[]> {
    const chunks: PreDebitClaim[][] = [];
    for (let i = 0; i < claims.length; i += CLAIMS_PER_TRANSACTION)
      chunks.push(claims.slice(i, i + CLAIMS_PER_TRANSACTION));
    return (await Promise.all(chunks.map((chunk) => this.claimChunk(chunk, at, leaseMs)))).flat();
  }

  /**
   * One TransactWriteItems per chunk: each claim's conditional create, leased. A refused
   * transaction names its refused items: those claims are dropped (recorded already) and the rest
   * written again; a conflict with a concurrent transaction is tried again too.
   */
  private async claimChunk(
    chunk: readonly PreDebitClaim[],
    at: number,
    leaseMs: number,
  ): Promise<LeasedNotice[]> {
    let pending = chunk.map((claim) => ({ ...claim, lease: randomUUID() }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= 8) throw new Error('renewal notice claims still conflicting after 8 attempts');
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
      try {
        await this.ctx.client.send(
          new TransactWriteCommand({
            TransactItems: pending.map(({ key, customerId, payload, lease }) => ({
              Put: this.createItem(key, customerId, payload, at, {
                status: 'sending',
                leaseId: lease,
                attempts: 1,
                nextAttemptAt: at + leaseMs,
              }),
            })),
          }),
        );
        return pending.map(({ key, customerId, payload, lease }) => ({
          ...key,
          customerId,
          payload,
          createdAt: at,
          attempts: 1,
          lease,
        }));
      } catch (error) {
        const codes = cancellationCodes(error);
        if (codes.length !== pending.length) throw error;
        pending = pending.filter((_, i) => codes[i] !== 'ConditionalCheckFailed');
      }
    }
    return [];
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
    state: NoticeState,
  ): Promise<boolean> {
    return conditionally(this.ctx, new PutCommand(this.createItem(key, customerId, payload, at, state)));
  }

  private createItem(
    key: NoticeKey,
    customerId: string,
    payload: NoticePayload,
    at: number,
    state: NoticeState,
  ) {
    const keys = noticeKey(key);
    return {
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
    };
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

/** The saved preferences of many customers (one item each), in BatchGetItems of 100 keys at once. */
export async function readPreferences(
  ctx: TableContext,
  customerIds: readonly string[],
): Promise<Map<string, NoticePreferenceRecord[]>> {
  const keys = [...new Set(customerIds)].map(preferencesKey);
  const chunks: (typeof keys)[] = [];
  for (let i = 0; i < keys.length; i += 100) chunks.push(keys.slice(i, i + 100));
  const found = new Map<string, NoticePreferenceRecord[]>();
  for (const items of await Promise.all(chunks.map((chunk) => batchGetItems(ctx, chunk))))
    for (const item of items.values()) found.set(String(item.customerId), toPreferences(item));
  return found;
}

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

import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { addDays } from '@zhixiang/shared/format/dates';
import type { NoticePreferenceRecord } from '@zhixiang/shared/notices/preferences';
import {
  type DeferredNotice,
  FUNNEL_STAGES,
  type FunnelRef,
  type FunnelStage,
  type NoticeKey,
  type NoticeOutcome,
  type NoticeStatus,
  type NoticeStore,
  noticeKeyString,
  type SubscribeCreditLedger,
} from '@zhixiang/shared/ports/notices';
import { conditionally, queryAll, type TableContext, toTtlSeconds } from '../../platform/dynamodb/table';

/**
 * Renewal notices: preferences beside the customer item, one record per (policy, due date, notice
 * type) created conditionally before sending (the dedupe key), the funnel's counters per day, and
 * the WeChat subscribe-message credit ledger. Key shapes: docs/dynamodb-access-patterns.md.
 */
const noticeKey = (key: NoticeKey) => ({
  pk: `NOTICE#${key.policyNo}#${key.dueDate}#${key.noticeType}`,
  sk: 'NOTICE',
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

  async claim(key: NoticeKey, customerId: string, at: number, deferred?: DeferredNotice): Promise<boolean> {
    const keys = noticeKey(key);
    return conditionally(
      this.ctx,
      new PutCommand({
        TableName: this.ctx.table,
        Item: {
          ...keys,
          ...key,
          customerId,
          status: 'claimed',
          claimedAt: at,
          // Held back by quiet hours: the sparse index the scheduler reads, removed on completion.
          ...(deferred
            ? {
                deferred,
                gsi1pk: 'NOTICES#DEFERRED',
                gsi1sk: `${String(deferred.until).padStart(14, '0')}#${keys.pk}`,
              }
            : {}),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async complete(key: NoticeKey, outcome: NoticeOutcome): Promise<void> {
    await this.ctx.client.send(
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: noticeKey(key),
        UpdateExpression:
          'SET #status = :status, channel = :channel, attempts = :attempts, letterId = :letterId, failureReason = :reason, completedAt = :at REMOVE gsi1pk, gsi1sk',
        ConditionExpression: '#status = :claimed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': outcome.status,
          ':channel': outcome.channel,
          ':attempts': outcome.attempts,
          ':letterId': outcome.letterId,
          ':reason': outcome.failureReason,
          ':at': outcome.at,
          ':claimed': 'claimed',
        },
      }),
    );
  }

  async listDeferred(now: number): Promise<(NoticeKey & { customerId: string; deferred: DeferredNotice })[]> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :upTo',
      ExpressionAttributeValues: { ':pk': 'NOTICES#DEFERRED', ':upTo': `${String(now).padStart(14, '0')}#~` },
    });
    return items.map((item) => ({
      policyNo: item.policyNo as string,
      dueDate: item.dueDate as string,
      noticeType: item.noticeType as NoticeKey['noticeType'],
      customerId: item.customerId as string,
      deferred: item.deferred as DeferredNotice,
    }));
  }

  async takeDeferred(key: NoticeKey): Promise<boolean> {
    return conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: noticeKey(key),
        UpdateExpression: 'REMOVE gsi1pk, gsi1sk',
        ConditionExpression: 'attribute_exists(gsi1pk) AND #status = :claimed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':claimed': 'claimed' },
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

  async getNotice(key: NoticeKey): Promise<(NoticeOutcome & { status: NoticeStatus }) | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: noticeKey(key) }),
    );
    if (!Item) return null;
    return {
      status: Item.status,
      channel: Item.channel ?? null,
      attempts: Item.attempts ?? 0,
      letterId: Item.letterId ?? null,
      failureReason: Item.failureReason ?? null,
      at: Item.completedAt ?? Item.claimedAt,
    };
  }

  /**
   * Counters per day × branch × type × channel: `sk = BRANCH#<path>/#<type>#<channel>` (the
   * trailing `/` makes a subtree one `begins_with`: `HQ/SH/` covers `HQ/SH/SH-PD/`, not `HQ/SH1/`).
   * A ref without a branch keeps the company-wide key `<type>#<channel>`.
   */
  async countFunnel(ref: FunnelRef, stages: readonly FunnelStage[]): Promise<void> {
    if (stages.length === 0) return;
    const row = `${ref.noticeType}#${ref.channel}`;
    await this.ctx.client.send(
      new UpdateCommand({
        TableName: this.ctx.table,
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
      }),
    );
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

  async rememberMessage(msgId: string, ref: FunnelRef, expiresAt: number): Promise<void> {
    await this.ctx.client.send(
      new PutCommand({
        TableName: this.ctx.table,
        Item: { pk: `WXMSG#${msgId}`, sk: 'MSG', ref, expiresAt: toTtlSeconds(expiresAt) },
      }),
    );
  }

  async messageRef(msgId: string): Promise<FunnelRef | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: { pk: `WXMSG#${msgId}`, sk: 'MSG' } }),
    );
    return Item ? (Item.ref as FunnelRef) : null;
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
}

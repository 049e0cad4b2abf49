import { notifyOnSlot, preDebitNotifyAt } from '@zhixiang/shared/notices/due-notices';
import { preferenceFor } from '@zhixiang/shared/notices/preferences';
import type { NoticePremium, NotifyOnEntry, NotifyOnIndex } from '@zhixiang/shared/ports/notices';
import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  GetCommand,
  QueryCommand,
  type QueryCommandOutput,
  UpdateCommand,
} from '../../platform/dynamodb/document-client';
import { conditionally, type TableContext } from '../../platform/dynamodb/table';
import type { DynamoPolicyRepository } from '../../platform/records/policies';
import { readPreferences } from './notices';

/**
 * The notify-on index of the hourly renewal-notice run. One entry per policy with a premium to
 * come, beside the policy (`pk=POLICY#<policyNo>`, `sk=NOTIFYON`), on `gsi1` by the Shanghai day
 * and minute its pre-debit notice falls due (`gsi1pk=NOTIFYON#<YYYY-MM-DD>`,
 * `gsi1sk=<HH:mm>#<policyNo>`): an hour's notices are one key range of their day. The entry carries
 * the due date, the premium, the holder and the preference that applied, so a run reads nothing
 * else. The runs' watermark is `pk=NOTIFYON#RUN`, `sk=WATERMARK`. Key shapes:
 * docs/dynamodb-access-patterns.md.
 */
export class DynamoNotifyOnIndex implements NotifyOnIndex {
  constructor(
    private readonly ctx: TableContext,
    private readonly policies: Pick<DynamoPolicyRepository, 'heldPremiums'>,
  ) {}

  async refreshPolicies(policies: readonly NoticePremium[], at: number): Promise<void> {
    if (policies.length === 0) return;
    const saved = await readPreferences(
      this.ctx,
      policies.map((policy) => policy.holderId),
    );
    // One request per policy (BatchWriteItem refuses a key twice): the last one given wins.
    const unique = [...new Map(policies.map((policy) => [policy.policyNo, policy])).values()];
    const requests = unique.map((policy) => {
      const entry = notifyOnEntry(policy, saved.get(policy.holderId) ?? [], at);
      return entry
        ? { PutRequest: { Item: { ...entryKey(policy.policyNo), ...entry, ...indexKeys(entry) } } }
        : { DeleteRequest: { Key: entryKey(policy.policyNo) } };
    });
    await writeInBatches(this.ctx, requests);
  }

  async refreshCustomer(customerId: string, at: number): Promise<void> {
    await this.refreshPolicies(await this.policies.heldPremiums(customerId), at);
  }

  async *entryPages(
    ranges: readonly { day: string; after: string | null; upTo: string | null }[],
  ): AsyncGenerator<NotifyOnEntry[]> {
    for (const range of ranges) {
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page: QueryCommandOutput = await this.ctx.client.send(
          new QueryCommand({
            TableName: this.ctx.table,
            IndexName: 'gsi1',
            ...rangeCondition(range),
            Limit: ENTRY_PAGE,
            ExclusiveStartKey,
          }),
        );
        yield (page.Items ?? []).map(toEntry);
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
    }
  }

  async coveredUntil(): Promise<number | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: WATERMARK_KEY, ConsistentRead: true }),
    );
    return typeof Item?.coveredUntil === 'number' ? Item.coveredUntil : null;
  }

  async markCovered(now: number): Promise<void> {
    await conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: WATERMARK_KEY,
        UpdateExpression: 'SET coveredUntil = :now',
        ConditionExpression: 'attribute_not_exists(coveredUntil) OR coveredUntil < :now',
        ExpressionAttributeValues: { ':now': now },
      }),
    );
  }
}

/**
 * Builds the index once for an existing table (`npm run admin -- build-notify-on-index`, and the
 * seed): every policy, a page at a time, keyed as its writers would key it. Safe to repeat and
 * to run beside the live system (each page is the same re-keying a writer does).
 */
export async function buildNotifyOnIndex(
  index: Pick<NotifyOnIndex, 'refreshPolicies'>,
  policies: Pick<DynamoPolicyRepository, 'allPremiumPages'>,
  at: number,
  progress: (policies: number) => void = () => {},
): Promise<number> {
  let done = 0;
  for await (const page of policies.allPremiumPages()) {
    await index.refreshPolicies(page, at);
    done += page.length;
    progress(done);
  }
  return done;
}

/** Entries read per Query page. */
const ENTRY_PAGE = 500;
const WATERMARK_KEY = { pk: 'NOTIFYON#RUN', sk: 'WATERMARK' };

const entryKey = (policyNo: string) => ({ pk: `POLICY#${policyNo}`, sk: 'NOTIFYON' });

/** The policy's entry, or null when no pre-debit notice is to come (no due date, not in force, too late). */
export function notifyOnEntry(
  policy: NoticePremium,
  saved: Parameters<typeof preferenceFor>[2],
  at: number,
): NotifyOnEntry | null {
  if (policy.status !== 'in_force' || !policy.nextDueDate) return null;
  const preference = preferenceFor(policy.holderId, policy.policyNo, saved);
  const notifyAt = preDebitNotifyAt(policy.nextDueDate, preference, at);
  if (notifyAt === null) return null;
  return {
    policyNo: policy.policyNo,
    customerId: policy.holderId,
    dueDate: policy.nextDueDate,
    premiumCents: policy.premiumCents,
    notifyAt,
    preference,
  };
}

/** The entry's place on gsi1. */
export function indexKeys(entry: Pick<NotifyOnEntry, 'notifyAt' | 'policyNo'>) {
  const { day, time } = notifyOnSlot(entry.notifyAt);
  return { gsi1pk: `NOTIFYON#${day}`, gsi1sk: `${time}#${entry.policyNo}` };
}

/**
 * A day's key range: after `HH:mm` (exclusive) up to `HH:mm` (inclusive). `~` sorts after every
 * policy number, so `10:00#~` is past all of 10:00's entries; `0` and `9` bound the whole day.
 */
export function rangeCondition(range: { day: string; after: string | null; upTo: string | null }) {
  return {
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :after AND :upTo',
    ExpressionAttributeValues: {
      ':pk': `NOTIFYON#${range.day}`,
      ':after': range.after === null ? '0' : `${range.after}#~`,
      ':upTo': range.upTo === null ? '9' : `${range.upTo}#~`,
    },
  };
}

function toEntry(item: Record<string, unknown>): NotifyOnEntry {
  return {
    policyNo: item.policyNo as string,
    customerId: item.customerId as string,
    dueDate: item.dueDate as string,
    premiumCents: item.premiumCents as number,
    notifyAt: item.notifyAt as number,
    preference: item.preference as NotifyOnEntry['preference'],
  };
}

type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

/** BatchWriteItem in chunks of 25, a few at once, retrying unprocessed requests with backoff. */
async function writeInBatches(ctx: TableContext, requests: readonly WriteRequest[]): Promise<void> {
  const chunks: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += 25) chunks.push(requests.slice(i, i + 25));
  for (let i = 0; i < chunks.length; i += 4)
    await Promise.all(
      chunks.slice(i, i + 4).map(async (chunk) => {
        let pending = chunk;
        for (let attempt = 0; pending.length > 0; attempt++) {
          if (attempt >= 8) throw new Error('BatchWriteItem left requests unprocessed after 8 attempts');
          if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
          const { UnprocessedItems } = await ctx.client.send(
            new BatchWriteCommand({ RequestItems: { [ctx.table]: pending } }),
          );
          pending = (UnprocessedItems?.[ctx.table] ?? []) as WriteRequest[];
        }
      }),
    );
}

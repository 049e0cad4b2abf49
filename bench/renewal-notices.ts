/**
 * `npm run bench:renewal-notices` — 100,000 policies with due dates spread over a year in DynamoDB
 * Local. One daily run of the renewal-notice job (stream the due-date partitions it scans, read
 * the holders' preferences in batches, apply the pure rule, claim each due notice with its
 * conditional write and record it) against the bare paginated Query of the same partitions, in
 * the same process, alternating which goes first. Delivery is replaced by recording the notice as
 * sent (no PDFs, no providers): what is measured is finding and recording the day's notices.
 * Reports wall time, items, notices, peak RSS and heap.
 */
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { startEphemeralStack } from '../functions/local/ephemeral-stack';

const POLICIES = Number(process.env.BENCH_POLICIES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const START = '2027-01-01';

async function main() {
  const stack = await startEphemeralStack();
  let peakRss = 0;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 20);
  try {
    Object.assign(process.env, stack.env, { POWERTOOLS_LOG_LEVEL: 'ERROR' });
    const { createSystem } = await import('../functions/src/system');
    const { createPolicyEntity } = await import('../functions/src/platform/records/policies');
    const { addDays } = await import('../shared/src/format/dates');
    const { dueDatesToScan, shanghaiInstant } = await import('../shared/src/notices/due-notices');
    const { sendRenewalNotices } = await import('../functions/src/letters/use-cases/send-renewal-notices');

    let now = shanghaiInstant('2027-06-15', '10:00');
    const container = createSystem(undefined, { now: () => now });
    const { client, table } = container.table;
    const entity = createPolicyEntity(container.table);

    // 100,000 policies, due dates spread evenly over 365 days, 50,000 holders; 1 in 10 holders
    // has saved a preference (lead days 1–15), the rest use the default (3 days).
    const loadStarted = performance.now();
    const items: Record<string, unknown>[] = [];
    const flush = async (batch: Record<string, unknown>[]) => {
      let request = batch.map((Item) => ({ PutRequest: { Item } }));
      while (request.length > 0) {
        const result = await client.send(new BatchWriteCommand({ RequestItems: { [table]: request } }));
        request = (result.UnprocessedItems?.[table] ?? []) as typeof request;
      }
    };
    const pending: Promise<void>[] = [];
    const write = async (item: Record<string, unknown>) => {
      items.push(item);
      if (items.length === 25) {
        pending.push(flush(items.splice(0)));
        if (pending.length >= 16) await Promise.all(pending.splice(0));
      }
    };
    for (let i = 0; i < POLICIES; i++) {
      const holderId = `B${String(i % 50_000).padStart(6, '0')}`;
      const params = entity
        .put({
          policyNo: `66${String(i).padStart(11, '0')}`,
          productCode: 'P001',
          status: 'in_force',
          holderId,
          insuredId: holderId,
          beneficiaries: [],
          sumAssuredCents: 10_000_000,
          premiumCents: 500_000,
          premiumFrequency: 'annual',
          effectiveDate: '2020-01-01',
          receiptDate: '2020-01-01',
          nextDueDate: addDays(START, i % 365),
          cashValueCents: 0,
          branchId: 'SH',
          branchPath: 'HQ/SH',
          version: 1,
        })
        .params() as { Item: Record<string, unknown> };
      await write(params.Item);
    }
    for (let h = 0; h < 50_000; h += 10) {
      const customerId = `B${String(h).padStart(6, '0')}`;
      await write({
        pk: `CUSTOMER#${customerId}`,
        sk: 'NOTICEPREFS',
        customerId,
        prefs: {
          all: {
            customerId,
            scope: 'all',
            leadDays: 1 + (h % 15),
            channels: ['sms'],
            quietHours: { start: '22:00', end: '08:00' },
            successNotice: true,
            updatedAt: 1,
            updatedBy: { source: 'customer', userId: customerId },
          },
        },
      });
    }
    if (items.length > 0) pending.push(flush(items.splice(0)));
    await Promise.all(pending);
    // Memory is reported for the runs only: loading the table is the benchmark's own business.
    peakRss = 0;
    peakHeap = 0;
    console.log(
      `loaded ${POLICIES} policies + 5000 preferences in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`,
    );

    const bareQuery = async () => {
      let count = 0;
      for (const dueDate of dueDatesToScan(now)) {
        let ExclusiveStartKey: Record<string, unknown> | undefined;
        do {
          const page = await client.send(
            new QueryCommand({
              TableName: table,
              IndexName: 'gsi3',
              KeyConditionExpression: 'gsi3pk = :pk',
              ExpressionAttributeValues: { ':pk': `DUE#${dueDate}` },
              Limit: 500,
              ExclusiveStartKey,
            }),
          );
          count += page.Items?.length ?? 0;
          ExclusiveStartKey = page.LastEvaluatedKey;
        } while (ExclusiveStartKey);
      }
      return count;
    };
    const dayOfRun = async () => {
      let recorded = 0;
      const report = await sendRenewalNotices({
        premiums: container.repositories.policies,
        notices: container.notices,
        now: () => now,
        logger: container.logger,
        concurrency: 32,
        deliver: async ({ notice }) => {
          await container.notices.settle(notice, notice.lease, {
            status: 'sent',
            channel: 'sms',
            letterId: null,
            sendAttempts: 1,
            lastError: null,
            at: now,
            retryAt: null,
          });
          recorded++;
          return true;
        },
      });
      return { ...report, recorded };
    };

    const rows: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      // A new day each run, so every run finds fresh notices to claim.
      now = shanghaiInstant(addDays('2027-06-15', run), '10:00');
      const order = run % 2 === 0 ? ['query', 'job'] : ['job', 'query'];
      const times: Record<string, number> = {};
      let items = 0;
      let job: Awaited<ReturnType<typeof dayOfRun>> | undefined;
      for (const side of order) {
        const started = performance.now();
        if (side === 'query') items = await bareQuery();
        else job = await dayOfRun();
        times[side] = performance.now() - started;
      }
      rows.push(
        `run ${run + 1} (${addDays('2027-06-15', run)}): bare Query ${times.query!.toFixed(0)} ms for ${items} items of 15 partitions; ` +
          `job ${times.job!.toFixed(0)} ms (scanned ${job!.scanned}, due ${job!.due}, claimed and recorded ${job!.recorded}) → ${(times.job! / times.query!).toFixed(2)}× (goal ≤ 2×)`,
      );
    }
    // The repeat: the same day again claims nothing (the dedupe key), the cost of a re-run.
    const started = performance.now();
    const repeat = await dayOfRun();
    rows.push(
      `repeat of the last day: ${(performance.now() - started).toFixed(0)} ms, claimed ${repeat.claimed} (must be 0)`,
    );
    for (const row of rows) console.log(row);
    console.log(
      `during the runs: peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB, peak heap ${(peakHeap / 2 ** 20).toFixed(0)} MiB`,
    );
  } finally {
    clearInterval(sampler);
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

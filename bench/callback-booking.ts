/**
 * `npm run bench:callback-booking` — POST /policies/{policyNo}/callback through the whole handler
 * (middy, JWT, access rule, window rules, the booking transaction) against the bare
 * TransactWriteItems that same request sends, recorded from one invocation and replayed, in the
 * same run against DynamoDB Local. Between timed calls the booking is removed (untimed) so every
 * call books anew. Then the contention run: 200 bookings of 5 seats at once.
 */

import { startEphemeralStack } from '../functions/local/ephemeral-stack';
import { DeleteCommand } from '../functions/src/platform/dynamodb/document-client';
import { httpEvent } from '../functions/src/platform/http/testing';
import { compareWithBaseline, printBenchResult } from './support/compare-with-baseline';
import { recordTransaction } from './support/record-transaction';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 1000);
const WARMUP = 30;

async function main() {
  const stack = await startEphemeralStack();
  try {
    Object.assign(process.env, stack.env, { POWERTOOLS_LOG_LEVEL: 'ERROR' });
    const { getSystem } = await import('../functions/src/system');
    const { seedDemoData } = await import('../functions/src/seed/seed-demo-data');
    const { buildDemoData } = await import('../functions/src/seed/demo-data');
    const { addDays, todayInShanghai } = await import('../shared/src/format/dates');
    const { handler } = await import('../functions/src/callback/handlers/book-callback-slot');
    const container = getSystem();
    const today = todayInShanghai();
    await seedDemoData({ repositories: container.repositories, today });
    const repo = container.repositories.callbackBookings;

    // 张伟's new policy, in its cooling-off period; a slot of its own, outside the seeded hours.
    const policy = buildDemoData(today).policies.find(
      (p) => p.holderId === 'C001' && p.effectiveDate > addDays(today, -30),
    );
    if (!policy) throw new Error('no demo policy in its cooling-off period');
    const slot = { date: addDays(today, 2), start: '08:00' };
    const slotId = `${slot.date.replaceAll('-', '')}0800`;
    await repo.createSlots([slot], 100_000);
    const { token } = await container.accessTokens.issue({
      sub: 'bench-user',
      role: 'customer',
      customerId: 'C001',
    });

    const path = `/policies/${policy.policyNo}/callback`;
    const body = JSON.stringify({ slotId });
    const event = () =>
      httpEvent({
        method: 'POST',
        path,
        token,
        rawBody: body,
        headers: { 'content-type': 'application/json' },
        pathParameters: { policyNo: policy.policyNo },
      });
    const invoke = async () => {
      const result = (await handler(event(), {} as never)) as { statusCode: number; body?: string };
      if (result.statusCode !== 201) throw new Error(`handler answered ${result.statusCode} ${result.body}`);
    };
    // Between calls the booking item is deleted (the slot has seats to spare), so every call books
    // a policy with no booking history and the recorded transaction's conditions hold on replay.
    const reset = async () => {
      await container.table.client.send(
        new DeleteCommand({
          TableName: container.table.table,
          Key: { pk: `POLICY#${policy.policyNo}`, sk: 'CALLBACK' },
        }),
      );
    };

    // Record the transaction the handler sends, to replay it bare.
    const { input, replay } = await recordTransaction(container.table.client, invoke);
    await reset();

    console.log(`POST ${path} (book), ${ITERATIONS} iterations\n`);
    const result = await compareWithBaseline(
      { name: `bare TransactWriteItems (${input.TransactItems?.length} items)`, run: replay },
      { name: 'whole handler', run: invoke },
      { bench: 'callback-booking', iterations: ITERATIONS, warmup: WARMUP, afterEach: reset, goal: 1.5 },
    );

    // Contention: 200 different policies want the 5 seats of one slot at the same moment.
    const contended = { date: addDays(today, 3), start: '07:30' };
    await repo.createSlots([contended], 5);
    const started = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        repo.book({
          policyNo: `8899${String(i).padStart(8, '0')}`,
          slotId: `${contended.date.replaceAll('-', '')}0730`,
          ...contended,
          customerId: 'C001',
          branchPath: 'HQ',
          reminderDueAt: 0,
          updatedAt: 0,
        }),
      ),
    );
    const took = performance.now() - started;
    const booked = results.filter((r) => r.status === 'fulfilled').length;
    const full = results.filter(
      (r) => r.status === 'rejected' && (r.reason as { userMessage?: string }).userMessage === '该时段已约满',
    ).length;
    const seat = await repo.getSlot(`${contended.date.replaceAll('-', '')}0730`);
    console.log(
      `\n200 parallel bookings of 5 seats: ${booked} booked, ${full} "该时段已约满", count ${seat?.booked}; ${took.toFixed(0)} ms in total`,
    );
    printBenchResult(result, {
      transactionItems: input.TransactItems?.length,
      contention: { attempts: 200, seats: 5, booked, full, count: seat?.booked, ms: Math.round(took) },
    });
  } finally {
    await stack.stop();
  }
}

await main();
process.exit(0);

/**
 * `npm run bench:notifications` — notification processing: the notifier telling 张伟 of an
 * approved application (claim in 消息中心, his notice preference, his WeChat account — none bound,
 * so the SMS fallback to the local SMS outbox — his phone decrypted, the outcome recorded) against
 * the bare DynamoDB requests that same call sends, measured in the same run against DynamoDB
 * Local. The bare requests are the call's own, recorded once and replayed with the same
 * concurrency; after every call of either side the message is deleted, so each claim is a fresh
 * conditional create. The ratio is the notifier's overhead, the SMS provider's file append included.
 */

import { startEphemeralStack } from '../functions/local/ephemeral-stack';
import { DeleteCommand } from '../functions/src/platform/dynamodb/document-client';
import { compareWithBaseline, printBenchResult } from './support/compare-with-baseline';
import { recordRounds } from './support/record-rounds';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 1000);
const WARMUP = 50;

async function main() {
  const stack = await startEphemeralStack();
  try {
    Object.assign(process.env, stack.env, { POWERTOOLS_LOG_LEVEL: 'ERROR' });

    const { getSystem } = await import('../functions/src/system');
    const { seedDemoData } = await import('../functions/src/seed/seed-demo-data');
    const { applicationNotification } = await import('@zhixiang/shared/notifications/content');
    const { messageIdOf } = await import('../functions/src/notifications/use-cases/notify');
    const container = getSystem();
    await seedDemoData({ repositories: container.repositories });
    const notification = applicationNotification({
      eventId: 'bench-approval',
      type: 'endorsement.approved',
      at: Date.now(),
      applicationId: 'EA20261205BENCH1',
      policyNo: '8831010000001',
      holderId: 'C001',
      endorsementType: 'policy_loan',
      amountCents: 1_000_000,
    });
    const forget = async () => {
      await container.table.client.send(
        new DeleteCommand({
          TableName: container.table.table,
          Key: { pk: `MESSAGE#${messageIdOf(notification.sourceKey)}`, sk: 'MESSAGE' },
        }),
      );
    };

    let status = '';
    const invoke = async () => {
      const result = await container.notifier.notify(notification);
      if (result.status !== 'sent' || result.duplicate) throw new Error(`notifier answered ${result.status}`);
      status = result.attempts.map((a) => `${a.channel}:${a.outcome}`).join(' → ');
    };

    await invoke(); // warm: data key unwrapped
    await forget();
    const recorded = await recordRounds(container.table.client, invoke);
    await forget();
    console.log(
      `notify (${status}): ${recorded.commands.length} DynamoDB requests in ${recorded.rounds} rounds (${recorded.commands.join(', ')}); ${ITERATIONS} iterations\n`,
    );
    const result = await compareWithBaseline(
      { name: 'bare DynamoDB requests', run: recorded.replay },
      { name: 'notifier', run: invoke },
      { bench: 'notifications', iterations: ITERATIONS, warmup: WARMUP, goal: 1.5, afterEach: forget },
    );
    printBenchResult(result, { channels: status, commands: recorded.commands });
  } finally {
    await stack.stop();
  }
}

await main();
process.exit(0);

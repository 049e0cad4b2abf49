/**
 * `npm run bench:home` — GET /me/todos (the customer's home) through the whole handler (middy,
 * JWT, each context's query, decryption, the to-do rules) against the bare DynamoDB requests that
 * same call sends, measured in the same run against DynamoDB Local. 张伟 as seeded: four policies
 * (one in its cooling-off period, so the callback bookings' BatchGetItem round is in), an
 * application awaiting his signature. The bare requests are the handler's own, recorded from one
 * invocation and replayed with the same concurrency, so the ratio is the composition's overhead.
 */
import { startEphemeralStack } from '../functions/local/ephemeral-stack';
import { httpEvent } from '../functions/src/platform/http/testing';
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
    const { handler } = await import('../functions/src/home/handlers/get-my-todos');
    const container = getSystem();
    await seedDemoData({ repositories: container.repositories });
    const { token } = await container.accessTokens.issue({
      sub: 'demo-customer-c001',
      role: 'customer',
      customerId: 'C001',
    });

    let todos = 0;
    const invoke = async () => {
      const result = (await handler(httpEvent({ path: '/me/todos', token }), {} as never)) as {
        statusCode: number;
        body: string;
      };
      if (result.statusCode !== 200) throw new Error(`handler answered ${result.statusCode}`);
      todos = (JSON.parse(result.body) as { todos: unknown[] }).todos.length;
    };

    await invoke(); // warm: data key unwrapped, products cached
    const recorded = await recordRounds(container.table.client, invoke);
    console.log(
      `GET /me/todos: ${todos} to-dos from ${recorded.commands.length} DynamoDB requests in ${recorded.rounds} rounds (${recorded.commands.join(', ')}); ${ITERATIONS} iterations\n`,
    );
    const result = await compareWithBaseline(
      { name: 'bare DynamoDB requests', run: recorded.replay },
      { name: 'whole handler', run: invoke },
      { bench: 'home', iterations: ITERATIONS, warmup: WARMUP, goal: 1.5 },
    );
    printBenchResult(result, { todos, commands: recorded.commands });
  } finally {
    await stack.stop();
  }
}

await main();
process.exit(0);

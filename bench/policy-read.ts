/**
 * `npm run bench:policy-read` — GET /policies/{policyNo} through the whole handler (middy, JWT,
 * access rule, decryption, masking) against the bare DynamoDB reads that same request performs,
 * measured in the same run against DynamoDB Local. The bare reads are the handler's own commands,
 * recorded from one invocation and replayed with the same concurrency (commands issued together
 * are replayed together), so the ratio is the handler's overhead and nothing else.
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
    const { DEMO_CUSTOMERS } = await import('../functions/src/seed/demo-data');
    const { handler } = await import('../functions/src/policies/handlers/get-policy');
    const container = getSystem();
    await seedDemoData({ repositories: container.repositories });

    const customer = DEMO_CUSTOMERS[0];
    if (!customer) throw new Error('no demo customer');
    const [policy] = await container.repositories.policies.listByCustomer(customer.customerId);
    if (!policy) throw new Error('demo customer has no policy');
    const { token } = await container.accessTokens.issue({
      sub: 'bench-user',
      role: 'customer',
      customerId: customer.customerId,
    });

    const path = `/policies/${policy.policyNo}`;
    const event = () => httpEvent({ path, token, pathParameters: { policyNo: policy.policyNo } });
    const invoke = async () => {
      const result = (await handler(event(), {} as never)) as { statusCode: number };
      if (result.statusCode !== 200) throw new Error(`handler answered ${result.statusCode}`);
    };

    await invoke(); // warm: data key unwrapped, caches filled
    const recorded = await recordRounds(container.table.client, invoke);
    console.log(
      `GET /policies/${policy.policyNo}: ${recorded.commands.length} DynamoDB commands in ${recorded.rounds} rounds (${recorded.commands.join(', ')}); ${ITERATIONS} iterations\n`,
    );
    const result = await compareWithBaseline(
      { name: 'bare DynamoDB reads', run: recorded.replay },
      { name: 'whole handler', run: invoke },
      { bench: 'policy-read', iterations: ITERATIONS, warmup: WARMUP, goal: 1.25 },
    );
    printBenchResult(result, { commands: recorded.commands });
  } finally {
    await stack.stop();
  }
}

await main();
process.exit(0);

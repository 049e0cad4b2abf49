/**
 * `npm run bench:policy-read` — GET /policies/{policyNo} through the whole handler (middy, JWT,
 * access rule, decryption, masking) against the bare DynamoDB reads that same request performs,
 * measured in the same run against DynamoDB Local. The bare reads are the handler's own commands,
 * recorded from one invocation and replayed with the same concurrency (commands issued together
 * are replayed together), so the ratio is the handler's overhead and nothing else.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startEphemeralStack } from '../functions/local/ephemeral-stack';
import { httpEvent } from '../functions/src/platform/http/testing';
import { compareWithBaseline, printBenchResult } from './support/compare-with-baseline';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 1000);
const WARMUP = 50;

interface Recorded {
  round: number;
  /** The lib-dynamodb command's class name, e.g. GetCommand. */
  commandName: string;
  input: unknown;
}

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

    // Record the commands one invocation sends, grouped into rounds of concurrent calls.
    const recorded: Recorded[] = [];
    let round = 0;
    let completedSinceLastStart = false;
    const low = container.table.client;
    low.middlewareStack.add(
      (next, context) => async (args) => {
        if (completedSinceLastStart) round++;
        completedSinceLastStart = false;
        recorded.push({ round, commandName: String(context.commandName), input: args.input });
        try {
          return await next(args);
        } finally {
          completedSinceLastStart = true;
        }
      },
      { step: 'initialize', name: 'benchRecorder' },
    );
    await invoke(); // warm: data key unwrapped, caches filled
    recorded.length = 0;
    round = 0;
    completedSinceLastStart = false;
    await invoke();
    low.middlewareStack.remove('benchRecorder');
    const rounds = new Map<number, Recorded[]>();
    for (const r of recorded) rounds.set(r.round, [...(rounds.get(r.round) ?? []), r]);

    const bare = new DynamoDBClient({});
    // The recorder sits on the low-level stack, so what it saw are DynamoDB's own commands with
    // marshalled input: replay them on a bare low-level client.
    const lowLevelCommands = await import('@aws-sdk/client-dynamodb');
    const replay = async () => {
      for (const group of rounds.values()) {
        await Promise.all(
          group.map((r) => {
            const Command = lowLevelCommands[r.commandName as keyof typeof lowLevelCommands];
            if (typeof Command !== 'function') throw new Error(`cannot replay ${r.commandName}`);
            return bare.send(new (Command as new (input: unknown) => never)(r.input));
          }),
        );
      }
    };

    const commands = recorded.map((r) => `round ${r.round} ${r.commandName}`).join(', ');
    console.log(
      `GET /policies/${policy.policyNo}: ${recorded.length} DynamoDB commands in ${rounds.size} rounds (${commands}); ${ITERATIONS} iterations\n`,
    );
    const result = await compareWithBaseline(
      { name: 'bare DynamoDB reads', run: replay },
      { name: 'whole handler', run: invoke },
      { bench: 'policy-read', iterations: ITERATIONS, warmup: WARMUP, goal: 1.25 },
    );
    printBenchResult(result, { commands: recorded.map((r) => `round ${r.round} ${r.commandName}`) });
  } finally {
    await stack.stop();
  }
}

await main();
process.exit(0);

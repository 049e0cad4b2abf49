import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

interface Recorded {
  round: number;
  /** DynamoDB's own command name, e.g. GetItemCommand. */
  commandName: string;
  input: unknown;
}

/**
 * The bare DynamoDB work of one handler call: the commands `invoke` sends through `client`,
 * grouped into rounds of concurrent calls (a command started after another finished opens a new
 * round), and `replay`, which sends the same commands with the same concurrency on a bare client.
 * The recorder sits on the low-level stack, so it sees DynamoDB's own commands with marshalled input.
 */
export async function recordRounds(
  client: { middlewareStack: DynamoDBClient['middlewareStack'] },
  invoke: () => Promise<void>,
  /**
   * `serialize`: record where every command's input is marshalled, the document client's too (at
   * `initialize` a document-client command still holds plain values: lists, maps and nulls of plain
   * objects that the bare client cannot send).
   */
  options: { step?: 'initialize' | 'serialize' } = {},
): Promise<{ commands: string[]; rounds: number; replay: () => Promise<void> }> {
  const recorded: Recorded[] = [];
  let round = 0;
  let completedSinceLastStart = false;
  client.middlewareStack.add(
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
    // Both steps' middleware take `args.input` and call `next(args)`: one shape serves either.
    { step: (options.step ?? 'initialize') as 'initialize', name: 'benchRecorder' },
  );
  try {
    await invoke();
  } finally {
    client.middlewareStack.remove('benchRecorder');
  }
  const rounds = new Map<number, Recorded[]>();
  for (const r of recorded) rounds.set(r.round, [...(rounds.get(r.round) ?? []), r]);

  const bare = new DynamoDBClient({});
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
  return {
    commands: recorded.map((r) => `round ${r.round} ${r.commandName}`),
    rounds: rounds.size,
    replay,
  };
}

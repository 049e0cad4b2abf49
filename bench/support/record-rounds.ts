import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDocumentClient } from '../../functions/src/platform/dynamodb/document-client';

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
 * The recorder sees each action as DynamoDB receives it (attribute values marshalled), so the
 * replay sends the same bytes through the SDK's bare low-level client.
 */
export async function recordRounds(
  client: DynamoDocumentClient,
  invoke: () => Promise<void>,
): Promise<{ commands: string[]; rounds: number; replay: () => Promise<void> }> {
  const recorded: Recorded[] = [];
  let round = 0;
  let completedSinceLastStart = false;
  const stop = client.observe(({ action, wire }) => {
    if (completedSinceLastStart) round++;
    completedSinceLastStart = false;
    recorded.push({ round, commandName: `${action}Command`, input: structuredClone(wire) });
    return () => {
      completedSinceLastStart = true;
    };
  });
  try {
    await invoke();
  } finally {
    stop();
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

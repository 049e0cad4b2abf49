import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface SentCommand {
  /** DynamoDB's own command name, e.g. `GetItemCommand`, `TransactWriteItemsCommand`. */
  command: string;
  input: Record<string, unknown>;
}

/** The DynamoDB commands `run` sends through `client`, in order: the round trips a path costs. */
export async function commandsSent(
  client: DynamoDBDocumentClient,
  run: () => Promise<unknown>,
): Promise<SentCommand[]> {
  const sent: SentCommand[] = [];
  const name = `commandSpy${Math.random().toString(36).slice(2)}`;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push({ command: context.commandName ?? '?', input: args.input as Record<string, unknown> });
      return next(args);
    },
    { step: 'initialize', name },
  );
  try {
    await run();
  } finally {
    client.middlewareStack.remove(name);
  }
  return sent;
}

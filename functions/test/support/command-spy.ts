import type { DynamoDocumentClient } from '../../src/platform/dynamodb/document-client';

export interface SentCommand {
  /** DynamoDB's own command name, e.g. `GetItemCommand`, `TransactWriteItemsCommand`. */
  command: string;
  /** The input: a document command's plain values, a raw action's attribute values. */
  input: Record<string, unknown>;
}

/** The DynamoDB commands `run` sends through `client`, in order: the round trips a path costs. */
export async function commandsSent(
  client: DynamoDocumentClient,
  run: () => Promise<unknown>,
): Promise<SentCommand[]> {
  const sent: SentCommand[] = [];
  const stop = client.observe(({ action, input }) => {
    sent.push({ command: `${action}Command`, input: input as Record<string, unknown> });
    return undefined;
  });
  try {
    await run();
  } finally {
    stop();
  }
  return sent;
}

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { DynamoDocumentClient } from '../../functions/src/platform/dynamodb/document-client';

/**
 * The baseline half of a "handler vs its bare transaction" benchmark: runs `invoke` once while
 * recording the TransactWriteItems it sends through `client`, and returns a function that sends
 * exactly that transaction again on a fresh document client (the recorder saw the document
 * client's plain values).
 */
export async function recordTransaction(
  client: DynamoDocumentClient,
  invoke: () => Promise<void>,
): Promise<{ input: TransactWriteCommandInput; replay: () => Promise<void> }> {
  let recorded: TransactWriteCommandInput | undefined;
  const stop = client.observe(({ action, input }) => {
    if (action === 'TransactWriteItems') recorded = structuredClone(input) as TransactWriteCommandInput;
    return undefined;
  });
  try {
    await invoke();
  } finally {
    stop();
  }
  if (!recorded) throw new Error('the handler sent no transaction');
  const input = recorded;
  const bare = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return {
    input,
    replay: async () => {
      await bare.send(new TransactWriteCommand(input));
    },
  };
}

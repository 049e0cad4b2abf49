import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient as DocumentClient,
  type DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';

/**
 * The baseline half of a "handler vs its bare transaction" benchmark: runs `invoke` once while
 * recording the TransactWriteItems it sends through `client`, and returns a function that sends
 * exactly that transaction again on a fresh document client (the recorder saw the document
 * client's plain values).
 */
export async function recordTransaction(
  client: DynamoDBDocumentClient,
  invoke: () => Promise<void>,
): Promise<{ input: TransactWriteCommandInput; replay: () => Promise<void> }> {
  let recorded: TransactWriteCommandInput | undefined;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'TransactWriteItemsCommand')
        recorded = args.input as TransactWriteCommandInput;
      return next(args);
    },
    { step: 'initialize', name: 'benchRecorder' },
  );
  try {
    await invoke();
  } finally {
    client.middlewareStack.remove('benchRecorder');
  }
  if (!recorded) throw new Error('the handler sent no transaction');
  const input = recorded;
  const bare = DocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return {
    input,
    replay: async () => {
      await bare.send(new TransactWriteCommand(input));
    },
  };
}

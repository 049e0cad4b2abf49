import { BatchWriteCommand } from '../../functions/src/platform/dynamodb/document-client';
import type { TableContext } from '../../functions/src/platform/dynamodb/table';

/**
 * A benchmark's bulk load into DynamoDB Local: BatchWriteItem, 25 items a request, `concurrency`
 * requests at once, each retrying its unprocessed items until all are written.
 */
export async function bulkLoad(
  { client, table }: Pick<TableContext, 'client' | 'table'>,
  items: readonly Record<string, unknown>[],
  concurrency = 16,
): Promise<void> {
  const flush = async (batch: readonly Record<string, unknown>[]) => {
    let request = batch.map((Item) => ({ PutRequest: { Item } }));
    while (request.length > 0) {
      const result = await client.send(new BatchWriteCommand({ RequestItems: { [table]: request } }));
      request = (result.UnprocessedItems?.[table] ?? []) as typeof request;
    }
  };
  for (let i = 0; i < items.length; i += 25 * concurrency) {
    const batches: Record<string, unknown>[][] = [];
    for (let k = i; k < Math.min(items.length, i + 25 * concurrency); k += 25)
      batches.push(items.slice(k, k + 25));
    await Promise.all(batches.map(flush));
  }
}

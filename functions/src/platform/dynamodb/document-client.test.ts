import { describe, expect, it } from 'vitest';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  DynamoDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactGetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from './document-client';
import { cancellationCodes, isConditionalCheckFailed } from './table';

// @local-stack: every command goes to this file's table in DynamoDB Local.

const client = new DynamoDocumentClient();
const TableName = String(process.env.TABLE_NAME);
const key = (pk: string) => ({ pk, sk: 'DOC' });

describe('the document client against DynamoDB Local', () => {
  it('writes and reads back every attribute type as lib-dynamodb does', async () => {
    const Item = {
      ...key('DOC#types'),
      text: '张伟 🙂',
      amount: 12345.67,
      negative: -3,
      flag: false,
      nothing: null,
      left: undefined,
      list: [1, 'two', { three: 3 }],
      map: { nested: { deeper: ['x'] } },
      tags: new Set(['a', 'b']),
      counts: new Set([1, 2]),
      bytes: new Uint8Array([0, 1, 254, 255]),
    };
    await client.send(new PutCommand({ TableName, Item }));
    const { Item: read } = await client.send(new GetCommand({ TableName, Key: key('DOC#types') }));
    const { left: _, ...expected } = Item;
    expect(read).toEqual(expected);
    expect(read?.bytes).toBeInstanceOf(Uint8Array);
    expect('left' in (read ?? {})).toBe(false);
  });

  it('updates with expression values and returns the new attributes', async () => {
    await client.send(new PutCommand({ TableName, Item: { ...key('DOC#update'), count: 1 } }));
    const { Attributes } = await client.send(
      new UpdateCommand({
        TableName,
        Key: key('DOC#update'),
        UpdateExpression: 'SET #c = #c + :one, #n = :note',
        ExpressionAttributeNames: { '#c': 'count', '#n': 'note' },
        ExpressionAttributeValues: { ':one': 1, ':note': { by: '李娜', at: [2026, 12, 5] } },
        ReturnValues: 'ALL_NEW',
      }),
    );
    expect(Attributes).toEqual({ ...key('DOC#update'), count: 2, note: { by: '李娜', at: [2026, 12, 5] } });
  });

  it('refuses a failed condition with the SDK error name, and reports each cancelled item', async () => {
    const put = new PutCommand({
      TableName,
      Item: key('DOC#claim'),
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    await client.send(put);
    const refused = await client.send(put).catch((e: unknown) => e);
    expect(refused).toMatchObject({ name: 'ConditionalCheckFailedException' });
    expect(isConditionalCheckFailed(refused)).toBe(true);

    const cancelled = await client
      .send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName, Item: key('DOC#other') } },
            { Put: { TableName, Item: key('DOC#claim'), ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      )
      .catch((e: unknown) => e);
    expect(cancelled).toMatchObject({ name: 'TransactionCanceledException' });
    expect(cancellationCodes(cancelled)).toEqual(['None', 'ConditionalCheckFailed']);
    expect((await client.send(new GetCommand({ TableName, Key: key('DOC#other') }))).Item).toBeUndefined();
  });

  it('pages a query, batches writes and reads, and reads in a transaction', async () => {
    const items = Array.from({ length: 30 }, (_, i) => ({
      pk: 'DOC#many',
      sk: `ITEM#${String(i).padStart(2, '0')}`,
      i,
    }));
    for (let start = 0; start < items.length; start += 25)
      await client.send(
        new BatchWriteCommand({
          RequestItems: {
            [TableName]: items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } })),
          },
        }),
      );
    const first = await client.send(
      new QueryCommand({
        TableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'DOC#many' },
        Limit: 20,
      }),
    );
    expect(first.Items).toHaveLength(20);
    expect(first.LastEvaluatedKey).toEqual({ pk: 'DOC#many', sk: 'ITEM#19' });
    const rest = await client.send(
      new QueryCommand({
        TableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'DOC#many' },
        ExclusiveStartKey: first.LastEvaluatedKey,
      }),
    );
    expect(rest.Items?.map((item) => item.i)).toEqual([20, 21, 22, 23, 24, 25, 26, 27, 28, 29]);

    const batch = await client.send(
      new BatchGetCommand({
        RequestItems: { [TableName]: { Keys: [{ pk: 'DOC#many', sk: 'ITEM#03' }, key('DOC#none')] } },
      }),
    );
    expect(batch.Responses?.[TableName]).toEqual([{ pk: 'DOC#many', sk: 'ITEM#03', i: 3 }]);
    const together = await client.send(
      new TransactGetCommand({
        TransactItems: [
          { Get: { TableName, Key: { pk: 'DOC#many', sk: 'ITEM#04' } } },
          { Get: { TableName, Key: key('DOC#none') } },
        ],
      }),
    );
    expect(together.Responses?.map((r) => r.Item)).toEqual([
      { pk: 'DOC#many', sk: 'ITEM#04', i: 4 },
      undefined,
    ]);

    await client.send(new DeleteCommand({ TableName, Key: { pk: 'DOC#many', sk: 'ITEM#04' } }));
    expect(
      (await client.send(new GetCommand({ TableName, Key: { pk: 'DOC#many', sk: 'ITEM#04' } }))).Item,
    ).toBeUndefined();
  });
});

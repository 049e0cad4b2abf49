import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { ensureTable, localCredentials, readLocalResources } from '../../local/create-resources';
import './local-stack-context';

/**
 * Runs before every test file (vitest setupFiles). It points the SDK at the emulators and gives
 * the file a table of its own — same key schema and GSIs as serverless.yml — so files running in
 * parallel never see each other's items. TABLE_NAME is what handlers and adapters read.
 */
const stack = inject('localStack');
Object.assign(process.env, stack.env);

const [table] = process.env.NO_TABLE ? [] : readLocalResources().tables;
if (table) {
  const tableName = `${table.input.TableName}-test-${randomUUID().slice(0, 8)}`;
  const client = new DynamoDBClient({
    endpoint: stack.dynamodbEndpoint,
    region: stack.env.AWS_REGION,
    credentials: localCredentials,
  });
  await ensureTable(client, { ...table.input, TableName: tableName });
  client.destroy();
  process.env.TABLE_NAME = tableName;
}

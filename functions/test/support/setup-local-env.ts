import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import './local-stack-context';
import { startFileWithCleanProcess } from './test-file-isolation';

/**
 * Runs before every test file (vitest setupFiles). It points the SDK at the emulators and gives
 * the file a table of its own — the same key schema and GSIs as serverless.yml, as read by the
 * global setup — so files running in parallel never see each other's items. TABLE_NAME is what
 * handlers and adapters read.
 *
 * It talks to DynamoDB Local with a bare fetch instead of the SDK.
 *
 * Test files share their worker process (no isolation: importing the module graph anew for every
 * file was a third of the run), so each file first gets the environment the worker started with
 * and a process wiring rebuilt on first use, never the previous file's table.
 */
startFileWithCleanProcess();
const stack = inject('localStack');
Object.assign(process.env, stack.env);

if (stack.tableDefinition.TableName) {
  const tableName = `${String(stack.tableDefinition.TableName)}-test-${randomUUID().slice(0, 8)}`;
  const response = await fetch(stack.dynamodbEndpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'DynamoDB_20120810.CreateTable',
      // DynamoDB Local reads the credential scope but does not verify the signature.
      authorization:
        'AWS4-HMAC-SHA256 Credential=S3RVER/20240101/cn-north-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify({ ...stack.tableDefinition, TableName: tableName }),
  });
  if (!response.ok) throw new Error(`cannot create the test table ${tableName}: ${await response.text()}`);
  process.env.TABLE_NAME = tableName;
}

// After the environment is in place: modules read it as they load (the logger its level).
const { setSystem } = await import('../../src/system');
setSystem(undefined);

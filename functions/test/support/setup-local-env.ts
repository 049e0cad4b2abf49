import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import './local-stack-context';

/**
 * Runs before every test file (vitest setupFiles). It points the SDK at the emulators and gives
 * the file a table of its own — the same key schema and GSIs as serverless.yml, as read by the
 * global setup — so files running in parallel never see each other's items. TABLE_NAME is what
 * handlers and adapters read.
 *
 * It talks to DynamoDB Local with a bare fetch instead of the SDK: loading the SDK here cost every
 * test file (also those of shared/) about two seconds on this machine.
 */
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

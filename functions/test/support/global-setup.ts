import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createLocalResources } from '../../local/create-resources';
import { startDynamoDbLocal } from '../../local/dynamodb-local';
import { buildLocalEnv } from '../../local/local-env';
import { startS3Local } from '../../local/s3-local';
import './local-stack-context';

/**
 * Starts DynamoDB Local (in memory) and s3rver on free ports once per `vitest run`, creates the
 * table and bucket from serverless.yml, and provides the endpoints and the local environment to
 * every test file. setup-local-env.ts copies that environment into each test file's process.env.
 */
export default async function setup(project: TestProject) {
  const started = performance.now();
  const dataDir = await mkdtemp(join(tmpdir(), 'zx-test-'));
  const [dynamodb, s3] = await Promise.all([startDynamoDbLocal(), startS3Local()]);
  try {
    const resources = await createLocalResources({
      dynamodbEndpoint: dynamodb.endpoint,
      s3Endpoint: s3.endpoint,
    });
    const env = await buildLocalEnv({
      dynamodbEndpoint: dynamodb.endpoint,
      s3Endpoint: s3.endpoint,
      dataDir,
      resources,
    });
    const tableDefinition = JSON.parse(JSON.stringify(resources.tables[0]?.input ?? {})) as Record<
      string,
      unknown
    >;
    project.provide('localStack', {
      tableDefinition,
      dynamodbEndpoint: dynamodb.endpoint,
      s3Endpoint: s3.endpoint,
      env,
      dataDir,
    });
  } catch (error) {
    await Promise.all([dynamodb.stop(), s3.stop()]);
    throw error;
  }
  console.log(
    `local stack for tests: DynamoDB Local ${dynamodb.endpoint}, s3rver ${s3.endpoint} (${Math.round(performance.now() - started)} ms)`,
  );
  return async () => {
    await Promise.all([dynamodb.stop(), s3.stop()]);
    await rm(dataDir, { recursive: true, force: true });
  };
}

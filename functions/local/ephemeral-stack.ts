import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CreatedResources, createLocalResources } from './create-resources';
import { type DynamoDbLocal, startDynamoDbLocal } from './dynamodb-local';
import { buildLocalEnv } from './local-env';
import { type S3Local, startS3Local } from './s3-local';

/**
 * A throw-away local AWS for tests, browser journeys and benchmarks: DynamoDB Local in memory and
 * s3rver in a temp folder on free ports, the table and bucket from serverless.yml, and the
 * environment handlers expect (key files and SMS outbox in a temp folder). `stop()` removes it all.
 */
export interface EphemeralStack {
  dynamodb: DynamoDbLocal;
  s3: S3Local;
  resources: CreatedResources;
  /** The local-stage environment for handlers (see local-env.ts). */
  env: Record<string, string>;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startEphemeralStack(): Promise<EphemeralStack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'zx-stack-'));
  const [dynamodb, s3] = await Promise.all([startDynamoDbLocal(), startS3Local()]);
  const stop = async () => {
    await Promise.allSettled([dynamodb.stop(), s3.stop()]);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const endpoints = { dynamodbEndpoint: dynamodb.endpoint, s3Endpoint: s3.endpoint };
    const resources = await createLocalResources(endpoints);
    const env = await buildLocalEnv({ ...endpoints, dataDir, resources });
    return { dynamodb, s3, resources, env, dataDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

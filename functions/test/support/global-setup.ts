import type { TestProject } from 'vitest/node';
import { startEphemeralStack } from '../../local/ephemeral-stack';
import './local-stack-context';

/**
 * Starts DynamoDB Local (in memory) and s3rver on free ports once per `vitest run`, creates the
 * table and bucket from serverless.yml, and provides the endpoints and the local environment to
 * every test file. setup-local-env.ts copies that environment into each test file's process.env.
 */
export default async function setup(project: TestProject) {
  const started = performance.now();
  const stack = await startEphemeralStack();
  const tableDefinition = JSON.parse(JSON.stringify(stack.resources.tables[0]?.input ?? {})) as Record<
    string,
    unknown
  >;
  project.provide('localStack', {
    tableDefinition,
    dynamodbEndpoint: stack.dynamodb.endpoint,
    s3Endpoint: stack.s3.endpoint,
    env: stack.env,
    dataDir: stack.dataDir,
  });
  console.log(
    `local stack for tests: DynamoDB Local ${stack.dynamodb.endpoint}, s3rver ${stack.s3.endpoint} (${Math.round(performance.now() - started)} ms)`,
  );
  return () => stack.stop();
}

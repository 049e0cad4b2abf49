import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFileWithCleanProcess } from './test-file-isolation';

/**
 * Runs before every test file of the `unit` project (vitest setupFiles), which has no DynamoDB
 * Local and no s3rver. Every AWS client is pointed at a local endpoint that refuses each call at
 * once with an error naming the rule, so a unit test that needs the local stack fails loudly
 * instead of waiting on an emulator, on AWS or on the instance-metadata credential lookup.
 */
startFileWithCleanProcess();

const NO_LOCAL_STACK_MESSAGE =
  'this test called AWS, but unit tests run without the local stack: move it to functions/test/ ' +
  '(the integration project) or write @local-stack in a comment of a test file beside the code';

async function startRefusingEndpoint(): Promise<string> {
  const server = createServer((request, response) => {
    request.resume();
    const message = `${NO_LOCAL_STACK_MESSAGE} (${request.method} ${request.headers.host}${request.url})`;
    // JSON for the JSON protocols (DynamoDB, KMS, SSM, Secrets Manager), XML for S3.
    if (request.headers['x-amz-target']) {
      response.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
      response.end(JSON.stringify({ __type: 'UnitTestWithoutLocalStack', message }));
    } else {
      response.writeHead(400, { 'content-type': 'application/xml' });
      response.end(`<Error><Code>UnitTestWithoutLocalStack</Code><Message>${message}</Message></Error>`);
    }
  });
  server.unref();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** One refusing endpoint per worker process, which its test files share. */
const REFUSING_ENDPOINT = Symbol.for('zhixiang.test.refusingEndpoint');
const worker = globalThis as typeof globalThis & { [REFUSING_ENDPOINT]?: Promise<string> };
worker[REFUSING_ENDPOINT] ??= startRefusingEndpoint();
const endpoint = await worker[REFUSING_ENDPOINT];

Object.assign(process.env, {
  AWS_REGION: 'cn-north-1',
  AWS_ACCESS_KEY_ID: 'unit-test',
  AWS_SECRET_ACCESS_KEY: 'unit-test',
  AWS_ENDPOINT_URL: endpoint,
  AWS_ENDPOINT_URL_DYNAMODB: endpoint,
  AWS_ENDPOINT_URL_S3: endpoint,
  TABLE_NAME: 'no-table-in-unit-tests',
  // Business metrics: Powertools writes nothing (its own unit test turns them on).
  POWERTOOLS_METRICS_DISABLED: 'true',
});
delete process.env.AWS_SESSION_TOKEN;
delete process.env.AWS_PROFILE;

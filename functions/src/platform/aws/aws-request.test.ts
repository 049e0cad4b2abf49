import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { awsNow } from './aws-request';
import { callJsonApi, type JsonApi } from './json-api';

/**
 * A fake JSON-protocol endpoint that answers from a script, one answer per request, and keeps
 * what it was sent: retries, error shapes and signing are those of the SDK's standard mode.
 */
type Answer = { status: number; body: string; headers?: Record<string, string> } | 'drop';
let script: Answer[] = [];
const received: { target: string; authorization: string; amzDate: string; body: string }[] = [];
let server: Server;
let endpoint: string;

const API: JsonApi = {
  signingName: 'dynamodb',
  endpointId: 'TEST_FAKE',
  hostPrefix: 'dynamodb',
  targetPrefix: 'DynamoDB_20120810',
  version: '1.0',
};

beforeAll(async () => {
  server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push({
      target: String(req.headers['x-amz-target']),
      authorization: String(req.headers.authorization),
      amzDate: String(req.headers['x-amz-date']),
      body: Buffer.concat(chunks).toString('utf8'),
    });
    const answer = script.shift() ?? { status: 200, body: '{}' };
    if (answer === 'drop') {
      req.socket.destroy();
      return;
    }
    res.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.0', ...answer.headers });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  script = [];
  received.length = 0;
});

const call = (input: unknown = { TableName: 't' }) =>
  callJsonApi<Record<string, unknown>>(API, 'GetItem', input, { endpoint });

describe('the signed JSON transport', () => {
  it('posts the input with the action as target, signed for the service', async () => {
    script = [{ status: 200, body: '{"Item":{"pk":{"S":"P1"}}}' }];
    expect(await call({ TableName: 't', Key: { pk: { S: '保单' } } })).toEqual({ Item: { pk: { S: 'P1' } } });
    expect(received).toHaveLength(1);
    expect(received[0]?.target).toBe('DynamoDB_20120810.GetItem');
    expect(JSON.parse(received[0]?.body ?? '')).toEqual({ TableName: 't', Key: { pk: { S: '保单' } } });
    expect(received[0]?.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=[^/]+\/\d{8}\/[a-z0-9-]+\/dynamodb\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$/,
    );
  });

  it('retries a 5xx answer and a dropped connection, then answers', async () => {
    script = [
      { status: 500, body: '{"__type":"InternalServerError","message":"boom"}' },
      'drop',
      { status: 200, body: '{"ok":true}' },
    ];
    expect(await call()).toEqual({ ok: true });
    expect(received).toHaveLength(3);
  });

  it('gives up on throttling after three attempts with the service error, named as the SDK names it', async () => {
    const throttled = {
      status: 400,
      body: '{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"slow down"}',
    };
    script = [throttled, throttled, throttled, { status: 200, body: '{}' }];
    const error = await call().catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'ProvisionedThroughputExceededException',
      message: 'slow down',
      $metadata: { httpStatusCode: 400, attempts: 3 },
    });
    expect(received).toHaveLength(3);
  });

  it('does not retry a refusal, and keeps its fields (a transaction’s cancellation reasons)', async () => {
    script = [
      {
        status: 400,
        body: JSON.stringify({
          __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
          Message: 'Transaction cancelled',
          CancellationReasons: [
            { Code: 'None' },
            { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' },
          ],
        }),
      },
    ];
    const error = await call().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'TransactionCanceledException',
      message: 'Transaction cancelled',
      CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }],
    });
    expect(received).toHaveLength(1);
  });

  it('names an answer that is not JSON by its status, or by the error-type header', async () => {
    script = [
      {
        status: 403,
        body: '<html>Forbidden</html>',
        headers: { 'x-amzn-errortype': 'AccessDeniedException:http://internal' },
      },
    ];
    expect(await call().catch((e: unknown) => e)).toMatchObject({ name: 'AccessDeniedException' });
    script = [{ status: 404, body: 'not here' }];
    expect(await call().catch((e: unknown) => e)).toMatchObject({
      name: 'Http404',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('signs by the server’s clock once an answer shows ours is off, and retries the refusal that taught it', async () => {
    const serverTime = Date.now() - 3_600_000;
    const date = new Date(serverTime).toUTCString();
    script = [
      {
        status: 400,
        body: '{"__type":"InvalidSignatureException","message":"Signature expired"}',
        headers: { date },
      },
      { status: 200, body: '{}', headers: { date } },
    ];
    expect(await call()).toEqual({});
    expect(received).toHaveLength(2);
    const signedAt = (amzDate: string) =>
      Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
    expect(Math.abs(signedAt(received[0]?.amzDate ?? '') - Date.now())).toBeLessThan(60_000);
    expect(Math.abs(signedAt(received[1]?.amzDate ?? '') - serverTime)).toBeLessThan(60_000);
    expect(Math.abs(awsNow() - serverTime)).toBeLessThan(60_000);
    // Back in step: an answer dated now puts the offset back.
    script = [{ status: 200, body: '{}', headers: { date: new Date().toUTCString() } }];
    await call();
    expect(Math.abs(awsNow() - Date.now())).toBeLessThan(2_000);
  });
});

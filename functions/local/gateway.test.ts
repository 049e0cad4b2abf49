import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createApiClient } from '../test/support/api-client';
import { startTestGateway, type TestGateway } from '../test/support/test-gateway';
import { readRoutes } from './gateway';
import { repoRoot, serverlessYmlPath } from './local-paths';

const fixtureYml = join(repoRoot, 'functions/test/support/fixtures/serverless.fixture.yml');

interface Echo {
  event: {
    version: string;
    routeKey: string;
    rawPath: string;
    rawQueryString: string;
    headers: Record<string, string>;
    cookies?: string[];
    queryStringParameters?: Record<string, string>;
    pathParameters?: Record<string, string>;
    requestContext: {
      http: { method: string; path: string; sourceIp: string; userAgent: string };
      requestId: string;
      routeKey: string;
      stage: string;
      timeEpoch: number;
    };
    body?: string;
    isBase64Encoded: boolean;
  };
  context: { functionName: string; awsRequestId: string; remainingMs: number };
  env: { STAGE?: string; TABLE_NAME?: string };
}

describe('local gateway (fixture service)', () => {
  let gateway: TestGateway;
  let api: ApiClient;

  beforeAll(async () => {
    gateway = await startTestGateway({ ymlPath: fixtureYml });
    api = createApiClient(gateway.url);
  });
  afterAll(() => gateway.close());

  it('builds an HTTP API v2 event with path parameters, query and lower-cased headers', async () => {
    const response = await api.get<Echo>('/echo/P%2042?b=2&a=1&a=3&empty=', {
      headers: { 'X-Custom-Header': 'Yes', 'User-Agent': 'fixture-agent', Cookie: 'c1=x; c2=y' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-fixture')).toBe('echo');
    const { event, context } = response.body;
    expect(event.version).toBe('2.0');
    expect(event.routeKey).toBe('GET /echo/{id}');
    expect(event.rawPath).toBe('/echo/P%2042');
    expect(event.rawQueryString).toBe('b=2&a=1&a=3&empty=');
    expect(event.pathParameters).toEqual({ id: 'P 42' });
    expect(event.queryStringParameters).toEqual({ a: '1,3', b: '2', empty: '' });
    expect(event.headers['x-custom-header']).toBe('Yes');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.cookies).toEqual(['c1=x', 'c2=y']);
    expect(event.requestContext.http).toMatchObject({
      method: 'GET',
      path: '/echo/P%2042',
      userAgent: 'fixture-agent',
    });
    expect(event.requestContext.http.sourceIp).toBe('127.0.0.1');
    expect(event.requestContext.routeKey).toBe('GET /echo/{id}');
    expect(event.requestContext.stage).toBe('$default');
    expect(event.requestContext.requestId).toBe(context.awsRequestId);
    expect(response.headers.get('apigw-requestid')).toBe(context.awsRequestId);
    expect(Math.abs(event.requestContext.timeEpoch - Date.now())).toBeLessThan(10_000);
    expect(event.isBase64Encoded).toBe(false);
    expect(event.body).toBeUndefined();
    expect(context.functionName).toBe('zhixiang-kefu-local-echo');
    expect(context.remainingMs).toBeGreaterThan(0);
    expect(context.remainingMs).toBeLessThanOrEqual(5000);
  });

  it('passes the body as a string and omits absent query and path parameters', async () => {
    const response = await api.post<Echo>('/echo/1', { 名字: '张三' });
    expect(response.body.event.routeKey).toBe('POST /echo/{id}');
    expect(response.body.event.body).toBe(JSON.stringify({ 名字: '张三' }));
    expect(response.body.event.isBase64Encoded).toBe(false);
    expect(response.body.event.queryStringParameters).toBeUndefined();

    const special = await api.get<Echo>('/items/special');
    expect(special.body.event.routeKey).toBe('GET /items/special');
    expect(special.body.event.pathParameters).toBeUndefined();
    const item = await api.get<Echo>('/items/42');
    expect(item.body.event.pathParameters).toEqual({ itemId: '42' });
  });

  it('base64-encodes binary bodies', async () => {
    const bytes = new Uint8Array([0, 255, 1, 254]);
    const response = await api.request<Echo>('POST', '/echo/bin', {
      rawBody: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(response.body.event.isBase64Encoded).toBe(true);
    expect(Buffer.from(response.body.event.body!, 'base64')).toEqual(Buffer.from(bytes));
  });

  it('returns the handler status, headers and cookies as they are', async () => {
    const response = await api.get('/teapot');
    expect(response.status).toBe(418);
    expect(response.headers.get('x-brewed')).toBe('no');
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(response.text).toBe('我是茶壶');
  });

  it('turns a bare returned object into 200 JSON', async () => {
    const response = await api.get('/plain');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true });
  });

  it('answers 500 with the INTERNAL error when a handler throws, and logs it redacted', async () => {
    const response = await api.get('/boom');
    expect(response.status).toBe(500);
    expect(response.body).toMatchObject({ code: 'INTERNAL', message: '系统繁忙，请稍后再试' });
    const thrown = gateway.logs.find((line) => line.startsWith('boom threw'));
    expect(thrown).toContain('fixture failure');
    expect(gateway.logs.join('\n')).not.toContain('11010519491231002X');
  });

  it('answers 500 when a handler outlives its timeout', async () => {
    const response = await api.get('/slow');
    expect(response.status).toBe(500);
    expect(gateway.logs.some((line) => line.includes('timed out after 1 seconds'))).toBe(true);
  });

  it('answers 501 for a declared route whose module does not exist yet', async () => {
    const response = await api.get('/later');
    expect(response.status).toBe(501);
    expect(response.body).toMatchObject({ code: 'NOT_IMPLEMENTED' });
  });

  it('answers 404 JSON for unknown routes and 405 for a known path with another method', async () => {
    const unknown = await api.get('/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'NOT_FOUND' });
    const wrongMethod = await api.request('DELETE', '/boom');
    expect(wrongMethod.status).toBe(405);
  });

  it('answers CORS preflights from serverless.yml and adds CORS headers to responses', async () => {
    const preflight = await fetch(`${gateway.url}/echo/1`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:8080',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');

    const refused = await fetch(`${gateway.url}/echo/1`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:8080',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-not-listed',
      },
    });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();

    const response = await api.get('/plain', { headers: { origin: 'http://localhost:8080' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const failed = await api.get('/boom', { headers: { origin: 'http://localhost:8080' } });
    expect(failed.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers a body over API Gateway’s 10 MB with a JSON 413, never a reset connection', async () => {
    const response = await fetch(`${gateway.url}/echo/big`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array(11 * 1024 * 1024).fill(0x20),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: '请求内容过大（上限 10 MB）',
    });
  });

  it('answers a request line and headers over HTTP API’s 10240 bytes with a JSON 431 in Chinese', async () => {
    const longSearch = encodeURIComponent('重疾险'.repeat(700)); // 2,100 characters, 18,900 bytes
    const response = await fetch(`${gateway.url}/echo/1?q=${longSearch}`, {
      headers: { origin: 'http://localhost:8080' },
    });
    expect(response.status).toBe(431);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.json()).toEqual({
      code: 'REQUEST_TOO_LARGE',
      message: '请求地址或请求头过长，请缩短搜索内容或输入后重试',
    });
    // Just under the limit still reaches the handler.
    expect((await fetch(`${gateway.url}/echo/1?q=${'a'.repeat(9000)}`)).status).toBe(200);
  });

  it('logs one line per request with method, path, status and duration', async () => {
    await api.get('/plain?secret=1');
    expect(gateway.logs.at(-1)).toMatch(/^GET \/plain 200 \d+ms$/);
  });
});

describe('routes of the real serverless.yml', () => {
  it('are read with their methods and path parameters', () => {
    const routes = readRoutes({ ymlPath: serverlessYmlPath });
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      expect(route.handler).toMatch(/^functions\/src\/[a-z-]+\/handlers\/[\w-]+\.\w+$/);
      expect(route.routeKey).toBe(`${route.method} ${route.path}`);
    }
    const getPolicy = routes.find((route) => route.path === '/policies/{policyNo}');
    expect(getPolicy?.paramNames).toEqual(['policyNo']);
  });
});

describe('captureProcessOutput', () => {
  it('records what is written to stdout, including lines that bypass console', async () => {
    const { captureProcessOutput } = await import('../test/support/capture-output');
    const captured = captureProcessOutput();
    process.stdout.write('{"level":"INFO","message":"direct"}\n');
    console.log('via console');
    captured.stop();
    expect(captured.lines()).toEqual(['{"level":"INFO","message":"direct"}', 'via console']);
  });
});

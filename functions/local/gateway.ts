import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { redactText } from '@zhixiang/shared/privacy/mask';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { setSystem } from '../src/system';
import { lambdaContext } from './lambda-context';
import { serverlessYmlPath } from './local-paths';
import { type CorsSpec, type HttpApiEventSpec, loadServerlessConfig } from './serverless-config';
import { createWebSocketApi, LIVE_CHAT_PATH, readWebSocketRoutes } from './websocket-api';

/**
 * The local stand-in for API Gateway HTTP API (payload format 2.0): it serves every `httpApi`
 * route declared in serverless.yml by building the same event API Gateway would and calling the
 * same handler module in-process. Real status codes pass through; an exception is a 500, never a
 * 200 (serverless-offline got both wrong).
 */

export interface Route {
  functionName: string;
  handler: string;
  method: string;
  path: string;
  routeKey: string;
  timeoutSeconds: number;
  memorySize: number;
  pattern: RegExp;
  paramNames: string[];
  /** Literal segments count more than parameters when two routes match (API Gateway's rule). */
  specificity: number;
}

export interface GatewayOptions {
  /** 0 or undefined = a free port. */
  port?: number;
  host?: string;
  /** Set on process.env before any handler is loaded (handlers read config from process.env). */
  env?: Record<string, string>;
  ymlPath?: string;
  /** Handler paths are relative to this folder (Serverless's service dir = the yml's folder). */
  serviceDir?: string;
  stage?: string;
  /** Receives one line per request and handler errors; defaults to console. */
  log?: (line: string) => void;
}

export interface Gateway {
  url: string;
  port: number;
  /** The WebSocket API (live chat), on the same port. */
  liveChatUrl: string;
  routes: Route[];
  close(): Promise<void>;
}

const INTERNAL_ERROR = { code: 'INTERNAL', message: '系统繁忙，请稍后再试' };
/** API Gateway's own payload limit; handlers enforce their smaller limits (64 KiB) themselves. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
/**
 * HTTP API's limit on the request line and header values together (10240 bytes; a long search
 * in the query string reaches it first). Node's parser counts the same lines.
 */
const MAX_HEADER_BYTES = 10 * 1024;
const REQUEST_TOO_LARGE = {
  code: 'REQUEST_TOO_LARGE',
  message: '请求地址或请求头过长，请缩短搜索内容或输入后重试',
};

const DEFAULT_CORS: Required<Pick<CorsSpec, 'allowedOrigins' | 'allowedHeaders' | 'allowedMethods'>> = {
  allowedOrigins: ['*'],
  allowedHeaders: [
    'Content-Type',
    'X-Amz-Date',
    'Authorization',
    'X-Api-Key',
    'X-Amz-Security-Token',
    'X-Amz-User-Agent',
    'X-Amzn-Trace-Id',
  ],
  allowedMethods: ['OPTIONS', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
};

function compilePath(path: string): { pattern: RegExp; paramNames: string[]; specificity: number } {
  const paramNames: string[] = [];
  let specificity = 0;
  const segments = path
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const greedy = /^\{(\w+)\+\}$/.exec(segment);
      if (greedy) {
        paramNames.push(greedy[1]!);
        return '(.+)';
      }
      const param = /^\{(\w+)\}$/.exec(segment);
      if (param) {
        paramNames.push(param[1]!);
        specificity += 1;
        return '([^/]+)';
      }
      specificity += 100;
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    });
  return { pattern: new RegExp(`^/${segments.join('/')}/?$`), paramNames, specificity };
}

export function readRoutes(options: Pick<GatewayOptions, 'ymlPath' | 'stage'> = {}): Route[] {
  const config = loadServerlessConfig({ ymlPath: options.ymlPath, stage: options.stage ?? 'local' });
  const routes: Route[] = [];
  for (const [functionName, spec] of Object.entries(config.functions ?? {})) {
    for (const event of spec.events ?? []) {
      if (!event.httpApi) continue;
      let method: string;
      let path: string;
      if (typeof event.httpApi === 'string') {
        // `httpApi: '*'` is the catch-all; `httpApi: 'GET /x'` the short form.
        [method, path] =
          event.httpApi === '*' ? ['*', '/{proxy+}'] : (event.httpApi.split(/\s+/) as [string, string]);
      } else {
        ({ method, path } = event.httpApi as HttpApiEventSpec);
      }
      method = method.toUpperCase() === 'ANY' ? '*' : method.toUpperCase();
      routes.push({
        functionName,
        handler: spec.handler,
        method,
        path,
        routeKey: event.httpApi === '*' ? '$default' : `${method === '*' ? 'ANY' : method} ${path}`,
        timeoutSeconds: spec.timeout ?? config.provider.timeout ?? 6,
        memorySize: spec.memorySize ?? config.provider.memorySize ?? 1024,
        ...compilePath(path),
      });
    }
  }
  return routes.sort(
    (a, b) => b.specificity - a.specificity || (a.method === '*' ? 1 : 0) - (b.method === '*' ? 1 : 0),
  );
}

function matchRoute(routes: Route[], method: string, path: string) {
  let pathMatched = false;
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    pathMatched = true;
    if (route.method !== '*' && route.method !== method) continue;
    const pathParameters: Record<string, string> = {};
    route.paramNames.forEach((name, index) => {
      const raw = match[index + 1]!;
      try {
        pathParameters[name] = decodeURIComponent(raw);
      } catch {
        pathParameters[name] = raw;
      }
    });
    return { route, pathParameters };
  }
  return { route: undefined, pathParameters: undefined, pathMatched };
}

function resolveCors(spec: boolean | CorsSpec | undefined): (CorsSpec & typeof DEFAULT_CORS) | undefined {
  if (!spec) return undefined;
  if (spec === true) return { ...DEFAULT_CORS };
  return {
    ...spec,
    allowedOrigins: spec.allowedOrigins ?? DEFAULT_CORS.allowedOrigins,
    allowedHeaders: spec.allowedHeaders ?? DEFAULT_CORS.allowedHeaders,
    allowedMethods: spec.allowedMethods ?? DEFAULT_CORS.allowedMethods,
  };
}

function allowedOrigin(cors: CorsSpec & typeof DEFAULT_CORS, origin: string | undefined): string | undefined {
  if (!origin) return undefined;
  if (cors.allowedOrigins.includes('*')) return cors.allowCredentials ? origin : '*';
  return cors.allowedOrigins.includes(origin) ? origin : undefined;
}

/** The kinds of body API Gateway passes as text; anything else arrives base64-encoded. */
function isTextual(contentType: string | undefined): boolean {
  if (!contentType) return true;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return (
    type.startsWith('text/') ||
    type === 'application/json' ||
    type.endsWith('+json') ||
    type === 'application/x-www-form-urlencoded' ||
    type === 'application/xml' ||
    type.endsWith('+xml') ||
    type === 'application/javascript'
  );
}

/**
 * The body, or 'too-large' past API Gateway's limit. A body that is too large is still read to its
 * end (and dropped), so the client receives the 413 instead of a connection reset mid-upload.
 */
async function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  return size > MAX_BODY_BYTES ? 'too-large' : Buffer.concat(chunks);
}

export function buildEvent(input: {
  request: IncomingMessage;
  route: Route;
  pathParameters: Record<string, string>;
  rawPath: string;
  rawQueryString: string;
  body: Buffer;
  requestId: string;
  now: Date;
}): APIGatewayProxyEventV2 {
  const { request, route, body } = input;
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    const name = request.rawHeaders[i]!.toLowerCase();
    const value = request.rawHeaders[i + 1]!;
    if (name === 'cookie') {
      cookies.push(
        ...value
          .split(';')
          .map((cookie) => cookie.trim())
          .filter(Boolean),
      );
      continue;
    }
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  }
  headers['x-forwarded-for'] ??= request.socket.remoteAddress ?? '127.0.0.1';
  headers['x-forwarded-proto'] ??= 'http';
  headers['x-forwarded-port'] ??= String(request.socket.localPort ?? '');

  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(input.rawQueryString)) {
    query[key] = query[key] === undefined ? value : `${query[key]},${value}`;
  }
  const textual = isTextual(headers['content-type']);
  const sourceIp = (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath: input.rawPath,
    rawQueryString: input.rawQueryString,
    headers,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0]!,
      http: {
        method: request.method ?? 'GET',
        path: input.rawPath,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: input.requestId,
      routeKey: route.routeKey,
      stage: '$default',
      time: input.now.toISOString(),
      timeEpoch: input.now.getTime(),
    },
    isBase64Encoded: body.length > 0 && !textual,
  };
  if (cookies.length > 0) event.cookies = cookies;
  if (Object.keys(query).length > 0) event.queryStringParameters = query;
  if (route.paramNames.length > 0) event.pathParameters = input.pathParameters;
  if (body.length > 0) event.body = textual ? body.toString('utf8') : body.toString('base64');
  return event;
}

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

/**
 * The function an HTTP request is being served by, for the whole of its handling: lets a test
 * attribute what the handler does (for example its table writes) to the function that did it.
 */
export const invokingFunction = new AsyncLocalStorage<string>();

class HandlerUnavailable extends Error {}

/** Turns a handler's return value into status/headers/body the way payload format 2.0 does. */
function toHttpResult(result: unknown): {
  statusCode: number;
  headers: Record<string, string>;
  body: Buffer;
  cookies: string[];
} {
  const structured = result as APIGatewayProxyStructuredResultV2 | undefined;
  if (structured && typeof structured === 'object' && 'statusCode' in structured) {
    if (!Number.isInteger(structured.statusCode))
      throw new Error(`handler returned statusCode ${String(structured.statusCode)}`);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(structured.headers ?? {}))
      headers[name.toLowerCase()] = String(value);
    const text = structured.body ?? '';
    return {
      statusCode: structured.statusCode!,
      headers,
      body: structured.isBase64Encoded ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8'),
      cookies: structured.cookies ?? [],
    };
  }
  // Anything else is taken as a JSON body with status 200, as API Gateway does.
  const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(body),
    cookies: [],
  };
}

/**
 * Loads a function's handler (`path/to/module.export`, as Lambda reads it) from the source tree,
 * once per process: the gateway's routes and the local schedules run the same modules.
 */
export async function loadLocalHandler(
  serviceDir: string,
  handler: string,
  cache: Map<string, LambdaHandler>,
): Promise<LambdaHandler> {
  const cached = cache.get(handler);
  if (cached) return cached;
  const dot = handler.lastIndexOf('.');
  const modulePath = handler.slice(0, dot);
  const exportName = handler.slice(dot + 1);
  const file = ['.ts', '.mts', '.js', '.mjs']
    .map((extension) => resolve(serviceDir, modulePath + extension))
    .find((candidate) => existsSync(candidate));
  if (!file) throw new HandlerUnavailable(`handler module ${modulePath}.ts does not exist (yet)`);
  const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const fn = module[exportName];
  if (typeof fn !== 'function')
    throw new HandlerUnavailable(`${modulePath} has no exported function "${exportName}"`);
  cache.set(handler, fn as LambdaHandler);
  return fn as LambdaHandler;
}

export async function startGateway(options: GatewayOptions = {}): Promise<Gateway> {
  const ymlPath = options.ymlPath ?? serverlessYmlPath;
  const serviceDir = options.serviceDir ?? dirname(ymlPath);
  const log = options.log ?? ((line: string) => console.log(line));
  if (options.env) Object.assign(process.env, options.env);

  const routes = readRoutes({ ymlPath, stage: options.stage });
  const config = loadServerlessConfig({ ymlPath, stage: options.stage ?? 'local' });
  const cors = resolveCors(config.provider.httpApi?.cors);
  const handlers = new Map<string, LambdaHandler>();
  // The access log names the route's template, never the raw path: some paths carry bearer
  // tokens (letter links). An unmatched path is logged with its credentials redacted.
  const routeOf = new WeakMap<IncomingMessage, string>();

  const loadHandler = (handler: string) => loadLocalHandler(serviceDir, handler, handlers);

  // The WebSocket API of serverless.yml (live chat), served on the same port.
  const webSocketApi = createWebSocketApi({
    routes: readWebSocketRoutes(config),
    log,
    invoke: async (route, event) => {
      const handler = await loadHandler(route.handler);
      const timeoutSeconds = config.functions?.[route.functionName]?.timeout ?? config.provider.timeout ?? 6;
      const memorySize =
        config.functions?.[route.functionName]?.memorySize ?? config.provider.memorySize ?? 1024;
      const requestId = randomUUID();
      try {
        return await handler(
          event as APIGatewayProxyEventV2,
          lambdaContext(
            { functionName: route.functionName, memorySize },
            requestId,
            Date.now() + timeoutSeconds * 1000,
          ),
        );
      } catch (error) {
        log(`${route.functionName} threw: ${redactText(String((error as Error)?.stack ?? error))}`);
        throw error;
      }
    },
  });

  function corsHeaders(origin: string | undefined): Record<string, string> {
    if (!cors) return {};
    const allowed = allowedOrigin(cors, origin);
    if (!allowed) return {};
    const headers: Record<string, string> = { 'access-control-allow-origin': allowed };
    if (allowed !== '*') headers.vary = 'Origin';
    if (cors.allowCredentials) headers['access-control-allow-credentials'] = 'true';
    if (cors.exposedResponseHeaders?.length) {
      headers['access-control-expose-headers'] = cors.exposedResponseHeaders.join(',');
    }
    return headers;
  }

  function preflight(request: IncomingMessage): { status: number; headers: Record<string, string> } {
    const origin = request.headers.origin;
    const headers = corsHeaders(origin);
    if (!cors || !headers['access-control-allow-origin']) return { status: 204, headers: {} };
    const requestedMethod = String(request.headers['access-control-request-method'] ?? '').toUpperCase();
    const requestedHeaders = String(request.headers['access-control-request-headers'] ?? '')
      .split(',')
      .map((header) => header.trim().toLowerCase())
      .filter(Boolean);
    const allowedHeaders = cors.allowedHeaders.map((header) => header.toLowerCase());
    const methodOk = cors.allowedMethods.includes('*') || cors.allowedMethods.includes(requestedMethod);
    const unlisted = allowedHeaders.includes('*')
      ? []
      : requestedHeaders.filter((h) => !allowedHeaders.includes(h));
    // Like API Gateway: a method or header outside serverless.yml's CORS lists gets no CORS
    // headers, so the browser blocks the call here exactly as it would once deployed.
    if (!methodOk || unlisted.length > 0) {
      log(
        `CORS preflight refused: ${!methodOk ? `method ${requestedMethod}` : `headers ${unlisted.join(', ')}`} not in serverless.yml provider.httpApi.cors`,
      );
      return { status: 204, headers: {} };
    }
    return {
      status: 204,
      headers: {
        ...headers,
        'access-control-allow-methods': cors.allowedMethods.join(','),
        'access-control-allow-headers': cors.allowedHeaders.join(','),
        ...(cors.maxAge !== undefined ? { 'access-control-max-age': String(cors.maxAge) } : {}),
      },
    };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<number> {
    const started = Date.now();
    const requestId = randomUUID();
    const url = request.url ?? '/';
    const queryAt = url.indexOf('?');
    const rawPath = queryAt === -1 ? url : url.slice(0, queryAt);
    const rawQueryString = queryAt === -1 ? '' : url.slice(queryAt + 1);
    const method = (request.method ?? 'GET').toUpperCase();
    const origin = request.headers.origin;

    const send = (
      status: number,
      headers: Record<string, string>,
      body: Buffer | string,
      cookies: string[] = [],
    ) => {
      const finalHeaders: Record<string, string | string[]> = {
        ...headers,
        // API Gateway's CORS settings override whatever the integration returned.
        ...corsHeaders(origin),
        'apigw-requestid': requestId,
      };
      if (cookies.length > 0) finalHeaders['set-cookie'] = cookies;
      response.writeHead(status, finalHeaders);
      response.end(body);
      return status;
    };
    const sendJson = (status: number, body: unknown) =>
      send(status, { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify(body));

    if (method === 'OPTIONS' && request.headers['access-control-request-method'] && cors) {
      const result = preflight(request);
      response.writeHead(result.status, { ...result.headers, 'apigw-requestid': requestId });
      response.end();
      return result.status;
    }

    const { route, pathParameters, pathMatched } = matchRoute(routes, method, rawPath);
    if (route) routeOf.set(request, route.routeKey);
    if (!route) {
      request.resume();
      return sendJson(pathMatched ? 405 : 404, {
        code: 'NOT_FOUND',
        message: '未找到相关内容',
        requestId,
      });
    }

    const body = await readBody(request);
    if (body === 'too-large')
      return sendJson(413, { code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大（上限 10 MB）', requestId });

    let handler: LambdaHandler;
    try {
      handler = await loadHandler(route.handler);
    } catch (error) {
      if (error instanceof HandlerUnavailable) {
        log(`${route.functionName}: ${error.message}`);
        return sendJson(501, {
          code: 'NOT_IMPLEMENTED',
          message: `接口尚未实现：${error.message}`,
          requestId,
        });
      }
      log(
        `${route.functionName}: cannot load ${route.handler}: ${redactText(String((error as Error).stack ?? error))}`,
      );
      return sendJson(500, { ...INTERNAL_ERROR, requestId });
    }

    const deadline = started + route.timeoutSeconds * 1000;
    const event = buildEvent({
      request,
      route,
      pathParameters: pathParameters!,
      rawPath,
      rawQueryString,
      body,
      requestId,
      now: new Date(started),
    });
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Task timed out after ${route.timeoutSeconds} seconds`)),
          route.timeoutSeconds * 1000,
        );
      });
      const result = await Promise.race([
        Promise.resolve(
          invokingFunction.run(route.functionName, () =>
            handler(event, lambdaContext(route, requestId, deadline)),
          ),
        ),
        timeout,
      ]);
      const http = toHttpResult(result);
      return send(http.statusCode, http.headers, http.body, http.cookies);
    } catch (error) {
      // What Lambda would write to CloudWatch for an unhandled error; personal data redacted.
      log(`${route.functionName} threw: ${redactText(String((error as Error)?.stack ?? error))}`);
      return sendJson(500, { ...INTERNAL_ERROR, requestId });
    } finally {
      clearTimeout(timer);
    }
  }

  const server: Server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (request, response) => {
    if (webSocketApi.handleManagement(request, response)) return;
    const started = performance.now();
    handle(request, response)
      .catch((error: unknown) => {
        log(`gateway error: ${redactText(String((error as Error)?.stack ?? error))}`);
        if (!response.headersSent) {
          response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
          response.end(JSON.stringify(INTERNAL_ERROR));
        }
        return 500;
      })
      .then((status) => {
        const route =
          routeOf.get(request) ?? `${request.method} ${redactText((request.url ?? '/').split('?')[0]!)}`;
        log(`${route} ${status} ${Math.round(performance.now() - started)}ms`);
      });
  });

  server.on('upgrade', (request, socket, head) => webSocketApi.handleUpgrade(request, socket, head));
  // Requests Node refuses before any handler runs: a request line and headers over the limit get
  // a JSON answer in Chinese (with CORS, so the H5 app can read it), not Node's bare 431.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    if (error.code === 'HPE_HEADER_OVERFLOW') {
      const body = Buffer.from(JSON.stringify(REQUEST_TOO_LARGE));
      log(`request line and headers over ${MAX_HEADER_BYTES} bytes: 431`);
      socket.end(
        `HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-type: application/json; charset=utf-8\r\n` +
          `access-control-allow-origin: *\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`,
      );
      return;
    }
    socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const host =
    options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : '127.0.0.1';
  // What serverless.yml's LIVE_CHAT_ENDPOINT (the WebSocket API's stage URL) is on AWS: this gateway.
  const liveChatEndpoint = `http://${host}:${port}${LIVE_CHAT_PATH}`;
  // What serverless.yml's WECHAT_PAY_NOTIFY_URL is on AWS: this gateway's notification route.
  const wechatPayNotifyUrl = `http://${host}:${port}/payments/wechat-pay/notifications`;
  // Where the finance sandbox posts payout results: this gateway's signed results route.
  const financeResultsUrl = `http://${host}:${port}/payouts/results`;
  // Where the billing sandbox posts repayment debits' results: this gateway's signed debit-results route.
  const billingResultsUrl = `http://${host}:${port}/billing/debit-results`;
  if (
    process.env.LIVE_CHAT_ENDPOINT !== liveChatEndpoint ||
    process.env.WECHAT_PAY_NOTIFY_URL !== wechatPayNotifyUrl ||
    process.env.FINANCE_RESULTS_URL !== financeResultsUrl ||
    process.env.BILLING_RESULTS_URL !== billingResultsUrl
  ) {
    process.env.LIVE_CHAT_ENDPOINT = liveChatEndpoint;
    process.env.WECHAT_PAY_NOTIFY_URL = wechatPayNotifyUrl;
    process.env.FINANCE_RESULTS_URL = financeResultsUrl;
    process.env.BILLING_RESULTS_URL = billingResultsUrl;
    // Wiring built earlier in this process (the seed's) read the environment without it: the
    // next invocation builds a fresh one, as a Lambda cold start after a configuration change would.
    setSystem(undefined);
  }
  return {
    url: `http://${host}:${port}`,
    port,
    liveChatUrl: `ws://${host}:${port}${LIVE_CHAT_PATH}`,
    routes,
    close: () =>
      new Promise<void>((done) => {
        webSocketApi.close();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

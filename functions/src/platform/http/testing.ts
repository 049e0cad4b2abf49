import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';

/**
 * Builds HTTP API v2 events for handler tests, the way API Gateway (and the local gateway) sends
 * them, and calls a handler with one.
 */
export interface TestRequest {
  method?: string;
  path?: string;
  body?: unknown;
  /** Sent as-is instead of JSON-encoding `body`. */
  rawBody?: string;
  token?: string;
  headers?: Record<string, string>;
  pathParameters?: Record<string, string>;
  /** The caller's address as the gateway reports it (default 127.0.0.1). */
  sourceIp?: string;
}

export function httpEvent(request: TestRequest = {}): APIGatewayProxyEventV2 {
  const method =
    request.method ?? (request.body !== undefined || request.rawBody !== undefined ? 'POST' : 'GET');
  const path = request.path ?? '/';
  const headers: Record<string, string> = { ...request.headers };
  let body: string | undefined = request.rawBody;
  if (body === undefined && request.body !== undefined) {
    body = JSON.stringify(request.body);
    headers['Content-Type'] ??= 'application/json';
  }
  if (request.token) headers.Authorization = `Bearer ${request.token}`;
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers,
    body,
    isBase64Encoded: false,
    ...(request.pathParameters ? { pathParameters: request.pathParameters } : {}),
    requestContext: {
      accountId: 'test',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method,
        path,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp ?? '127.0.0.1',
        userAgent: 'vitest',
      },
      requestId: `test-${Math.random().toString(36).slice(2, 12)}`,
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
    },
  };
}

export interface TestResponse<T = unknown> {
  status: number;
  headers: Record<string, string | number | boolean>;
  body: T;
}

type Handler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

// biome-ignore lint/suspicious/noExplicitAny: tests read success and error bodies from the same response
export async function invoke<T = any>(handler: Handler, request: TestRequest = {}): Promise<TestResponse<T>> {
  const result = await handler(httpEvent(request), { awsRequestId: 'test', functionName: 'test' } as Context);
  const text = typeof result.body === 'string' ? result.body : '';
  return {
    status: result.statusCode ?? 200,
    headers: result.headers ?? {},
    body: (text ? JSON.parse(text) : undefined) as T,
  };
}

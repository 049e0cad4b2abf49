import { randomBytes, randomUUID } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { ServerlessConfig } from './serverless-config';

/**
 * The local stand-in for API Gateway's WebSocket API, on the gateway's own port:
 * - `ws://host:port/live-chat` runs the `websocket` routes of serverless.yml: `$connect` (a non-2xx
 *   answer refuses the handshake with that status, as API Gateway does), `$disconnect`, and message
 *   routes chosen by the frame's `action` (`$request.body.action`), `$default` otherwise;
 * - `POST|GET|DELETE /live-chat/@connections/{id}` is the Management API (`PostToConnection` etc.),
 *   so the functions' signed `PostToConnection` (platform/aws) pushes here; a closed or unknown
 *   connection answers 410 GoneException. Signatures are not checked (like s3rver).
 */
export const LIVE_CHAT_PATH = '/live-chat';
const MANAGEMENT_PREFIX = `${LIVE_CHAT_PATH}/@connections/`;

export interface WebSocketRoute {
  functionName: string;
  handler: string;
  routeKey: string;
}

/** Invokes a route's handler the way the HTTP routes are invoked (same loader, context, timeout). */
export type InvokeWebSocketRoute = (route: WebSocketRoute, event: unknown) => Promise<unknown>;

export function readWebSocketRoutes(config: ServerlessConfig): Map<string, WebSocketRoute> {
  const routes = new Map<string, WebSocketRoute>();
  for (const [functionName, spec] of Object.entries(config.functions ?? {})) {
    for (const event of spec.events ?? []) {
      if (!event.websocket) continue;
      const routeKey = typeof event.websocket === 'string' ? event.websocket : event.websocket.route;
      routes.set(routeKey, { functionName, handler: spec.handler, routeKey });
    }
  }
  return routes;
}

interface Connection {
  socket: WebSocket;
  connectedAt: number;
  sourceIp: string;
  lastActiveAt: number;
}

export interface WebSocketApi {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** True when the request was a Management API call (answered here). */
  handleManagement(request: IncomingMessage, response: ServerResponse): boolean;
  close(): void;
}

export function createWebSocketApi(options: {
  routes: Map<string, WebSocketRoute>;
  invoke: InvokeWebSocketRoute;
  log: (line: string) => void;
}): WebSocketApi {
  const { routes, invoke, log } = options;
  const server = new WebSocketServer({ noServer: true });
  const connections = new Map<string, Connection>();

  const requestContext = (routeKey: string, eventType: string, connectionId: string, host?: string) => ({
    routeKey,
    eventType,
    connectionId,
    requestId: randomUUID(),
    messageId: eventType === 'MESSAGE' ? randomUUID() : undefined,
    connectedAt: connections.get(connectionId)?.connectedAt ?? Date.now(),
    requestTimeEpoch: Date.now(),
    domainName: host ?? 'localhost',
    stage: 'local',
    apiId: 'local',
  });

  async function run(route: WebSocketRoute | undefined, event: unknown): Promise<number> {
    if (!route) return 200;
    const started = performance.now();
    let status = 500;
    try {
      const result = (await invoke(route, event)) as { statusCode?: number } | undefined;
      status = result?.statusCode ?? 200;
    } finally {
      log(`WS ${route.routeKey} ${status} ${Math.round(performance.now() - started)}ms`);
    }
    return status;
  }

  function refuse(socket: Duplex, status: number) {
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
    );
  }

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== LIVE_CHAT_PATH) return refuse(socket, 404);
    // API Gateway's connection ids look like this (base64 of 12 bytes).
    const connectionId = randomBytes(12).toString('base64');
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
    );
    const query = Object.fromEntries(url.searchParams);
    run(routes.get('$connect'), {
      requestContext: requestContext('$connect', 'CONNECT', connectionId, request.headers.host),
      headers,
      queryStringParameters: Object.keys(query).length > 0 ? query : undefined,
      isBase64Encoded: false,
    })
      .catch(() => 500)
      .then((status) => {
        if (status < 200 || status > 299) return refuse(socket, status);
        server.handleUpgrade(request, socket, head, (ws) => accept(ws, connectionId, request));
      });
  }

  function accept(ws: WebSocket, connectionId: string, request: IncomingMessage) {
    const now = Date.now();
    connections.set(connectionId, {
      socket: ws,
      connectedAt: now,
      lastActiveAt: now,
      sourceIp: (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
    });
    // One message at a time per connection, in arrival order, as a client would observe on AWS.
    let queue: Promise<unknown> = Promise.resolve();
    ws.on('message', (data, isBinary) => {
      const body = Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
      const connection = connections.get(connectionId);
      if (connection) connection.lastActiveAt = Date.now();
      queue = queue.then(() => dispatch(ws, connectionId, body, isBinary, request.headers.host));
    });
    ws.on('close', () => {
      connections.delete(connectionId);
      queue = queue.then(() =>
        run(routes.get('$disconnect'), {
          requestContext: requestContext('$disconnect', 'DISCONNECT', connectionId, request.headers.host),
          isBase64Encoded: false,
        }).catch(() => undefined),
      );
    });
  }

  async function dispatch(
    ws: WebSocket,
    connectionId: string,
    body: Buffer,
    isBinary: boolean,
    host?: string,
  ) {
    let action: unknown;
    try {
      action = (JSON.parse(body.toString('utf8')) as { action?: unknown }).action;
    } catch {
      action = undefined;
    }
    const route = (typeof action === 'string' ? routes.get(action) : undefined) ?? routes.get('$default');
    if (!route) {
      // What API Gateway answers when no route matches and there is no $default route.
      ws.send(JSON.stringify({ message: 'Forbidden', connectionId, requestId: randomUUID() }));
      return;
    }
    await run(route, {
      requestContext: requestContext(route.routeKey, 'MESSAGE', connectionId, host),
      body: isBinary ? body.toString('base64') : body.toString('utf8'),
      isBase64Encoded: isBinary,
    }).catch(() => undefined);
  }

  function handleManagement(request: IncomingMessage, response: ServerResponse): boolean {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (!path.startsWith(MANAGEMENT_PREFIX)) return false;
    const connectionId = decodeURIComponent(path.slice(MANAGEMENT_PREFIX.length));
    const connection = connections.get(connectionId);
    const answer = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const gone = () =>
      answer(410, { message: `Connection ${connectionId} is gone` }, { 'x-amzn-errortype': 'GoneException' });
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (!connection || connection.socket.readyState !== connection.socket.OPEN) return gone();
      switch (request.method) {
        case 'POST':
          connection.socket.send(Buffer.concat(chunks).toString('utf8'));
          return answer(200);
        case 'DELETE':
          connection.socket.close(1000);
          return answer(204);
        case 'GET':
          return answer(200, {
            connectedAt: new Date(connection.connectedAt).toISOString(),
            lastActiveAt: new Date(connection.lastActiveAt).toISOString(),
            identity: { sourceIp: connection.sourceIp },
          });
        default:
          return answer(405, { message: 'Method not allowed' });
      }
    });
    return true;
  }

  return {
    handleUpgrade,
    handleManagement,
    close() {
      for (const { socket } of connections.values()) socket.terminate();
      server.close();
    },
  };
}

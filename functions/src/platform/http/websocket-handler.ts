import { AppError } from '@zhixiang/shared/errors';
import type { LiveChatPusher } from '@zhixiang/shared/ports/live-chat';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import type { Platform } from '../process';

/** What a WebSocket route needs besides the platform: where an error frame goes. */
export type WebSocketDeps = Platform & { liveChatPusher: LiveChatPusher | null };

/** What API Gateway's WebSocket API passes to a Lambda integration (the fields the product reads). */
export interface WebSocketEvent {
  requestContext: {
    routeKey: string;
    eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT';
    connectionId: string;
    requestId?: string;
  };
  /** `$connect` only. */
  queryStringParameters?: Record<string, string | undefined> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
}

export interface WebSocketRequest<D extends WebSocketDeps = WebSocketDeps> {
  connectionId: string;
  /** `$connect`: the handshake's query parameters. */
  query: Record<string, string | undefined>;
  /** A message route: the frame, parsed as JSON (the use case validates it). */
  frame: unknown;
  deps: D;
}

/**
 * Every WebSocket route: one log line and one metrics flush per invocation, and the one place an
 * error becomes an answer.
 * On `$connect` a non-2xx status refuses the handshake (API Gateway returns it to the client); on a
 * message route the client gets an `error` frame with the AppError's Chinese message. Anything that
 * is not an AppError is a 500 whose detail stays in the log.
 */
export function websocketHandler<D extends WebSocketDeps>(
  wiring: () => D,
  useCase: (request: WebSocketRequest<D>) => Promise<void>,
) {
  return async (event: WebSocketEvent): Promise<APIGatewayProxyResultV2> => {
    const started = performance.now();
    const deps = wiring();
    const { routeKey, connectionId, eventType, requestId } = event.requestContext;
    let status = 200;
    let error: AppError | undefined;
    try {
      await useCase({
        connectionId,
        query: event.queryStringParameters ?? {},
        frame: eventType === 'MESSAGE' ? parseFrame(event) : undefined,
        deps,
      });
    } catch (caught) {
      error =
        caught instanceof AppError
          ? caught
          : new AppError('INTERNAL', undefined, {
              cause: caught,
              logMessage: caught instanceof Error ? caught.message : String(caught),
            });
      status = error.status;
      if (eventType === 'MESSAGE') {
        await deps.liveChatPusher
          ?.push(connectionId, { type: 'error', code: error.code, message: error.userMessage })
          .catch(() => undefined);
      }
    }
    const line = {
      requestId,
      route: routeKey,
      connectionId,
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      errorCode: error?.code,
      errorDetail: error && error.message !== error.userMessage ? error.message : undefined,
    };
    if (status >= 500) deps.logger.error('websocket request failed', { ...line, error: error?.cause });
    else deps.logger.info('websocket request', line);
    deps.metrics.flush();
    return { statusCode: status };
  };
}

function parseFrame(event: WebSocketEvent): unknown {
  const raw = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(raw ?? '');
  } catch {
    throw new AppError('MALFORMED_JSON');
  }
}

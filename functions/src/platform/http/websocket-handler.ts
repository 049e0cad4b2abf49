import { AppError } from '@zhixiang/shared/errors';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { type Container, getContainer } from '../../container';

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

export interface WebSocketRequest {
  connectionId: string;
  /** `$connect`: the handshake's query parameters. */
  query: Record<string, string | undefined>;
  /** A message route: the frame, parsed as JSON (the use case validates it). */
  frame: unknown;
  container: Container;
}

/**
 * Every WebSocket route: one log line per invocation, and the one place an error becomes an answer.
 * On `$connect` a non-2xx status refuses the handshake (API Gateway returns it to the client); on a
 * message route the client gets an `error` frame with the AppError's Chinese message. Anything that
 * is not an AppError is a 500 whose detail stays in the log.
 */
export function websocketHandler(
  useCase: (request: WebSocketRequest) => Promise<void>,
  options: { container?: () => Container } = {},
) {
  return async (event: WebSocketEvent): Promise<APIGatewayProxyResultV2> => {
    const started = performance.now();
    const container = (options.container ?? getContainer)();
    const { routeKey, connectionId, eventType, requestId } = event.requestContext;
    let status = 200;
    let error: AppError | undefined;
    try {
      await useCase({
        connectionId,
        query: event.queryStringParameters ?? {},
        frame: eventType === 'MESSAGE' ? parseFrame(event) : undefined,
        container,
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
        await container.liveChatPusher
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
    if (status >= 500) container.logger.error('websocket request failed', { ...line, error: error?.cause });
    else container.logger.info('websocket request', line);
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

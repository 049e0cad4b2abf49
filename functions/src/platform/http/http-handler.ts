import { randomUUID } from 'node:crypto';
import middy from '@middy/core';
import httpCors from '@middy/http-cors';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { ResponseBody, RouteSpec } from '@zhixiang/shared/api/route-spec';
import type { AccessClaims, Role } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import { getLogger } from '../logging/logger';
import type { Platform } from '../process';
import { parseBody } from './validation';

/** Bodies above this are refused before parsing (HTTP API accepts up to 10 MB). */
export const MAX_BODY_BYTES = 64 * 1024;

type BodyOf<S extends RouteSpec> = S extends { request: infer R extends z.ZodMiniType }
  ? z.output<R>
  : undefined;
type ResponseOf<S extends RouteSpec> = ResponseBody<S>;
type AuthOf<S extends RouteSpec> = S['auth'] extends 'public'
  ? null
  : S['auth'] extends 'optional'
    ? AccessClaims | null
    : AccessClaims;

export interface HandlerRequest<S extends RouteSpec, D extends Platform = Platform> {
  body: BodyOf<S>;
  pathParameters: Record<string, string>;
  query: Record<string, string>;
  /** Request headers, names lower-cased (e.g. `idempotency-key`). */
  headers: Record<string, string | undefined>;
  /** The body exactly as sent (routes without a JSON schema parse it themselves, e.g. WeChat's pushes). */
  rawBody: string;
  /** The verified access token's claims; null on public routes and on optional routes called without a token. */
  auth: AuthOf<S>;
  requestId: string;
  sourceIp: string | null;
  /** As the gateway reports it; recorded as the device of identity verifications. */
  userAgent: string | null;
  /** The context's dependencies, from its wiring. */
  deps: D;
  logger: Platform['logger'];
}

export interface HttpHandlerOptions<D extends Platform = Platform> {
  /** Roles allowed on a user route (default: every signed-in role). */
  roles?: readonly Role[];
  /** A route that exists only when this returns true answers 404 otherwise (demo sign-in). */
  enabled?: (deps: D) => boolean;
  /** Status of a successful response with a body (default 200; no body gives 204). */
  successStatus?: number;
  /** A larger body limit for this route only (bytes; e.g. a PDF to verify). */
  maxBodyBytes?: number;
  /**
   * A string result is sent as text: `true` as text/plain (WeChat's push check wants its echostr
   * back verbatim), or with the content type given, as a download named `filename` (a CSV export).
   */
  textResponse?: boolean | { contentType: string; filename: string };
  /**
   * Machine-to-machine routes (the call centre's IVR) prove the caller on the raw request, e.g. an
   * HMAC signature over the exact bytes sent: runs after the size limit, before the body is parsed.
   */
  verifyRequest?: (
    request: { headers: Record<string, string | undefined>; rawBody: string },
    deps: D,
  ) => Promise<void>;
}

export type UseCase<S extends RouteSpec, D extends Platform = Platform> = (
  request: HandlerRequest<S, D>,
) => Promise<ResponseOf<S> extends undefined ? void : ResponseOf<S>>;

type Event = APIGatewayProxyEventV2;
type Result = APIGatewayProxyStructuredResultV2;

interface RequestState {
  requestId: string;
  startedAt: number;
  claims: AccessClaims | null;
  deps: Platform | undefined;
}

/**
 * Every HTTP handler of the product: middy with, in order, a request id and one log line per
 * request, CORS headers, the single AppError → HTTP mapping, the stage check, header
 * normalisation, a body size limit, authentication and role checks, JSON parsing, schema
 * validation, then the use case.
 */
export function httpHandler<S extends RouteSpec, D extends Platform>(
  spec: S,
  wiring: () => D,
  useCase: UseCase<S, D>,
  options: HttpHandlerOptions<D> = {},
) {
  const states = new WeakMap<object, RequestState>();
  const stateOf = (request: { context: object }) => states.get(request.context) as RequestState;

  const core = async (event: Event, context: Context): Promise<Result> => {
    const state = stateOf({ context });
    const deps = state.deps as D;
    const body = spec.request ? parseBody(spec.request, event.body) : undefined;
    const result = await useCase({
      body: body as BodyOf<S>,
      rawBody: rawBodyOf(event),
      pathParameters: (event.pathParameters ?? {}) as Record<string, string>,
      query: (event.queryStringParameters ?? {}) as Record<string, string>,
      headers: event.headers ?? {},
      auth: state.claims as AuthOf<S>,
      requestId: state.requestId,
      sourceIp: event.requestContext?.http?.sourceIp ?? null,
      userAgent: event.requestContext?.http?.userAgent || null,
      deps,
      logger: deps.logger,
    });
    if (result === undefined) return { statusCode: 204, headers: {} };
    if (options.textResponse && typeof result === 'string')
      return {
        statusCode: 200,
        headers:
          options.textResponse === true
            ? { 'Content-Type': 'text/plain; charset=utf-8' }
            : {
                'Content-Type': options.textResponse.contentType,
                'Content-Disposition': `attachment; filename="${options.textResponse.filename}"`,
              },
        body: result,
      };
    return {
      statusCode: options.successStatus ?? 200,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify(result),
    };
  };

  const handler = middy<Event, Result, Error, Context>(core);
  handler.use({
    before: (request) => {
      const headerId = request.event.headers?.['x-request-id'] ?? request.event.headers?.['X-Request-Id'];
      const requestId =
        headerId && /^[\w-]{8,64}$/.test(headerId)
          ? headerId
          : (request.event.requestContext?.requestId ?? randomUUID());
      // A per-invocation view of the context keys this request's state, even if a caller reuses one context.
      request.context = Object.create(request.context) as Context;
      states.set(request.context, {
        requestId,
        startedAt: performance.now(),
        claims: null,
        deps: undefined,
      });
    },
    after: (request) => finish(request, stateOf(request), spec),
    onError: (request) => finish(request, stateOf(request), spec),
  });
  handler.use(
    httpCors({
      origin: '*',
      headers: 'Content-Type,Authorization,X-Request-Id',
      exposeHeaders: 'X-Request-Id',
    }),
  );
  handler.use({ onError: (request) => errorToResponse(request, stateOf(request)) });
  // A route that does not exist on this stage answers 404 to everything, before reading the request.
  handler.use({
    before: (request) => {
      const deps = wiring();
      stateOf(request).deps = deps;
      if (options.enabled && !options.enabled(deps)) throw new AppError('NOT_FOUND');
    },
  });
  handler.use(httpHeaderNormalizer());
  if (spec.request)
    handler.use({
      before: (request) => limitBodySize(request.event, options.maxBodyBytes ?? MAX_BODY_BYTES),
    });
  // Authentication before parsing: an anonymous caller learns nothing about the body's rules.
  // Optional authentication: no Authorization header is an anonymous caller; a token that is sent
  // must verify (401 otherwise), so an expired session is refreshed instead of silently ignored.
  if (spec.auth !== 'public') {
    handler.use({
      before: async (request) => {
        const state = stateOf(request);
        if (spec.auth === 'optional' && !request.event.headers?.authorization) return;
        const claims = await authenticate(request.event, state.deps as D);
        state.claims = claims;
        if (options.roles && !options.roles.includes(claims.role)) {
          throw new AppError('FORBIDDEN', undefined, {
            logMessage: `role ${claims.role} not allowed on ${spec.path}`,
          });
        }
      },
    });
  }
  if (options.verifyRequest) {
    const verify = options.verifyRequest;
    handler.use({
      before: async (request) => {
        const rawBody = rawBodyOf(request.event);
        await verify({ headers: request.event.headers ?? {}, rawBody }, stateOf(request).deps as D);
      },
    });
  }
  if (spec.request) handler.use(httpJsonBodyParser());
  return handler;
}

function rawBodyOf(event: Event): string {
  const { body, isBase64Encoded } = event;
  return body ? (isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body) : '';
}

function limitBodySize(event: Event, maxBytes: number): void {
  if (!event.body) return;
  const bytes = Buffer.byteLength(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
  if (bytes > maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `请求内容过大（上限 ${maxBytes / 1024} KB）`, {
      logMessage: `body of ${bytes} bytes`,
    });
  }
}

async function authenticate(event: Event, platform: Platform): Promise<AccessClaims> {
  const header = event.headers?.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new AppError('UNAUTHENTICATED', '请先登录', { logMessage: 'no bearer token' });
  return platform.accessTokens.verify(match[1]);
}

interface MiddyRequestLike {
  event: Event;
  context: Context;
  error?: unknown;
  response?: Result | undefined;
}

/** The one place an error becomes an HTTP response. Only AppError messages reach the client. */
function errorToResponse(request: MiddyRequestLike, state: RequestState | undefined): void {
  const appError = toAppError(request.error);
  request.error = appError;
  request.response = {
    statusCode: appError.status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      ...(appError.retryAfterSeconds !== undefined
        ? { 'Retry-After': String(appError.retryAfterSeconds) }
        : {}),
    },
    body: JSON.stringify(appError.toBody(state?.requestId)),
  };
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  // middy's body parser signals with http-errors-style objects.
  const status = (error as { statusCode?: number } | null)?.statusCode;
  const fromMiddy = (error as { cause?: { package?: string } } | null)?.cause?.package?.startsWith('@middy/');
  if (fromMiddy && status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', undefined, { cause: error });
  if (fromMiddy && status === 422) return new AppError('MALFORMED_JSON', undefined, { cause: error });
  if (fromMiddy && status && status >= 400 && status < 500)
    return new AppError('VALIDATION_FAILED', undefined, { cause: error });
  return new AppError('INTERNAL', undefined, {
    cause: error,
    logMessage: error instanceof Error ? error.message : String(error),
  });
}

/**
 * One structured line per request; 5xx also log the cause (the redactor masks personal data).
 * Then the invocation's business metrics are flushed.
 * The route is its template (`/letter-links/{token}`), never the raw path or query string: some
 * carry bearer tokens.
 */
function finish(request: MiddyRequestLike, state: RequestState | undefined, spec: RouteSpec): void {
  if (!state) return;
  const response = request.response;
  if (response) {
    response.headers = { ...response.headers, 'X-Request-Id': state.requestId };
  }
  // Dependencies that failed to build (bad configuration) still get their failure logged.
  const logger = state.deps?.logger ?? getLogger();
  const status = response?.statusCode ?? 500;
  const error = request.error instanceof AppError ? request.error : undefined;
  const line = {
    requestId: state.requestId,
    method: spec.method,
    route: spec.path,
    status,
    durationMs: Math.round((performance.now() - state.startedAt) * 10) / 10,
    userId: state.claims?.sub,
    role: state.claims?.role,
    errorCode: error?.code,
    errorDetail: error && error.message !== error.userMessage ? error.message : undefined,
  };
  if (status >= 500) logger.error('request failed', { ...line, error: error?.cause ?? request.error });
  else logger.info('request', line);
  // The invocation's business metrics, written once (a failed request may have counted some too).
  state.deps?.metrics.flush();
}

import {
  buildPath,
  type RequestOf,
  type ResponseOf,
  type RouteName,
  routes,
} from '@zhixiang/shared/api/routes';
import type { SessionResponse } from '@zhixiang/shared/auth/schemas';
import { type ErrorCode, ErrorCodes, isErrorBody } from '@zhixiang/shared/errors';

/** What every failed call becomes, whatever went wrong underneath. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'NETWORK';
  readonly status: number;
  readonly field: string | undefined;
  /** The record the refusal is about (e.g. the application already open), for a link to it. */
  readonly relatedId: string | undefined;

  constructor(
    code: ErrorCode | 'NETWORK',
    message: string,
    status: number,
    field?: string,
    relatedId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.field = field;
    this.relatedId = relatedId;
  }
}

export const NETWORK_ERROR_MESSAGE = '网络连接失败，请检查网络后重试';

export interface TransportRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: unknown;
}
export interface TransportResponse {
  status: number;
  body: unknown;
}
/** Resolves with any HTTP status; rejects only when no response arrived (network failure). */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

export interface TokenStore {
  accessToken(): string | null;
  refreshToken(): string | null;
  save(session: SessionResponse): void;
  clear(): void;
}

export interface ClientOptions {
  baseUrl: () => string;
  transport: Transport;
  tokens: TokenStore;
  /** Shows the server's user-safe message; called once per failed call unless `silent`. */
  notifyError?: (message: string) => void;
  /** Called when the session is gone for good (refresh failed or no refresh token). */
  onSignedOut?: () => void;
  /** Delays between retries of idempotent GETs after a network failure. */
  retryDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

export interface CallOptions<N extends RouteName> {
  params?: Record<string, string>;
  /** Query string parameters; undefined and empty values are left out. */
  query?: Record<string, string | undefined>;
  body?: RequestOf<N>;
  /** Extra request headers, e.g. the `Idempotency-Key` of a financial submission. */
  headers?: Record<string, string>;
  /** The caller renders the error itself (e.g. a page's error state): no toast. */
  silent?: boolean;
}

type PendingListener = (pending: number) => void;

export function createApiClient(options: ClientOptions) {
  const retryDelays = options.retryDelaysMs ?? [300, 900];
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const pendingListeners = new Set<PendingListener>();
  let pending = 0;
  // Concurrent 401s share one refresh so the refresh token is spent once.
  let refreshing: Promise<boolean> | null = null;

  function setPending(delta: number) {
    pending += delta;
    for (const listener of pendingListeners) listener(pending);
  }

  async function send(
    method: string,
    path: string,
    body: unknown,
    withToken: boolean,
    extraHeaders: Record<string, string> = {},
  ): Promise<TransportResponse> {
    const headers: Record<string, string> = { ...extraHeaders, 'content-type': 'application/json' };
    const token = withToken ? options.tokens.accessToken() : null;
    if (token) headers.authorization = `Bearer ${token}`;
    const request: TransportRequest = { url: `${options.baseUrl()}${path}`, method, headers };
    if (body !== undefined) request.body = body;
    for (let attempt = 0; ; attempt++) {
      try {
        return await options.transport(request);
      } catch (cause) {
        // Only reads are safe to repeat: a POST may have reached the server before the line dropped.
        const delay = retryDelays[attempt];
        if (method !== 'GET' || delay === undefined)
          throw new ApiError('NETWORK', NETWORK_ERROR_MESSAGE, 0, undefined);
        void cause;
        await sleep(delay);
      }
    }
  }

  async function refreshSession(): Promise<boolean> {
    const refreshToken = options.tokens.refreshToken();
    if (!refreshToken) return false;
    refreshing ??= (async () => {
      try {
        const route = routes.refreshSession;
        const response = await send(route.method, route.path, { refreshToken }, false);
        if (response.status !== 200) return false;
        options.tokens.save(response.body as SessionResponse);
        return true;
      } catch {
        return false;
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  function toApiError(response: TransportResponse): ApiError {
    if (isErrorBody(response.body)) {
      const code = (response.body.code in ErrorCodes ? response.body.code : 'INTERNAL') as ErrorCode;
      return new ApiError(
        code,
        response.body.message,
        response.status,
        response.body.field,
        response.body.relatedId,
      );
    }
    const byStatus = (Object.keys(ErrorCodes) as ErrorCode[]).find(
      (code) => ErrorCodes[code].status === response.status,
    );
    const code: ErrorCode = byStatus ?? 'INTERNAL';
    return new ApiError(code, ErrorCodes[code].message, response.status);
  }

  async function call<N extends RouteName>(
    name: N,
    callOptions: CallOptions<N> = {},
  ): Promise<ResponseOf<N>> {
    const route = routes[name];
    const search = Object.entries(callOptions.query ?? {})
      .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
      .join('&');
    const path = buildPath(route.path, callOptions.params) + (search ? `?${search}` : '');
    // Optional routes (the assistant) send the token when there is one, for the customer's own answers.
    const needsToken =
      route.auth === 'user' || (route.auth === 'optional' && options.tokens.accessToken() !== null);
    // A visitor who never signed in is not "signed out": the page's sign-in gate leads them on,
    // keeping the page as the target (a redirect from here would drop it).
    const hadSession = options.tokens.accessToken() !== null || options.tokens.refreshToken() !== null;
    setPending(1);
    try {
      let response = await send(route.method, path, callOptions.body, needsToken, callOptions.headers);
      if (response.status === 401 && needsToken) {
        if (await refreshSession()) {
          response = await send(route.method, path, callOptions.body, true, callOptions.headers);
        }
        if (response.status === 401) {
          options.tokens.clear();
          if (hadSession) options.onSignedOut?.();
        }
      }
      if (response.status >= 200 && response.status < 300) return response.body as ResponseOf<N>;
      throw toApiError(response);
    } catch (error) {
      const apiError =
        error instanceof ApiError ? error : new ApiError('INTERNAL', ErrorCodes.INTERNAL.message, 0);
      // Nothing to tell a visitor who never signed in: the sign-in gate is on its way.
      const gated = apiError.code === 'UNAUTHENTICATED' && !hadSession;
      if (!callOptions.silent && !gated) options.notifyError?.(apiError.message);
      throw apiError;
    } finally {
      setPending(-1);
    }
  }

  return {
    call,
    pending: () => pending,
    onPendingChange(listener: PendingListener): () => void {
      pendingListeners.add(listener);
      return () => pendingListeners.delete(listener);
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

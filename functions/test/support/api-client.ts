/**
 * A small fetch wrapper for tests that call the gateway over HTTP. It never throws on a non-2xx
 * status: tests assert on `status` and on the parsed `body`.
 */
export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON when the response is JSON, else the text. */
  body: T;
  text: string;
}

export interface ApiRequestOptions {
  /** Serialised as JSON unless `rawBody` is given. */
  body?: unknown;
  /** Sent as-is (e.g. malformed JSON or an oversized payload). */
  rawBody?: string | Uint8Array;
  /** Bearer access token. */
  token?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
}

export interface ApiClient {
  request<T = unknown>(method: string, path: string, options?: ApiRequestOptions): Promise<ApiResponse<T>>;
  get<T = unknown>(path: string, options?: ApiRequestOptions): Promise<ApiResponse<T>>;
  post<T = unknown>(path: string, body?: unknown, options?: ApiRequestOptions): Promise<ApiResponse<T>>;
}

export function createApiClient(baseUrl: string): ApiClient {
  async function request<T>(
    method: string,
    path: string,
    options: ApiRequestOptions = {},
  ): Promise<ApiResponse<T>> {
    const url = new URL(path, baseUrl);
    for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.append(key, value);
    const headers: Record<string, string> = { ...options.headers };
    // A copy owns a plain ArrayBuffer, which is what fetch's BodyInit accepts.
    let body: string | Uint8Array<ArrayBuffer> | undefined =
      options.rawBody instanceof Uint8Array ? new Uint8Array(options.rawBody) : options.rawBody;
    if (body === undefined && options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await fetch(url, { method, headers, body });
    const text = await response.text();
    const isJson = (response.headers.get('content-type') ?? '').includes('json');
    let parsed: unknown = text;
    if (isJson && text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }
  return {
    request,
    get: (path, options) => request('GET', path, options),
    post: (path, body, options) => request('POST', path, { ...options, body }),
  };
}

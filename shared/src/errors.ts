/**
 * The one error vocabulary of the product. Handlers throw AppError; one middleware maps it to
 * HTTP. The mini program reads `code` to decide what to do (e.g. re-sign-in on UNAUTHENTICATED)
 * and shows `message`, which is always user-safe Chinese.
 */
export const ErrorCodes = {
  VALIDATION_FAILED: { status: 400, message: '请求内容有误' },
  MALFORMED_JSON: { status: 400, message: '请求内容不是有效的 JSON' },
  UNAUTHENTICATED: { status: 401, message: '登录已失效，请重新登录' },
  FORBIDDEN: { status: 403, message: '您无权访问该内容' },
  NOT_FOUND: { status: 404, message: '未找到相关内容' },
  CONFLICT: { status: 409, message: '数据已被修改，请刷新后重试' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '请求内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '请以 JSON 格式提交' },
  LOCKED: { status: 423, message: '操作过于频繁，已暂时锁定，请稍后再试' },
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后再试' },
  UPSTREAM_FAILED: { status: 502, message: '外部服务暂时不可用，请稍后再试' },
  INTERNAL: { status: 500, message: '系统繁忙，请稍后再试' },
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

/** What every non-2xx response body looks like. `field` names the offending input field. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  field?: string;
  requestId?: string;
  /** RATE_LIMITED and LOCKED: seconds until trying again makes sense (also the Retry-After header). */
  retryAfterSeconds?: number;
  /** The record a refusal is about, for a link to it (e.g. the application already open). */
  relatedId?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** User-safe Chinese message. */
  readonly userMessage: string;
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly relatedId: string | undefined;

  constructor(
    code: ErrorCode,
    userMessage?: string,
    options: {
      field?: string;
      cause?: unknown;
      logMessage?: string;
      retryAfterSeconds?: number;
      relatedId?: string;
    } = {},
  ) {
    super(options.logMessage ?? userMessage ?? ErrorCodes[code].message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ErrorCodes[code].status;
    this.userMessage = userMessage ?? ErrorCodes[code].message;
    this.field = options.field;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.relatedId = options.relatedId;
  }

  toBody(requestId?: string): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.userMessage };
    if (this.field) body.field = this.field;
    if (this.retryAfterSeconds !== undefined) body.retryAfterSeconds = this.retryAfterSeconds;
    if (this.relatedId !== undefined) body.relatedId = this.relatedId;
    if (requestId) body.requestId = requestId;
    return body;
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

import {
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { resolveCredentials, resolveRegion } from './credentials';
import { signRequest } from './signature-v4';

/**
 * One signed request to an AWS API over node:http(s) with keep-alive connections (the SDK's own
 * transport; `fetch` costs ≈ 40 ms on its first call and ≈ 8 ms on each next one here, node:https
 * ≈ 1 ms), retried as the SDK's standard mode retries.
 */
export interface AwsService {
  /** The name requests are signed for: `dynamodb`, `kms`, `ssm`, `secretsmanager`, `execute-api`. */
  signingName: string;
  /**
   * The SDK's service id in upper snake case: AWS_ENDPOINT_URL_<id> (then AWS_ENDPOINT_URL) points
   * the service elsewhere, as for the SDK (DynamoDB Local, the tests' fakes).
   */
  endpointId: string;
  /** `dynamodb` → https://dynamodb.<region>.amazonaws.com(.cn). */
  hostPrefix: string;
}

export interface AwsRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';
  /** Absolute path with its query, already percent-encoded. */
  path: string;
  headers: Record<string, string>;
  body: string | Buffer;
  signal?: AbortSignal;
  /** An explicit endpoint (the WebSocket API's stage URL, S3's bucket endpoint); else the service's. */
  endpoint?: string;
  /** A 2xx answer's body is left unread in `stream` (a large S3 object read as it arrives). */
  stream?: boolean;
}

export interface AwsResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Empty when `stream` was asked for and the answer is a 2xx. */
  body: Buffer;
  stream?: IncomingMessage;
}

/** An AWS API's refusal, shaped as the SDK's service exceptions are (name, message, $metadata, fields). */
export class AwsServiceError extends Error {
  readonly $metadata: { httpStatusCode: number; attempts: number };
  [field: string]: unknown;

  constructor(
    code: string,
    message: string,
    status: number,
    attempts: number,
    fields: Record<string, unknown> = {},
  ) {
    super(message || code);
    Object.assign(this, fields);
    this.name = code;
    this.$metadata = { httpStatusCode: status, attempts };
  }
}

// The SDK's standard retry mode (@smithy/core's retry constants): three attempts, full-jitter
// backoff from 100 ms (500 ms after throttling), these codes, 5xx answers and dropped connections.
const MAX_ATTEMPTS = 3;
const BASE_DELAY_MS = 100;
const THROTTLING_BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 20_000;
const THROTTLING = new Set([
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'LimitExceededException',
  'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ThrottledException',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'TransactionInProgressException',
]);
const TRANSIENT = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const TIMEOUT_MS = 10_000;

/**
 * The server's clock less ours, learnt from each answer's Date header as the SDK learns it: a
 * request signed by a clock more than 4 minutes off is refused (RequestTimeTooSkewed…), so
 * requests are signed by the server's time, and a refusal that corrected the offset is retried.
 */
let clockOffsetMs = 0;
const SKEW_THRESHOLD_MS = 240_000;

/** Now, as the AWS services' clocks tell it (what requests and presigned URLs are signed with). */
export function awsNow(): number {
  return Date.now() + clockOffsetMs;
}

/** Learns the offset from an answer's Date header (not from a cached answer, nor a late one). */
function sampleClock(response: AwsResponse, sentAt: number): void {
  const date = headerOf(response.headers.date);
  if (!date || response.headers.age !== undefined) return;
  const serverTime = Date.parse(date);
  const receivedAt = Date.now();
  if (Number.isNaN(serverTime) || receivedAt - sentAt > 900_000) return;
  clockOffsetMs = serverTime - receivedAt;
}

/** A response header's (first) value. */
export function headerOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const agents = {
  http: new HttpAgent({ keepAlive: true, maxSockets: 50 }),
  https: new HttpsAgent({ keepAlive: true, maxSockets: 50 }),
};

export function serviceEndpoint(service: AwsService, region = resolveRegion()): string {
  const configured = process.env[`AWS_ENDPOINT_URL_${service.endpointId}`] ?? process.env.AWS_ENDPOINT_URL;
  if (configured) return configured;
  return `https://${service.hostPrefix}.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}

/**
 * Sends the request, retrying what the SDK retries. `errorOf` reads the service's error code and
 * fields from a non-2xx answer; the error thrown after the last attempt is an AwsServiceError.
 */
export async function sendAwsRequest(
  service: AwsService,
  request: AwsRequest,
  errorOf: (response: AwsResponse) => { code: string; message: string; fields?: Record<string, unknown> },
): Promise<AwsResponse> {
  const region = resolveRegion();
  const base = new URL(request.endpoint ?? serviceEndpoint(service, region));
  const url = new URL(`${base.pathname.replace(/\/$/, '')}${request.path}`, base);
  for (let attempt = 1; ; attempt++) {
    const credentials = await resolveCredentials();
    const offsetBefore = clockOffsetMs;
    const sentAt = Date.now();
    const headers = signRequest(
      { method: request.method, url, headers: request.headers, body: request.body },
      { service: service.signingName, region, credentials, now: awsNow() },
    );
    let response: AwsResponse | undefined;
    let failure: unknown;
    try {
      response = await exchange(url, request.method, headers, request.body, request.signal, request.stream);
    } catch (error) {
      if (request.signal?.aborted) throw error;
      failure = error;
    }
    if (response) sampleClock(response, sentAt);
    if (response && response.status < 300) return response;
    const refusal = response ? errorOf(response) : undefined;
    const code = refusal?.code ?? '';
    const throttled = THROTTLING.has(code);
    const skewCorrected = Math.abs(clockOffsetMs) >= SKEW_THRESHOLD_MS && clockOffsetMs !== offsetBefore;
    const retryable =
      !response || response.status >= 500 || throttled || TRANSIENT.has(code) || skewCorrected;
    if (!retryable || attempt >= MAX_ATTEMPTS) {
      if (!response || !refusal) throw failure;
      throw new AwsServiceError(refusal.code, refusal.message, response.status, attempt, refusal.fields);
    }
    const base = throttled ? THROTTLING_BASE_DELAY_MS : BASE_DELAY_MS;
    await new Promise((resolve) =>
      setTimeout(resolve, Math.random() * Math.min(base * 2 ** (attempt - 1), MAX_DELAY_MS)),
    );
  }
}

function exchange(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | Buffer,
  signal: AbortSignal | undefined,
  stream = false,
): Promise<AwsResponse> {
  const secure = url.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        agent: secure ? agents.https : agents.http,
        timeout: TIMEOUT_MS,
        signal,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (stream && status >= 200 && status < 300) {
          resolve({ status, headers: res.headers, body: Buffer.alloc(0), stream: res });
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url.host} within ${TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

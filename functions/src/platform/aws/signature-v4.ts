import { createHash, createHmac } from 'node:crypto';

/**
 * AWS Signature Version 4 for requests signed in headers
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html).
 * The request paths call DynamoDB, KMS, SSM, Secrets Manager and the API Gateway Management API
 * through this instead of the SDK's clients, whose import alone costs several times a whole
 * function's cold start (docs/benchmarks.md, "Function bundles").
 */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface RequestToSign {
  method: string;
  url: URL;
  /** Lower-case names; `host` and the `x-amz-*` headers are added here. */
  headers: Record<string, string>;
  body: string | Buffer;
}

export interface SigningScope {
  service: string;
  region: string;
  credentials: Credentials;
  /** Epoch milliseconds. */
  now: number;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';

/** The request's headers with `host`, `x-amz-date`, the session token and `authorization` added. */
export function signRequest(request: RequestToSign, scope: SigningScope): Record<string, string> {
  const amzDate = new Date(scope.now).toISOString().replace(/[-:]|\.\d{3}/g, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    ...request.headers,
    host: request.url.host,
    'x-amz-date': amzDate,
  };
  if (scope.credentials.sessionToken) headers['x-amz-security-token'] = scope.credentials.sessionToken;
  const names = Object.keys(headers).sort();
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    request.method,
    canonicalPath(request.url.pathname),
    canonicalQuery(request.url.searchParams),
    names.map((name) => `${name}:${String(headers[name]).trim().replace(/\s+/g, ' ')}\n`).join(''),
    signedHeaders,
    sha256Hex(request.body),
  ].join('\n');
  const credentialScope = `${day}/${scope.region}/${scope.service}/aws4_request`;
  const stringToSign = [ALGORITHM, amzDate, credentialScope, sha256Hex(canonicalRequest)].join('\n');
  const signature = createHmac('sha256', signingKey(scope, day)).update(stringToSign).digest('hex');
  headers.authorization = `${ALGORITHM} Credential=${scope.credentials.accessKeyId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return headers;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The derived key depends on the day, region and service only: kept for the day. */
const signingKeys = new Map<string, Buffer>();

function signingKey(scope: SigningScope, day: string): Buffer {
  const cacheKey = `${scope.credentials.secretAccessKey}\u0000${day}\u0000${scope.region}\u0000${scope.service}`;
  let key = signingKeys.get(cacheKey);
  if (!key) {
    const hmac = (secret: string | Buffer, data: string) =>
      createHmac('sha256', secret).update(data).digest();
    key = hmac(
      hmac(hmac(hmac(`AWS4${scope.credentials.secretAccessKey}`, day), scope.region), scope.service),
      'aws4_request',
    );
    if (signingKeys.size > 16) signingKeys.clear();
    signingKeys.set(cacheKey, key);
  }
  return key;
}

/** RFC 3986 encoding, as SigV4 requires (encodeURIComponent leaves !'()* alone). */
function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Every service but S3 signs the path encoded twice: each already-encoded segment is encoded again. */
function canonicalPath(pathname: string): string {
  if (!pathname) return '/';
  return pathname
    .split('/')
    .map((segment) => encodeRfc3986(segment))
    .join('/');
}

function canonicalQuery(params: URLSearchParams): string {
  return [...params]
    .map(([name, value]) => [encodeRfc3986(name), encodeRfc3986(value)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

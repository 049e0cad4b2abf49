import { createHash, createHmac } from 'node:crypto';

/**
 * AWS Signature Version 4 for requests signed in headers
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html).
 * The functions call DynamoDB, KMS, SSM, Secrets Manager, S3 and the API Gateway Management API
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
  /** `s3` signs the path as sent (encoded once) and the payload's hash in `x-amz-content-sha256`. */
  service: string;
  region: string;
  credentials: Credentials;
  /** Epoch milliseconds. */
  now: number;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';

/** The request's headers with `host`, `x-amz-date`, the session token and `authorization` added. */
export function signRequest(request: RequestToSign, scope: SigningScope): Record<string, string> {
  const { amzDate, credentialScope } = dates(scope);
  const payloadHash = sha256Hex(request.body);
  const headers: Record<string, string> = {
    ...request.headers,
    host: request.url.host,
    'x-amz-date': amzDate,
  };
  if (scope.credentials.sessionToken) headers['x-amz-security-token'] = scope.credentials.sessionToken;
  if (scope.service === 's3') headers['x-amz-content-sha256'] = payloadHash;
  const { signedHeaders, signature } = sign(request.method, request.url, headers, payloadHash, scope);
  headers.authorization = `${ALGORITHM} Credential=${scope.credentials.accessKeyId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return headers;
}

/**
 * An S3 presigned URL, as the SDK's S3 presigner makes one: the signature and the credential in
 * the query string, the payload unsigned, only `host` signed (so a PUT's uploader chooses its
 * content type, and the server checks the object itself afterwards).
 */
export function presignUrl(method: string, url: URL, expiresInSeconds: number, scope: SigningScope): string {
  const { amzDate, credentialScope } = dates(scope);
  const signed = new URL(url);
  const query = signed.searchParams;
  query.set('X-Amz-Algorithm', ALGORITHM);
  query.set('X-Amz-Content-Sha256', 'UNSIGNED-PAYLOAD');
  query.set('X-Amz-Credential', `${scope.credentials.accessKeyId}/${credentialScope}`);
  query.set('X-Amz-Date', amzDate);
  query.set('X-Amz-Expires', String(expiresInSeconds));
  if (scope.credentials.sessionToken) query.set('X-Amz-Security-Token', scope.credentials.sessionToken);
  query.set('X-Amz-SignedHeaders', 'host');
  const { signature } = sign(method, signed, { host: url.host }, 'UNSIGNED-PAYLOAD', scope);
  query.set('X-Amz-Signature', signature);
  return `${signed.origin}${signed.pathname}?${canonicalQuery(query)}`;
}

function dates(scope: SigningScope): { amzDate: string; day: string; credentialScope: string } {
  const amzDate = new Date(scope.now).toISOString().replace(/[-:]|\.\d{3}/g, '');
  const day = amzDate.slice(0, 8);
  return { amzDate, day, credentialScope: `${day}/${scope.region}/${scope.service}/aws4_request` };
}

function sign(
  method: string,
  url: URL,
  headers: Record<string, string>,
  payloadHash: string,
  scope: SigningScope,
): { signedHeaders: string; signature: string } {
  const { amzDate, day, credentialScope } = dates(scope);
  const names = Object.keys(headers).sort();
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    method,
    scope.service === 's3' ? url.pathname || '/' : canonicalPath(url.pathname),
    canonicalQuery(url.searchParams),
    names.map((name) => `${name}:${String(headers[name]).trim().replace(/\s+/g, ' ')}\n`).join(''),
    signedHeaders,
    payloadHash,
  ].join('\n');
  const stringToSign = [ALGORITHM, amzDate, credentialScope, sha256Hex(canonicalRequest)].join('\n');
  const signature = createHmac('sha256', signingKey(scope, day)).update(stringToSign).digest('hex');
  return { signedHeaders, signature };
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
export function encodeRfc3986(value: string): string {
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

import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  type AwsResponse,
  type AwsService,
  AwsServiceError,
  awsNow,
  headerOf,
  sendAwsRequest,
  serviceEndpoint,
} from '../aws/aws-request';
import { resolveCredentials, resolveRegion } from '../aws/credentials';
import { encodeRfc3986, presignUrl } from '../aws/signature-v4';

/**
 * The S3 calls the functions make (REST with XML: GET, PUT, HEAD, DELETE and copy of an object,
 * multipart uploads, presigned GET and PUT URLs), over our signed transport instead of the SDK's
 * S3 client, whose import alone is several times a whole function's cold start. Path-style
 * addressing when AWS_ENDPOINT_URL_S3 points at a local S3 (s3rver), virtual-hosted otherwise,
 * as the SDK does.
 */
const S3_SERVICE: AwsService = { signingName: 's3', endpointId: 'S3', hostPrefix: 's3' };

export interface PresignOptions {
  expiresInSeconds: number;
  /** Extra query parameters (response-content-type, partNumber and uploadId…). */
  query?: Record<string, string>;
}

export class S3 {
  /** The object's URL: path-style on a configured endpoint, else virtual-hosted. */
  private objectUrl(bucket: string, key: string, query: Record<string, string> = {}): URL {
    const path = key
      .split('/')
      .map((segment) => encodeRfc3986(segment))
      .join('/');
    const configured = process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL;
    const url = configured
      ? new URL(`${configured.replace(/\/$/, '')}/${bucket}/${path}`)
      : new URL(`/${path}`, serviceEndpoint(S3_SERVICE).replace('://s3.', `://${bucket}.s3.`));
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return url;
  }

  async presign(
    method: 'GET' | 'PUT',
    bucket: string,
    key: string,
    options: PresignOptions,
  ): Promise<string> {
    return presignUrl(method, this.objectUrl(bucket, key, options.query), options.expiresInSeconds, {
      service: 's3',
      region: resolveRegion(),
      credentials: await resolveCredentials(),
      now: awsNow(),
    });
  }

  /** The object's size in bytes, or null when there is no such object. */
  async size(bucket: string, key: string): Promise<number | null> {
    const response = await this.send('HEAD', bucket, key, { allowNotFound: true });
    return response ? Number(response.headers['content-length'] ?? 0) : null;
  }

  /** The whole object, or null when there is no such object. */
  async read(bucket: string, key: string): Promise<Buffer | null> {
    const response = await this.send('GET', bucket, key, { allowNotFound: true });
    return response ? response.body : null;
  }

  /** The object as it arrives (a recording hashed without holding it whole), or null. */
  async stream(bucket: string, key: string): Promise<IncomingMessage | null> {
    const response = await this.send('GET', bucket, key, { allowNotFound: true, stream: true });
    return response?.stream ?? null;
  }

  async put(bucket: string, key: string, body: Uint8Array, contentType: string): Promise<void> {
    await this.send('PUT', bucket, key, {
      body: Buffer.from(body),
      headers: { 'content-type': contentType },
    });
  }

  async delete(
    bucket: string,
    key: string,
    options: { versionId?: string; bypassGovernanceRetention?: boolean } = {},
  ): Promise<void> {
    await this.send('DELETE', bucket, key, {
      query: options.versionId ? { versionId: options.versionId } : {},
      headers: options.bypassGovernanceRetention ? { 'x-amz-bypass-governance-retention': 'true' } : {},
    });
  }

  /** Copies `sourceBucket/sourceKey` under an Object Lock retention; the new object's version id. */
  async copyUnderRetention(
    source: { bucket: string; key: string },
    target: { bucket: string; key: string },
    retainUntil: Date,
  ): Promise<string | null> {
    const response = await this.send('PUT', target.bucket, target.key, {
      headers: {
        'x-amz-copy-source': `/${source.bucket}/${source.key.split('/').map(encodeRfc3986).join('/')}`,
        'x-amz-object-lock-mode': 'GOVERNANCE',
        'x-amz-object-lock-retain-until-date': retainUntil.toISOString(),
      },
      errorInBody: true,
    });
    return headerOf(response?.headers['x-amz-version-id']) ?? null;
  }

  /**
   * PutObjectRetention in governance mode: S3 lets a lock be extended by anyone allowed the call,
   * and refuses to shorten one without `BypassGovernanceRetention` (never sent here). The body
   * needs its Content-MD5, as every request to an Object Lock bucket.
   */
  async extendRetention(
    bucket: string,
    key: string,
    versionId: string | null,
    retainUntil: Date,
  ): Promise<void> {
    const body = Buffer.from(
      `<Retention xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Mode>GOVERNANCE</Mode><RetainUntilDate>${retainUntil.toISOString()}</RetainUntilDate></Retention>`,
      'utf8',
    );
    await this.send('PUT', bucket, key, {
      query: { retention: '', ...(versionId ? { versionId } : {}) },
      headers: {
        'content-type': 'application/xml',
        'content-md5': createHash('md5').update(body).digest('base64'),
      },
      body,
    });
  }

  async createMultipartUpload(bucket: string, key: string, contentType: string): Promise<string> {
    const response = await this.send('POST', bucket, key, {
      query: { uploads: '' },
      headers: { 'content-type': contentType },
    });
    const uploadId = xmlText(response?.body.toString('utf8') ?? '', 'UploadId');
    if (!uploadId) throw new Error('S3 returned no upload id');
    return uploadId;
  }

  async completeMultipartUpload(
    bucket: string,
    key: string,
    uploadId: string,
    parts: { partNumber: number; etag: string }[],
  ): Promise<void> {
    const body = `<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${parts
      .map((p) => `<Part><PartNumber>${p.partNumber}</PartNumber><ETag>${escapeXml(p.etag)}</ETag></Part>`)
      .join('')}</CompleteMultipartUpload>`;
    await this.send('POST', bucket, key, {
      query: { uploadId },
      body: Buffer.from(body),
      headers: { 'content-type': 'application/xml' },
      errorInBody: true,
    });
  }

  /**
   * One object request. `allowNotFound`: null for a 404. `errorInBody`: S3 may answer a copy or a
   * multipart completion with 200 and an <Error> body, which is a failure.
   */
  private async send(
    method: 'GET' | 'PUT' | 'HEAD' | 'DELETE' | 'POST',
    bucket: string,
    key: string,
    options: {
      query?: Record<string, string>;
      headers?: Record<string, string>;
      body?: Buffer;
      allowNotFound?: boolean;
      stream?: boolean;
      errorInBody?: boolean;
    } = {},
  ): Promise<AwsResponse | null> {
    const url = this.objectUrl(bucket, key, options.query);
    let response: AwsResponse;
    try {
      response = await sendAwsRequest(
        S3_SERVICE,
        {
          method,
          path: `${url.pathname}${url.search}`,
          headers: options.headers ?? {},
          body: options.body ?? '',
          endpoint: url.origin,
          stream: options.stream,
        },
        xmlError,
      );
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (options.allowNotFound && status === 404) return null;
      throw error;
    }
    if (options.errorInBody) {
      const text = response.body.toString('utf8');
      if (text.includes('<Error>')) {
        const refusal = xmlError(response);
        throw new AwsServiceError(refusal.code, refusal.message, response.status, 1);
      }
    }
    return response;
  }
}

/** The text of the first <tag> of a small S3 XML answer. */
function xmlText(xml: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml);
  return match?.[1] === undefined ? undefined : unescapeXml(match[1]);
}

/** `<Error><Code>NoSuchKey</Code><Message>…</Message></Error>`; a HEAD's 404 has no body: NotFound. */
function xmlError(response: AwsResponse): { code: string; message: string } {
  const xml = response.body.toString('utf8');
  const code = xmlText(xml, 'Code') ?? (response.status === 404 ? 'NotFound' : `Http${response.status}`);
  return { code, message: xmlText(xml, 'Message') ?? '' };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unescapeXml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#34;/g, '"')
    .replace(/&amp;/g, '&');
}

/** One S3 client per process. */
let s3: S3 | undefined;

export function getS3(): S3 {
  s3 ??= new S3();
  return s3;
}

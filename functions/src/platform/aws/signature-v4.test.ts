import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { encodeRfc3986, presignUrl, signRequest } from './signature-v4';

/** The SDK signer's hash interface over node:crypto (a secret makes it an HMAC). */
class NodeSha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | Uint8Array) {
    this.hash = secret ? createHmac('sha256', secret) : createHash('sha256');
  }
  update(data: string | Uint8Array) {
    this.hash.update(data);
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
}

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const AT = Date.UTC(2015, 7, 30, 12, 36, 0);

describe('signRequest (AWS Signature Version 4)', () => {
  it("matches AWS's published get-vanilla example", () => {
    const headers = signRequest(
      { method: 'GET', url: new URL('https://example.amazonaws.com/'), headers: {}, body: '' },
      { service: 'service', region: 'us-east-1', credentials, now: AT },
    );
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
    expect(headers['x-amz-date']).toBe('20150830T123600Z');
  });

  const cases: {
    name: string;
    service: string;
    method: string;
    url: string;
    headers: Record<string, string>;
    body: string;
    sessionToken?: string;
  }[] = [
    {
      name: 'a DynamoDB JSON call with a session token',
      service: 'dynamodb',
      method: 'POST',
      url: 'https://dynamodb.cn-north-1.amazonaws.com.cn/',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.GetItem' },
      body: JSON.stringify({ TableName: 't', Key: { pk: { S: 'POLICY#P1 张' } } }),
      sessionToken: 'FQoGZXIvYXdzE//token+/=',
    },
    {
      name: 'a WebSocket push to a connection id holding "="',
      service: 'execute-api',
      method: 'POST',
      url: `https://abc.execute-api.cn-north-1.amazonaws.com.cn/prod/@connections/${encodeURIComponent('Yx1=')}`,
      headers: { 'content-type': 'application/octet-stream' },
      body: '{"type":"message"}',
    },
    {
      name: 'a query string needing RFC 3986 encoding',
      service: 'ssm',
      method: 'GET',
      url: "https://ssm.cn-north-1.amazonaws.com.cn/path/a b?b=2&a=1&c=it's(*)&a=0",
      headers: {},
      body: '',
    },
  ];

  it.each(cases)('signs $name exactly as the SDK signer does', async (c) => {
    const url = new URL(c.url);
    const scopeCredentials = { ...credentials, sessionToken: c.sessionToken };
    const ours = signRequest(
      { method: c.method, url, headers: c.headers, body: c.body },
      { service: c.service, region: 'cn-north-1', credentials: scopeCredentials, now: AT },
    );
    const query: Record<string, string | string[]> = {};
    for (const [name, value] of url.searchParams) {
      const previous = query[name];
      query[name] = previous === undefined ? value : [...([] as string[]).concat(previous), value];
    }
    const sdk = await new SignatureV4({
      credentials: scopeCredentials,
      region: 'cn-north-1',
      service: c.service,
      // The SDK's hash constructor type, over node:crypto.
      sha256: NodeSha256 as never,
      applyChecksum: false,
    }).sign(
      {
        method: c.method,
        protocol: url.protocol,
        hostname: url.hostname,
        path: url.pathname,
        query,
        headers: { ...c.headers, host: url.host },
        body: c.body,
      },
      { signingDate: new Date(AT) },
    );
    expect(ours.authorization).toBe(sdk.headers.authorization);
  });
});

describe('S3 signing', () => {
  const sdkSigner = () =>
    new SignatureV4({
      credentials: { ...credentials, sessionToken: 'session/token+=' },
      region: 'cn-north-1',
      service: 's3',
      sha256: NodeSha256 as never,
      uriEscapePath: false,
    });
  const url = new URL(
    `https://docs-bucket.s3.cn-north-1.amazonaws.com.cn/${['identity', 'C001', '身份证 正面(1).jpg'].map(encodeRfc3986).join('/')}`,
  );

  it('signs an object PUT (path encoded once, payload hash in x-amz-content-sha256) as the SDK does', async () => {
    const body = Buffer.from('%PDF-1.7 …');
    const ours = signRequest(
      { method: 'PUT', url, headers: { 'content-type': 'application/pdf' }, body },
      {
        service: 's3',
        region: 'cn-north-1',
        credentials: { ...credentials, sessionToken: 'session/token+=' },
        now: AT,
      },
    );
    const sdk = await sdkSigner().sign(
      {
        method: 'PUT',
        protocol: 'https:',
        hostname: url.hostname,
        path: url.pathname,
        query: {},
        headers: { host: url.host, 'content-type': 'application/pdf' },
        body,
      },
      { signingDate: new Date(AT) },
    );
    expect(ours['x-amz-content-sha256']).toBe(sdk.headers['x-amz-content-sha256']);
    expect(ours.authorization).toBe(sdk.headers.authorization);
  });

  it('presigns object GETs and PUTs (an upload part too) exactly as the SDK S3 presigner does', async () => {
    const presigner = new S3RequestPresigner({
      credentials: { ...credentials, sessionToken: 'session/token+=' },
      region: 'cn-north-1',
      sha256: NodeSha256 as never,
    });
    for (const { method, query } of [
      { method: 'PUT', query: {} },
      {
        method: 'GET',
        query: {
          'response-content-type': 'application/pdf',
          'response-content-disposition': "inline; filename*=UTF-8''%E6%89%B9%E5%8D%95.pdf",
        },
      },
      { method: 'PUT', query: { partNumber: '3', uploadId: 'VXBsb2FkIElE+/=' } },
    ]) {
      const target = new URL(url);
      for (const [name, value] of Object.entries(query)) target.searchParams.set(name, value);
      const ours = new URL(
        presignUrl(method, target, 600, {
          service: 's3',
          region: 'cn-north-1',
          credentials: { ...credentials, sessionToken: 'session/token+=' },
          now: AT,
        }),
      );
      const sdk = await presigner.presign(
        {
          method,
          protocol: 'https:',
          hostname: url.hostname,
          path: url.pathname,
          query,
          headers: { host: url.host },
        },
        { expiresIn: 600, signingDate: new Date(AT) },
      );
      expect(Object.fromEntries(ours.searchParams)).toEqual(sdk.query);
    }
  });
});

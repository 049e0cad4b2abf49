import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { S3 } from './s3';

/**
 * PutObjectRetention against a local HTTP fake standing for S3 (s3rver does not implement it): the
 * request S3's API documents — PUT on the object with `?retention` and its version, the XML body in
 * governance mode with the new date, and the Content-MD5 an Object Lock bucket requires.
 */
const received: { method: string; url: string; headers: Record<string, unknown>; body: string }[] = [];
let answer = { status: 200, body: '' };
let server: Server;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push({
      method: String(req.method),
      url: String(req.url),
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    });
    res.writeHead(answer.status, { 'content-type': 'application/xml' });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  vi.stubEnv('AWS_ENDPOINT_URL_S3', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
  vi.stubEnv('AWS_REGION', 'cn-north-1');
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise((resolve) => server.close(resolve));
});

describe('extending an object lock (PutObjectRetention)', () => {
  it('sends the governance-mode retention of the version, with its Content-MD5', async () => {
    const until = new Date('2046-06-30T16:00:00.000Z');
    await new S3().extendRetention('evidence', 'authorisations/C001/SQ1/recording.mp4', 'v 1', until);
    const request = received.at(-1);
    expect(request?.method).toBe('PUT');
    const url = new URL(request?.url ?? '', 'http://x');
    expect(url.pathname).toBe('/evidence/authorisations/C001/SQ1/recording.mp4');
    expect(url.searchParams.has('retention')).toBe(true);
    expect(url.searchParams.get('versionId')).toBe('v 1');
    expect(request?.body).toBe(
      '<Retention xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Mode>GOVERNANCE</Mode><RetainUntilDate>2046-06-30T16:00:00.000Z</RetainUntilDate></Retention>',
    );
    expect(request?.headers['content-md5']).toBe(
      createHash('md5')
        .update(request?.body ?? '')
        .digest('base64'),
    );
    expect(String(request?.headers.authorization)).toMatch(/^AWS4-HMAC-SHA256 /);
  });

  it('fails when S3 refuses (a shorter date without the bypass is AccessDenied)', async () => {
    answer = {
      status: 403,
      body: '<Error><Code>AccessDenied</Code><Message>Access Denied because object protected by object lock.</Message></Error>',
    };
    await expect(
      new S3().extendRetention('evidence', 'authorisations/C001/SQ1/recording.mp4', null, new Date()),
    ).rejects.toThrow();
    answer = { status: 200, body: '' };
  });
});

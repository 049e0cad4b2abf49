import { describe, expect, it } from 'vitest';
import { handler as verifyDocument } from '../../src/documents/handlers/verify-document';
import { invoke } from '../../src/platform/http/testing';
import { useTestContainer } from '../support/test-system';

/** Anyone may verify a PDF, but one address at most 20 a minute and 200 an hour. */
const kit = useTestContainer();

const verify = (sourceIp: string) =>
  invoke(verifyDocument, {
    path: '/documents/verify',
    body: { pdfBase64: Buffer.from('%PDF-1.7 not a signed endorsement').toString('base64') },
    sourceIp,
  });

describe('public verification, per address', () => {
  it('answers 20 a minute from one address, then 429 with the wait; other addresses go on', async () => {
    for (let i = 0; i < 20; i++) expect((await verify('203.0.113.30')).status).not.toBe(429);
    const refused = await verify('203.0.113.30');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED', message: '请求过于频繁，请在 1 分钟后重试' });
    expect((await verify('198.51.100.30')).status).not.toBe(429);
    kit.advance(61_000);
    expect((await verify('203.0.113.30')).status).not.toBe(429);
  });
});

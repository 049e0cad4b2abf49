import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../platform/config';
import { verifyDocument } from '../../use-cases/verify-document';
import { InsurerSigningKey, TrustedCas } from './insurer-certificate';
import { insurerSigningKey, insurerTrustedCas } from './insurer-signing-key';
import { createTestChain } from './local-test-ca';
import { SecretsManagerCertificates, SecretsManagerTrustedCas } from './secrets-manager-certificate';
import { checkPdfSignature } from './verify-pdf-signature';

/** A fake of the Secrets Manager JSON API (`secretsmanager.GetSecretValue`). */
const chain = createTestChain({ ca: 'Insurer Issuing CA', leaf: 'Shili Life Document Signing' });
const secrets: Record<string, string> = {
  'zhixiang-kefu/dev/document-signing': JSON.stringify({
    p12Base64: Buffer.from(chain.p12).toString('base64'),
    passphrase: chain.passphrase,
  }),
  'zhixiang-kefu/dev/document-trusted-cas': JSON.stringify({ trustedCaPem: [chain.caPem] }),
  'zhixiang-kefu/dev/broken': JSON.stringify({ p12Base64: 'AAAA', trustedCaPem: 'not a list' }),
};
const requests: { target: string; SecretId: string }[] = [];
let server: Server;
const previous = process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { SecretId: string };
    requests.push({ target: String(req.headers['x-amz-target']), SecretId: body.SecretId });
    const value = secrets[body.SecretId];
    if (!value) {
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify({ __type: 'ResourceNotFoundException', message: 'not found' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
    res.end(
      JSON.stringify({
        ARN: `arn:aws-cn:secretsmanager:cn-north-1:0:secret:${body.SecretId}-AbCdEf`,
        Name: body.SecretId,
        SecretString: value,
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  if (previous === undefined) delete process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER;
  else process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = previous;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const devConfig = () =>
  loadConfig({
    STAGE: 'dev',
    TABLE_NAME: 't',
    BUCKET_NAME: 'b',
    FIELD_KEY_ID: 'alias/field',
    SSM_PREFIX: '/zhixiang-kefu/dev',
  });
const read = (secretId: string) => ({ target: 'secretsmanager.GetSecretValue', SecretId: secretId });

describe('the insurer certificate from Secrets Manager', () => {
  // First: a secret is cached for the process, so this test must see the first reads.
  it('lets the public verify read the trusted CAs only, never the signing key', async () => {
    requests.length = 0;
    const trustedCas = insurerTrustedCas(devConfig());
    const answer = await verifyDocument(
      {
        repositories: { documents: { findBySealedHash: async () => null } } as never,
        trustedCas,
        pdf: { checkPdfSignature },
      },
      { pdfBase64: Buffer.from('%PDF-1.7\n%%EOF\n').toString('base64') },
    );
    expect(answer.verdict).toBe('unsigned');
    expect((await trustedCas.get())[0]?.subject).toContain('Insurer Issuing CA');
    expect(requests).toEqual([read('zhixiang-kefu/dev/document-trusted-cas')]);
  });

  it('is what deployed stages use: signing reads the key once, and the trusted CAs', async () => {
    requests.length = 0;
    const key = insurerSigningKey(devConfig());
    const identity = await key.get();
    expect(identity.subject).toContain('CN=Shili Life Document Signing');
    expect(identity.trustedCas[0]?.subject).toContain('Insurer Issuing CA');
    await key.get();
    // The trusted CAs' secret was read (and is cached by Powertools) in the test above.
    expect(requests).toEqual([read('zhixiang-kefu/dev/document-signing')]);
  });

  it('refuses a secret without the key, passphrase and trusted CA', async () => {
    const key = new InsurerSigningKey(
      new SecretsManagerCertificates('zhixiang-kefu/dev/broken'),
      new SecretsManagerTrustedCas('zhixiang-kefu/dev/document-trusted-cas'),
    );
    await expect(key.get()).rejects.toThrow(/must hold \{p12Base64, passphrase\}/);
    await expect(
      new TrustedCas(new SecretsManagerTrustedCas('zhixiang-kefu/dev/broken')).get(),
    ).rejects.toThrow(/must hold \{trustedCaPem\[\]\}/);
    await expect(key.get()).rejects.toThrow();
    expect(requests.filter((r) => r.SecretId === 'zhixiang-kefu/dev/broken').length).toBeGreaterThanOrEqual(
      1,
    );
  });
});

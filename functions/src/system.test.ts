import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxWechatAuth, WechatCodeExchange } from './auth/adapters/wechat-code-exchange';
import { loadConfig } from './platform/config';
import { KmsKeyWrapper, LocalFileKeyProvider } from './platform/crypto/key-wrappers';
import { createSecrets } from './platform/secrets';
import { SandboxOutboxSms } from './platform/sms/sandbox-outbox-sms';
import { TencentSms } from './platform/sms/tencent-sms';
import { createSystem } from './system';

// @local-stack: the container is built from the local stage's environment (key file, signing key).

const deployedEnv = (ssmPrefix: string) => ({
  STAGE: 'dev',
  TABLE_NAME: 't',
  BUCKET_NAME: 'b',
  FIELD_KEY_PROVIDER: 'kms',
  FIELD_KEY_ID: 'alias/field',
  SMS_PROVIDER: 'tencent',
  WECHAT_PROVIDER: 'wechat',
  SSM_PREFIX: ssmPrefix,
});

describe('createSystem', () => {
  it('builds the sandbox providers on the local stage', () => {
    const container = createSystem(loadConfig());
    expect(container.wechatAuth).toBeInstanceOf(SandboxWechatAuth);
    expect(container.sms).toBeInstanceOf(SandboxOutboxSms);
    expect(container.fieldKeyWrapper).toBeInstanceOf(LocalFileKeyProvider);
  });

  it('builds the real providers on deployed stages', () => {
    const container = createSystem(loadConfig(deployedEnv('/zhixiang-kefu/dev')));
    expect(container.wechatAuth).toBeInstanceOf(WechatCodeExchange);
    expect(container.sms).toBeInstanceOf(TencentSms);
    expect(container.fieldKeyWrapper).toBeInstanceOf(KmsKeyWrapper);
  });
});

/** A fake of the SSM JSON API (`AmazonSSM.GetParameter`) to prove names, decryption and caching. */
const requests: { Name: string; WithDecryption: boolean }[] = [];
let server: Server;
const previousEndpoint = process.env.AWS_ENDPOINT_URL_SSM;

beforeAll(async () => {
  server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      Name: string;
      WithDecryption: boolean;
    };
    requests.push(body);
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
    res.end(
      JSON.stringify({
        Parameter: { Name: body.Name, Type: 'SecureString', Value: `value-of-${body.Name}`, Version: 1 },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.AWS_ENDPOINT_URL_SSM = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  if (previousEndpoint === undefined) delete process.env.AWS_ENDPOINT_URL_SSM;
  else process.env.AWS_ENDPOINT_URL_SSM = previousEndpoint;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('createSecrets', () => {
  it('reads secrets from SSM under the stage prefix, decrypted, and caches them', async () => {
    const secrets = createSecrets(loadConfig(deployedEnv('/zhixiang-kefu/dev')));
    expect(await secrets.tokenSigningKey()).toBe('value-of-/zhixiang-kefu/dev/token-signing-key');
    expect(await secrets.tokenSigningKey()).toBe('value-of-/zhixiang-kefu/dev/token-signing-key');
    expect(await secrets.wechatCredentials()).toEqual({
      appId: 'value-of-/zhixiang-kefu/dev/wechat-app-id',
      appSecret: 'value-of-/zhixiang-kefu/dev/wechat-app-secret',
    });
    expect(requests.filter((r) => r.Name.endsWith('/token-signing-key'))).toHaveLength(1);
    expect(requests.every((r) => r.WithDecryption)).toBe(true);
    const sms = await secrets.tencentSms();
    expect(sms.templateIds.bind_identity_code).toBe(
      'value-of-/zhixiang-kefu/dev/tencent-sms-template-bind-code',
    );
  });

  it('uses the local signing key and never SSM on the local stage', async () => {
    const before = requests.length;
    const config = loadConfig();
    expect(await createSecrets(config).tokenSigningKey()).toBe(config.tokenSigningKey);
    expect(requests.length).toBe(before);
  });
});

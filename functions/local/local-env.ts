import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DOCUMENT_FONT_RELATIVE_PATH } from '../src/platform/pdf/document-font';
import {
  type LocalResources,
  localCredentials,
  readLocalResources,
  resolveLocalValue,
} from './create-resources';
import { localDir, repoRoot } from './local-paths';
import { type LoadOptions, loadServerlessConfig } from './serverless-config';

/**
 * The environment handlers get on the local stage: serverless.yml's `provider.environment` with
 * `!Ref`s resolved to the local table and bucket names, then the local providers (key file, SMS
 * outbox, sandbox WeChat) and the emulator endpoints on top. Variable names are those read by
 * functions/src/config.ts.
 */
export interface LocalEnvOptions extends LoadOptions {
  dynamodbEndpoint: string;
  s3Endpoint: string;
  /** Folder for the key files and the SMS outbox; tests pass a temp folder. */
  dataDir?: string;
  resources?: LocalResources;
}

/** Reads the local token signing key, creating a random one the first time. */
/** The local stage's stand-in appid: pushes the local tests encrypt name it. */
const LOCAL_WECHAT_APP_ID = 'wxlocalsandbox0000';

export async function localSecret(file: string, bytes = 48): Promise<string> {
  if (existsSync(file)) {
    const existing = (await readFile(file, 'utf8')).trim();
    if (existing.length >= 32) return existing;
  }
  await mkdir(dirname(file), { recursive: true });
  const secret = randomBytes(bytes).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * The local WeChat Pay merchant and the sandbox's platform key, created once: the merchant's
 * settings go into WECHAT_PAY_SECRET (what Secrets Manager holds on deployed stages), the platform
 * private key stays in the file for the sandbox to sign notifications with.
 */
async function localWechatPayMerchant(file: string) {
  const pair = () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return {
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
  };
  if (!existsSync(file)) {
    const merchant = pair();
    const platform = pair();
    await mkdir(dirname(file), { recursive: true });
    const settings = {
      mchid: '1900000000',
      appId: LOCAL_WECHAT_APP_ID,
      merchantSerialNo: randomBytes(20).toString('hex').toUpperCase(),
      merchantPrivateKeyPem: merchant.privateKeyPem,
      apiV3Key: randomBytes(16).toString('hex'),
      platformPublicKeyId: 'PUB_KEY_ID_LOCAL_SANDBOX',
      platformPublicKeyPem: platform.publicKeyPem,
      platformPrivateKeyPem: platform.privateKeyPem,
    };
    await writeFile(file, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  }
  const { platformPrivateKeyPem: _kept, ...merchant } = JSON.parse(await readFile(file, 'utf8')) as Record<
    string,
    string
  >;
  return merchant;
}

export async function buildLocalEnv(options: LocalEnvOptions): Promise<Record<string, string>> {
  const region = options.region ?? 'cn-north-1';
  const dataDir = options.dataDir ?? localDir;
  const resources = options.resources ?? readLocalResources(options);
  const config = loadServerlessConfig({ ...options, stage: 'local' });

  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(config.provider.environment ?? {})) {
    const resolved = resolveLocalValue(value, resources.refs);
    if (resolved !== undefined) env[name] = resolved;
  }
  // Deployed-only settings: no KMS key and no SSM locally (config.ts refuses sandbox providers
  // together with them).
  delete env.FIELD_KEY_ID;
  delete env.SSM_PREFIX;
  delete env.DOCUMENT_SIGNING_SECRET_ID;
  // Live chat: the local gateway serves the WebSocket API itself and sets this to its own address.
  delete env.LIVE_CHAT_ENDPOINT;
  delete env.WECHAT_PAY_NOTIFY_URL;
  delete env.WECHAT_PAY_SECRET_ID;
  delete env.FINANCE_API_BASE_URL;

  const tableName = resources.tables[0]?.input.TableName;
  const bucketName = resources.buckets[0]?.name;
  Object.assign(env, {
    STAGE: 'local',
    // Business metrics: Powertools writes nothing (the EMF lines would fill the console and test output).
    POWERTOOLS_METRICS_DISABLED: 'true',
    ...(tableName && !env.TABLE_NAME ? { TABLE_NAME: tableName } : {}),
    ...(bucketName && !env.BUCKET_NAME ? { BUCKET_NAME: bucketName } : {}),
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: options.dynamodbEndpoint,
    AWS_ENDPOINT_URL_S3: options.s3Endpoint,
    // s3rver stores aws-chunked framing inside objects unless checksums are only sent when required.
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
    FIELD_KEY_PROVIDER: 'local-file',
    FIELD_KEY_FILE: join(dataDir, 'field-master.key'),
    SMS_PROVIDER: 'sandbox-outbox',
    SMS_OUTBOX_FILE: join(dataDir, 'sms-outbox.jsonl'),
    WECHAT_PROVIDER: 'sandbox',
    TOKEN_SIGNING_KEY: await localSecret(join(dataDir, 'token-signing.key')),
    // Identity verification: the 「模拟人脸核身」 sandbox.
    FACE_VERIFY_PROVIDER: 'sandbox',
    // Electronic documents: a test CA and signing certificate created on first use.
    DOCUMENT_SIGNING_PROVIDER: 'local-test-ca',
    DOCUMENT_SIGNING_DIR: join(dataDir, 'document-signing'),
    DOCUMENT_FONT_FILE: join(repoRoot, DOCUMENT_FONT_RELATIVE_PATH),
    ID_CARD_OCR_PROVIDER: 'tesseract',
    // Caller pre-verification (IVR): the local phone-system simulator signs with this.
    IVR_SIGNING_SECRET: await localSecret(join(dataDir, 'ivr-signing.key')),
    // E-letters and renewal notices: the WeChat outbox, the push Token, billing's secret.
    SUBSCRIBE_MESSAGE_PROVIDER: 'sandbox-outbox',
    WECHAT_OUTBOX_FILE: join(dataDir, 'wechat-outbox.jsonl'),
    WECHAT_PUSH_TOKEN: (await localSecret(join(dataDir, 'wechat-push-token.key'), 24)).slice(0, 32),
    // The push's EncodingAESKey: 43 Base64 characters (base64url's - and _ mapped to + and /).
    WECHAT_PUSH_AES_KEY: (await localSecret(join(dataDir, 'wechat-push-aes.key'), 33))
      .slice(0, 43)
      .replaceAll('-', '+')
      .replaceAll('_', '/'),
    WECHAT_APP_ID: LOCAL_WECHAT_APP_ID,
    BILLING_SIGNING_SECRET: await localSecret(join(dataDir, 'billing-signing.key')),
    STANDARDS_SIGNING_SECRET: await localSecret(join(dataDir, 'standards-signing.key')),
    LETTER_LINK_BASE_URL: `http://localhost:${process.env.H5_PORT ?? 8080}/packages/letters/open/index`,
    // Payments: the 「微信支付沙箱」 with a merchant and platform key of its own (the notify URL is
    // the local gateway's own route, which it sets when it starts).
    WECHAT_PAY_PROVIDER: 'sandbox',
    WECHAT_PAY_SECRET: JSON.stringify(await localWechatPayMerchant(join(dataDir, 'wechat-pay-sandbox.json'))),
    WECHAT_PAY_SANDBOX_KEY_FILE: join(dataDir, 'wechat-pay-sandbox.json'),
    // Payouts: the 「财务付款沙箱」 and the HMAC secret it and we sign with (the results URL is the
    // local gateway's own route, which it sets when it starts).
    FINANCE_PROVIDER: 'sandbox',
    FINANCE_SIGNING_SECRET: await localSecret(join(dataDir, 'finance-signing.key')),
    // Repayment debits: the 「续期扣款沙箱」 (signed with BILLING_SIGNING_SECRET above; its results
    // URL is the local gateway's own debit-results route, which it sets when it starts).
    BILLING_PROVIDER: 'sandbox',
  });
  // Source maps are on in Lambda through NODE_OPTIONS; tsx already maps stack traces locally.
  delete env.NODE_OPTIONS;
  return env;
}

import { defaultServiceHours } from '@zhixiang/shared/assistant/service-hours';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SandboxWechatAuth } from '../auth/adapters/wechat-code-exchange';
import { LocalTestCaCertificates } from '../documents/adapters/signing/local-test-ca';
import { TesseractIdCardOcr } from '../identity/adapters/tesseract-id-card-ocr';
import { SandboxFaceVerifier } from '../identity/adapters/wechat-face-verifier';
import { SandboxOutboxSubscribeMessages } from '../letters/adapters/wechat-subscribe-messages';
import { assertLocalStage, ConfigError, loadConfig } from './config';
import { LocalFileKeyProvider } from './crypto/key-wrappers';
import { SandboxOutboxSms } from './sms/sandbox-outbox-sms';

const deployed = {
  STAGE: 'prod',
  TABLE_NAME: 'zhixiang-kefu-prod',
  BUCKET_NAME: 'docs',
  FIELD_KEY_PROVIDER: 'kms',
  FIELD_KEY_ID: 'arn:aws-cn:kms:cn-north-1:123456789012:key/abc',
  SMS_PROVIDER: 'tencent',
  WECHAT_PROVIDER: 'wechat',
  SSM_PREFIX: '/zhixiang-kefu/prod',
};
const local = {
  STAGE: 'local',
  TABLE_NAME: 'zhixiang-kefu-local',
  BUCKET_NAME: 'docs',
  FIELD_KEY_PROVIDER: 'local-file',
  SMS_PROVIDER: 'sandbox-outbox',
  WECHAT_PROVIDER: 'sandbox',
  TOKEN_SIGNING_KEY: 'x'.repeat(40),
};

describe('loadConfig', () => {
  it('accepts a deployed stage with real providers and reads secrets from SSM', () => {
    const config = loadConfig(deployed);
    expect(config.fieldKey).toEqual({ provider: 'kms', keyId: deployed.FIELD_KEY_ID });
    expect(config.sms.provider).toBe('tencent');
    expect(config.wechat).toEqual({ provider: 'wechat', apiBaseUrl: 'https://api.weixin.qq.com' });
    expect(config.tokenSigningKey).toBeNull();
    expect(config.demoSignIn).toBe(false);
    expect(config.documentSigning).toEqual({
      provider: 'secrets-manager',
      secretId: 'zhixiang-kefu/prod/document-signing',
      trustedCaSecretId: 'zhixiang-kefu/prod/document-trusted-cas',
    });
  });

  it('accepts the local stage with every sandbox provider and enables demo sign-in', () => {
    const config = loadConfig(local);
    expect(config.fieldKey.provider).toBe('local-file');
    expect(config.demoSignIn).toBe(true);
  });

  it.each([
    ['FIELD_KEY_PROVIDER', 'local-file'],
    ['SMS_PROVIDER', 'sandbox-outbox'],
    ['WECHAT_PROVIDER', 'sandbox'],
    ['TOKEN_SIGNING_KEY', 'y'.repeat(40)],
    ['DOCUMENT_SIGNING_PROVIDER', 'local-test-ca'],
    ['IVR_SIGNING_SECRET', 'z'.repeat(40)],
    ['FACE_VERIFY_PROVIDER', 'sandbox'],
    ['ID_CARD_OCR_PROVIDER', 'tesseract'],
    ['SUBSCRIBE_MESSAGE_PROVIDER', 'sandbox-outbox'],
    ['WECHAT_PUSH_TOKEN', 'local-push-token'],
    ['WECHAT_PUSH_AES_KEY', 'a'.repeat(43)],
    ['WECHAT_APP_ID', 'wx0123456789abcdef'],
    ['BILLING_SIGNING_SECRET', 'b'.repeat(40)],
    ['STANDARDS_SIGNING_SECRET', 's'.repeat(40)],
    ['FINANCE_PROVIDER', 'sandbox'],
    ['BILLING_PROVIDER', 'sandbox'],
  ])('refuses %s=%s on dev and prod', (name, value) => {
    for (const stage of ['dev', 'prod']) {
      expect(() => loadConfig({ ...deployed, STAGE: stage, [name]: value })).toThrow(
        /only allowed when STAGE=local/,
      );
    }
  });

  it('refuses the local stage, its sandboxes and demo sign-in inside AWS Lambda, whatever STAGE says', () => {
    const inLambda = { AWS_LAMBDA_FUNCTION_NAME: 'zhixiang-kefu-prod-signInAsDemoUser' };
    expect(() => loadConfig({ ...local, ...inLambda })).toThrow(/STAGE=local is refused inside AWS Lambda/);
    // Even the least sandboxed local configuration: the stage itself is what is refused.
    const localWithRealProviders = { ...deployed, STAGE: 'local', SSM_PREFIX: '/zhixiang-kefu/local' };
    expect(loadConfig(localWithRealProviders).demoSignIn).toBe(true);
    expect(() => loadConfig({ ...localWithRealProviders, ...inLambda })).toThrow(/refused inside AWS Lambda/);
    expect(loadConfig({ ...deployed, ...inLambda }).demoSignIn).toBe(false);
  });

  it('names every missing or invalid variable', () => {
    expect(() => loadConfig({ STAGE: 'staging' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...deployed, FIELD_KEY_ID: undefined })).toThrow(/FIELD_KEY_ID is required/);
    expect(() => loadConfig({ ...deployed, SSM_PREFIX: undefined })).toThrow(/SSM_PREFIX is required/);
    expect(() => loadConfig({ ...local, TOKEN_SIGNING_KEY: 'short' })).toThrow(/TOKEN_SIGNING_KEY/);
  });

  it('checks each set variable by its kind and lists every problem in one error', () => {
    const problems = (env: Record<string, string | undefined>) => {
      try {
        loadConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('expected a ConfigError');
    };
    const message = problems({
      ...deployed,
      STAGE: 'staging',
      TABLE_NAME: undefined,
      BUCKET_NAME: '   ',
      SMS_PROVIDER: 'aliyun',
      WECHAT_API_BASE_URL: 'not a url',
      WECHAT_PUSH_AES_KEY: 'short',
      PAYOUT_RESULT_BUSINESS_DAYS: '31',
      SSM_PREFIX: 'zhixiang-kefu/prod/',
    });
    expect(message).toContain('STAGE: must be one of local, dev, prod');
    expect(message).toContain('TABLE_NAME: required');
    expect(message).toContain('BUCKET_NAME: must not be blank');
    expect(message).toContain('SMS_PROVIDER: must be one of tencent, sandbox-outbox');
    expect(message).toContain('WECHAT_API_BASE_URL: must be a URL');
    expect(message).toContain('WECHAT_PUSH_AES_KEY: must be the 43-character EncodingAESKey');
    expect(message).toContain('PAYOUT_RESULT_BUSINESS_DAYS: must be a whole number of days from 1 to 30');
    expect(message).toContain('SSM_PREFIX: must look like /service/stage');
    expect(problems({ ...deployed, STAGE: undefined })).toContain(
      'STAGE: required (one of local, dev, prod)',
    );
  });

  it('trims names and applies the defaults of unset variables', () => {
    const config = loadConfig({
      ...deployed,
      TABLE_NAME: ' zhixiang-kefu-prod ',
      PAYOUT_RESULT_BUSINESS_DAYS: '5',
    });
    expect(config.tableName).toBe('zhixiang-kefu-prod');
    expect(config.finance.resultBusinessDays).toBe(5);
    expect(config.sms).toEqual({
      provider: 'tencent',
      endpoint: 'https://sms.tencentcloudapi.com',
      region: 'ap-guangzhou',
    });
    expect(loadConfig(deployed).finance.resultBusinessDays).toBe(3);
    expect(config.wechatPay.secretId).toBe('zhixiang-kefu/prod/wechat-pay');
  });
});

describe('sandbox providers', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  const answers = {} as ConstructorParameters<typeof SandboxFaceVerifier>[1];
  const sandboxes = (stage: 'local' | 'dev' | 'prod') => [
    () => new SandboxWechatAuth(stage),
    () => new SandboxOutboxSms(stage, '/tmp/outbox.jsonl'),
    () => new LocalFileKeyProvider(stage, '/tmp/key'),
    () => new LocalTestCaCertificates(stage, '/tmp/ca'),
    () => new SandboxFaceVerifier(stage, answers),
    () => new TesseractIdCardOcr(stage),
    () => new SandboxOutboxSubscribeMessages(stage, '/tmp/wechat-outbox.jsonl'),
  ];

  it('refuse to be built off the local stage even without loadConfig', () => {
    for (const build of sandboxes('prod')) expect(build).toThrow(/refuses to run on STAGE=prod/);
    for (const build of sandboxes('dev')) expect(build).toThrow(/refuses to run on STAGE=dev/);
    for (const build of sandboxes('local')) expect(build).not.toThrow();
    expect(() => assertLocalStage('local', 'anything')).not.toThrow();
  });

  it('refuse to be built inside AWS Lambda even on STAGE=local', () => {
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'zhixiang-kefu-prod-startFaceVerification');
    for (const build of sandboxes('local')) expect(build).toThrow(/refuses to run inside AWS Lambda/);
  });
});

// Assistant live chat and the staff console.
describe('service hours', () => {
  it('default to config/service-hours.json and may be set per stage, validated', () => {
    expect(loadConfig(local).serviceHours.daily).toEqual({ open: '08:00', close: '22:00' });
    // The default is read and checked on first use, and is the module's checked default.
    expect(loadConfig(deployed).serviceHours).toEqual(defaultServiceHours);
    const closedSundays = JSON.stringify({
      timeZone: 'Asia/Shanghai',
      daily: { open: '09:00', close: '18:00' },
      weekdays: { sun: null },
    });
    expect(loadConfig({ ...local, ASSISTANT_SERVICE_HOURS: closedSundays }).serviceHours.weekdays).toEqual({
      sun: null,
    });
    expect(() => loadConfig({ ...local, ASSISTANT_SERVICE_HOURS: '{' })).toThrow(/not valid JSON/);
    expect(() =>
      loadConfig({
        ...local,
        ASSISTANT_SERVICE_HOURS: JSON.stringify({
          timeZone: 'Asia/Shanghai',
          daily: { open: '22:00', close: '08:00' },
        }),
      }),
    ).toThrow(/开始时间应早于结束时间/);
  });
});

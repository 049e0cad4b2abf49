import { describe, expect, it } from 'vitest';
import { SandboxWechatAuth } from '../auth/adapters/wechat-code-exchange';
import { LocalTestCaCertificates } from '../documents/adapters/signing/local-test-ca';
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
  ])('refuses %s=%s on dev and prod', (name, value) => {
    for (const stage of ['dev', 'prod']) {
      expect(() => loadConfig({ ...deployed, STAGE: stage, [name]: value })).toThrow(
        /only allowed when STAGE=local/,
      );
    }
  });

  it('names every missing or invalid variable', () => {
    expect(() => loadConfig({ STAGE: 'staging' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...deployed, FIELD_KEY_ID: undefined })).toThrow(/FIELD_KEY_ID is required/);
    expect(() => loadConfig({ ...deployed, SSM_PREFIX: undefined })).toThrow(/SSM_PREFIX is required/);
    expect(() => loadConfig({ ...local, TOKEN_SIGNING_KEY: 'short' })).toThrow(/TOKEN_SIGNING_KEY/);
  });
});

describe('sandbox providers', () => {
  it('refuse to be built off the local stage even without loadConfig', () => {
    expect(() => new SandboxWechatAuth('prod')).toThrow(/refuses to run on STAGE=prod/);
    expect(() => new SandboxOutboxSms('dev', '/tmp/outbox.jsonl')).toThrow(/refuses to run on STAGE=dev/);
    expect(() => new LocalFileKeyProvider('prod', '/tmp/key')).toThrow(/refuses to run on STAGE=prod/);
    expect(() => new LocalTestCaCertificates('prod', '/tmp/ca')).toThrow(/refuses to run on STAGE=prod/);
    expect(() => assertLocalStage('local', 'anything')).not.toThrow();
  });
});

// Assistant live chat and the staff console.
describe('service hours', () => {
  it('default to config/service-hours.json and may be set per stage, validated', () => {
    expect(loadConfig(local).serviceHours.daily).toEqual({ open: '08:00', close: '22:00' });
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

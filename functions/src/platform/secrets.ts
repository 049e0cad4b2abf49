import type { SmsTemplate } from '@zhixiang/shared/ports/sms-sender';
import { getJsonSecret, getParameter } from './aws/parameters';
import type { Config } from './config';
import type { TencentSmsSettings } from './sms/tencent-sms';

/** The mini program's message push (消息推送) in security mode. */
export interface WechatPushSettings {
  /** The Token WeChat signs pushes with. */
  token: string;
  /** The EncodingAESKey (43 characters) WeChat encrypts pushes with. */
  aesKey: string;
  /** The mini program's appid: a decrypted push must name it. */
  appId: string;
}

/**
 * Secrets and provider settings. Deployed stages read SSM Parameter Store (SecureString where
 * secret) through platform/aws/parameters, which caches each value for five minutes so a rotated secret is
 * picked up without a redeploy and a warm function makes no SSM call per request.
 * The names (under SSM_PREFIX) match the per-function IAM statements in serverless.yml and the
 * list in .env.example.
 */
export const SSM_PARAMETERS = {
  tokenSigningKey: '/token-signing-key',
  wechatAppId: '/wechat-app-id',
  wechatAppSecret: '/wechat-app-secret',
  tencentSecretId: '/tencent-sms-secret-id',
  tencentSecretKey: '/tencent-sms-secret-key',
  tencentSdkAppId: '/tencent-sms-sdk-app-id',
  tencentSignName: '/tencent-sms-sign-name',
  tencentTemplateBindCode: '/tencent-sms-template-bind-code',
  tencentTemplateCallbackReminder: '/tencent-sms-template-callback-reminder',
  tencentTemplateCallbackUnreachable: '/tencent-sms-template-callback-unreachable',
  // Caller pre-verification (IVR): the HMAC secret shared with the call centre's phone system.
  ivrSigningSecret: '/ivr-signing-secret',
  // Assistant live chat and the staff console: the SMS telling a customer their message was answered.
  tencentTemplateHandoffReply: '/tencent-sms-template-handoff-reply',
  // E-letters and renewal notices: the letter-link SMS template, WeChat's message-push
  // Token, the billing system's HMAC secret for debit results.
  tencentTemplateLetterLink: '/tencent-sms-template-letter-link',
  // Customer notifications: the message centre's SMS (title and short text).
  tencentTemplateNotification: '/tencent-sms-template-notification',
  wechatPushToken: '/wechat-push-token',
  wechatPushAesKey: '/wechat-push-aes-key',
  billingSigningSecret: '/billing-signing-secret',
  // Service standards: the HMAC secret shared with the insurer's other systems (claims, benefits,
  // offline new business) that send the events of their journeys.
  standardsSigningSecret: '/standards-signing-secret',
  // Payouts: the HMAC secret shared with the insurer's finance system (instructions and results).
  financeSigningSecret: '/finance-signing-secret',
} as const;

/**
 * The WeChat Pay merchant's settings (商户号, API certificate serial, API private key, APIv3 key,
 * WeChat Pay's public key and its id, the mini program's appid): one Secrets Manager secret per
 * stage, `zhixiang-kefu/<stage>/wechat-pay`, as JSON of exactly these fields.
 */
export interface WechatPayMerchant {
  mchid: string;
  /** The mini program's appid the orders are paid in. */
  appId: string;
  /** The serial number of the merchant's API certificate (商户API证书序列号). */
  merchantSerialNo: string;
  /** The merchant's API private key (apiclient_key.pem). */
  merchantPrivateKeyPem: string;
  /** The APIv3 key (32 characters) notifications are encrypted with. */
  apiV3Key: string;
  /** WeChat Pay's public key (微信支付公钥) and its id (`PUB_KEY_ID_…`), which sign answers and notifications. */
  platformPublicKeyId: string;
  platformPublicKeyPem: string;
}

const WECHAT_PAY_FIELDS = [
  'mchid',
  'appId',
  'merchantSerialNo',
  'merchantPrivateKeyPem',
  'apiV3Key',
  'platformPublicKeyId',
  'platformPublicKeyPem',
] as const satisfies readonly (keyof WechatPayMerchant)[];

/** The secret's JSON checked field by field (the APIv3 key is 32 characters). */
export function parseWechatPayMerchant(json: unknown, source: string): WechatPayMerchant {
  const value = (typeof json === 'string' ? JSON.parse(json) : json) as Record<string, unknown> | null;
  const missing = WECHAT_PAY_FIELDS.filter((field) => typeof value?.[field] !== 'string' || !value[field]);
  if (!value || missing.length > 0) throw new Error(`${source} lacks ${missing.join(', ')}`);
  if ((value.apiV3Key as string).length !== 32) throw new Error(`${source}: apiV3Key must be 32 characters`);
  return Object.fromEntries(WECHAT_PAY_FIELDS.map((f) => [f, value[f]])) as unknown as WechatPayMerchant;
}

export interface WechatCredentials {
  appId: string;
  appSecret: string;
}

const MAX_AGE_SECONDS = 300;

export interface Secrets {
  tokenSigningKey(): Promise<string>;
  wechatCredentials(): Promise<WechatCredentials>;
  tencentSms(): Promise<TencentSmsSettings>;
  /** The call centre's IVR signs `POST /ivr/identify` with this (HMAC-SHA256). */
  ivrSigningSecret(): Promise<string>;
  // E-letters and renewal notices.
  /**
   * The mini program's message push (消息推送, security mode): the Token WeChat signs with, the
   * EncodingAESKey it encrypts with, and the appid a push must name.
   */
  wechatPush(): Promise<WechatPushSettings>;
  /** The billing system signs `POST /billing/debit-results` with this (HMAC-SHA256). */
  billingSigningSecret(): Promise<string>;
  /** The insurer's other systems sign `POST /standards/events` with this (HMAC-SHA256). */
  standardsSigningSecret(): Promise<string>;
  /** Payouts: we sign instructions to the finance system, and it signs `POST /payouts/results`, with this. */
  financeSigningSecret(): Promise<string>;
  /** Payments: the WeChat Pay merchant (Secrets Manager; WECHAT_PAY_SECRET on the local stage). */
  wechatPay(): Promise<WechatPayMerchant>;
}

export function createSecrets(config: Config): Secrets {
  const { ssmPrefix } = config;
  const read = async (name: keyof typeof SSM_PARAMETERS): Promise<string> => {
    if (!ssmPrefix) throw new Error(`SSM parameter ${SSM_PARAMETERS[name]} needed but SSM_PREFIX is not set`);
    return getParameter(`${ssmPrefix}${SSM_PARAMETERS[name]}`, { maxAge: MAX_AGE_SECONDS });
  };
  return {
    tokenSigningKey: async () => config.tokenSigningKey ?? read('tokenSigningKey'),
    wechatCredentials: async () => {
      const [appId, appSecret] = await Promise.all([read('wechatAppId'), read('wechatAppSecret')]);
      return { appId, appSecret };
    },
    tencentSms: async () => {
      const [
        secretId,
        secretKey,
        sdkAppId,
        signName,
        bindCode,
        callbackReminder,
        callbackUnreachable,
        letterLink,
        handoffReply,
        notification,
      ] = await Promise.all([
        read('tencentSecretId'),
        read('tencentSecretKey'),
        read('tencentSdkAppId'),
        read('tencentSignName'),
        read('tencentTemplateBindCode'),
        read('tencentTemplateCallbackReminder'),
        read('tencentTemplateCallbackUnreachable'),
        read('tencentTemplateLetterLink'),
        read('tencentTemplateHandoffReply'),
        read('tencentTemplateNotification'),
      ]);
      const templateIds: Record<SmsTemplate, string> = {
        bind_identity_code: bindCode,
        callback_reminder: callbackReminder,
        callback_unreachable: callbackUnreachable,
        letter_link: letterLink,
        handoff_reply: handoffReply,
        notification,
      };
      return { secretId, secretKey, sdkAppId, signName, templateIds };
    },
    ivrSigningSecret: async () => config.ivrSigningSecret ?? read('ivrSigningSecret'),
    // E-letters and renewal notices.
    wechatPush: async () => {
      const { wechatPushToken, wechatPushAesKey, wechatAppId } = config.notices;
      const [token, aesKey, appId] = await Promise.all([
        wechatPushToken ?? read('wechatPushToken'),
        wechatPushAesKey ?? read('wechatPushAesKey'),
        wechatAppId ?? read('wechatAppId'),
      ]);
      return { token, aesKey, appId };
    },
    billingSigningSecret: async () => config.notices.billingSigningSecret ?? read('billingSigningSecret'),
    standardsSigningSecret: async () => config.standardsSigningSecret ?? read('standardsSigningSecret'),
    financeSigningSecret: async () => config.finance.signingSecret ?? read('financeSigningSecret'),
    wechatPay: async () => {
      const { localSecret, secretId } = config.wechatPay;
      if (localSecret) return parseWechatPayMerchant(localSecret, 'WECHAT_PAY_SECRET');
      return parseWechatPayMerchant(
        await getJsonSecret(secretId, { maxAge: MAX_AGE_SECONDS }),
        `secret ${secretId}`,
      );
    },
  };
}

import {
  parseServiceHoursJson,
  repositoryServiceHours,
  type ServiceHours,
} from '@zhixiang/shared/assistant/service-hours';

/**
 * Environment, validated once per cold start. Providers are chosen here and only here: business
 * code never asks which stage it runs in. Sandbox providers (local key file, SMS outbox, fake
 * WeChat, demo sign-in, a signing key from the environment) are refused unless STAGE=local, so a
 * mis-set variable on dev or prod fails the deploy's first request loudly instead of quietly
 * sending no SMS or accepting fake WeChat codes. Inside AWS Lambda (AWS_LAMBDA_FUNCTION_NAME is
 * set) STAGE=local itself is refused, so no deployed function can be talked into the sandboxes.
 *
 * The variables are checked by hand, not by a zod schema: each is a string, and each check is one
 * line (one of a few values, not blank, a length, a pattern, a URL) whose message names the
 * variable. A zod object over these variables was about 500 schema objects built at import by
 * every function — most of a small function's own start — to run those same lines once.
 */
type Env = Record<string, string | undefined>;
/** A variable's check: the problem with a set value, or null. */
type Check = (value: string) => string | null;

const atLeast =
  (length: number, message = `must be at least ${length} characters`): Check =>
  (value) =>
    value.length >= length ? null : message;
const atMost =
  (length: number): Check =>
  (value) =>
    value.length <= length ? null : `must be at most ${length} characters`;
const matching =
  (pattern: RegExp, message: string): Check =>
  (value) =>
    pattern.test(value) ? null : message;
const isUrl: Check = (value) => (URL.canParse(value) ? null : 'must be a URL');
const SECRET = atLeast(32);

/** Reads variables one by one, collecting every problem so one error names them all. */
class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  /** Undefined when unset; blank values are trimmed and refused, like every set value that fails a check. */
  optional(name: string, ...checks: Check[]): string | undefined {
    const raw = this.env[name];
    if (raw === undefined) return undefined;
    const value = raw.trim();
    if (value.length === 0) {
      this.problems.push(`${name}: must not be blank`);
      return undefined;
    }
    return this.checked(name, value, checks);
  }

  /** Like optional, for a secret or token taken as it is (not trimmed). */
  verbatim(name: string, ...checks: Check[]): string | undefined {
    const value = this.env[name];
    return value === undefined ? undefined : this.checked(name, value, checks);
  }

  private checked(name: string, value: string, checks: readonly Check[]): string | undefined {
    for (const check of checks) {
      const problem = check(value);
      if (problem) {
        this.problems.push(`${name}: ${problem}`);
        return undefined;
      }
    }
    return value;
  }

  required(name: string, ...checks: Check[]): string {
    if (this.env[name] === undefined) this.problems.push(`${name}: required`);
    return this.optional(name, ...checks) ?? '';
  }

  withDefault(name: string, fallback: string, ...checks: Check[]): string {
    return this.env[name] === undefined ? fallback : (this.optional(name, ...checks) ?? fallback);
  }

  oneOf<const T extends string>(name: string, values: readonly T[], fallback?: T): T {
    const value = this.env[name];
    if (value === undefined && fallback !== undefined) return fallback;
    if ((values as readonly (string | undefined)[]).includes(value)) return value as T;
    this.problems.push(
      value === undefined
        ? `${name}: required (one of ${values.join(', ')})`
        : `${name}: must be one of ${values.join(', ')}`,
    );
    return fallback ?? (values[0] as T);
  }
}

function readEnv(env: Env) {
  const read = new EnvReader(env);
  const e = {
    STAGE: read.oneOf('STAGE', ['local', 'dev', 'prod']),
    TABLE_NAME: read.required('TABLE_NAME'),
    BUCKET_NAME: read.required('BUCKET_NAME'),
    AUTHORISATION_BUCKET_NAME: read.optional('AUTHORISATION_BUCKET_NAME'),
    FIELD_KEY_PROVIDER: read.oneOf('FIELD_KEY_PROVIDER', ['kms', 'local-file'], 'kms'),
    FIELD_KEY_ID: read.optional('FIELD_KEY_ID'),
    FIELD_KEY_FILE: read.withDefault('FIELD_KEY_FILE', '.local/field-master.key'),
    SMS_PROVIDER: read.oneOf('SMS_PROVIDER', ['tencent', 'sandbox-outbox'], 'tencent'),
    SMS_OUTBOX_FILE: read.withDefault('SMS_OUTBOX_FILE', '.local/sms-outbox.jsonl'),
    WECHAT_PROVIDER: read.oneOf('WECHAT_PROVIDER', ['wechat', 'sandbox'], 'wechat'),
    WECHAT_API_BASE_URL: read.withDefault('WECHAT_API_BASE_URL', 'https://api.weixin.qq.com', isUrl),
    TENCENT_SMS_ENDPOINT: read.withDefault('TENCENT_SMS_ENDPOINT', 'https://sms.tencentcloudapi.com', isUrl),
    TENCENT_SMS_REGION: read.withDefault('TENCENT_SMS_REGION', 'ap-guangzhou'),
    SSM_PREFIX: read.verbatim('SSM_PREFIX', matching(/^\/[\w./-]+[^/]$/, 'must look like /service/stage')),
    TOKEN_SIGNING_KEY: read.verbatim('TOKEN_SIGNING_KEY', SECRET),
    // Identity verification: WeChat face verification 2.0, or the local 「模拟人脸核身」 sandbox.
    FACE_VERIFY_PROVIDER: read.oneOf('FACE_VERIFY_PROVIDER', ['wechat', 'sandbox'], 'wechat'),
    // Electronic documents: where the insurer's document-signing certificate comes from.
    DOCUMENT_SIGNING_PROVIDER: read.oneOf(
      'DOCUMENT_SIGNING_PROVIDER',
      ['secrets-manager', 'local-test-ca'],
      'secrets-manager',
    ),
    DOCUMENT_SIGNING_SECRET_ID: read.optional('DOCUMENT_SIGNING_SECRET_ID'),
    // The trusted CA certificates, a secret of their own: the public verify function reads only this.
    DOCUMENT_TRUSTED_CA_SECRET_ID: read.optional('DOCUMENT_TRUSTED_CA_SECRET_ID'),
    DOCUMENT_SIGNING_DIR: read.withDefault('DOCUMENT_SIGNING_DIR', '.local/document-signing'),
    ID_CARD_OCR_PROVIDER: read.oneOf('ID_CARD_OCR_PROVIDER', ['wechat', 'tesseract'], 'wechat'),
    // Caller pre-verification (IVR): the shared HMAC secret, local stage only.
    IVR_SIGNING_SECRET: read.verbatim('IVR_SIGNING_SECRET', SECRET),
    // Live chat: the WebSocket API's management endpoint (https://{api}.execute-api…/{stage}).
    LIVE_CHAT_ENDPOINT: read.verbatim('LIVE_CHAT_ENDPOINT', isUrl),
    // Assistant live chat and the staff console: service hours as JSON, overriding config/service-hours.json.
    ASSISTANT_SERVICE_HOURS: read.optional('ASSISTANT_SERVICE_HOURS'),
    // E-letters and renewal notices: WeChat subscribe messages or the local outbox, the
    // message-push Token and billing's HMAC secret (local stage only), where letter links point.
    SUBSCRIBE_MESSAGE_PROVIDER: read.oneOf(
      'SUBSCRIBE_MESSAGE_PROVIDER',
      ['wechat', 'sandbox-outbox'],
      'wechat',
    ),
    WECHAT_OUTBOX_FILE: read.withDefault('WECHAT_OUTBOX_FILE', '.local/wechat-outbox.jsonl'),
    WECHAT_PUSH_TOKEN: read.verbatim('WECHAT_PUSH_TOKEN', atLeast(3), atMost(32)),
    WECHAT_PUSH_AES_KEY: read.verbatim(
      'WECHAT_PUSH_AES_KEY',
      matching(/^[A-Za-z0-9+/]{43}$/, 'must be the 43-character EncodingAESKey'),
    ),
    WECHAT_APP_ID: read.verbatim('WECHAT_APP_ID', atLeast(1)),
    BILLING_SIGNING_SECRET: read.verbatim('BILLING_SIGNING_SECRET', SECRET),
    STANDARDS_SIGNING_SECRET: read.verbatim('STANDARDS_SIGNING_SECRET', SECRET),
    LETTER_LINK_BASE_URL: read.verbatim('LETTER_LINK_BASE_URL', isUrl),
    // Payments: WeChat Pay API v3 (JSAPI), or the local 「微信支付沙箱」; the merchant's secret is a
    // Secrets Manager secret per stage, or (local stage only) the same JSON in WECHAT_PAY_SECRET.
    WECHAT_PAY_PROVIDER: read.oneOf('WECHAT_PAY_PROVIDER', ['wechat', 'sandbox'], 'wechat'),
    WECHAT_PAY_API_BASE_URL: read.withDefault(
      'WECHAT_PAY_API_BASE_URL',
      'https://api.mch.weixin.qq.com',
      isUrl,
    ),
    WECHAT_PAY_SECRET_ID: read.optional('WECHAT_PAY_SECRET_ID'),
    WECHAT_PAY_SECRET: read.optional('WECHAT_PAY_SECRET'),
    // Where WeChat Pay posts payment notifications: the API's own POST /payments/wechat-pay/notifications.
    WECHAT_PAY_NOTIFY_URL: read.verbatim('WECHAT_PAY_NOTIFY_URL', isUrl),
    // The sandbox's own WeChat Pay platform key (local stage; functions/local/local-env.ts writes it).
    WECHAT_PAY_SANDBOX_KEY_FILE: read.withDefault(
      'WECHAT_PAY_SANDBOX_KEY_FILE',
      '.local/wechat-pay-sandbox.json',
    ),
    // Payouts: the insurer's finance system (its documented HTTP API, docs/payments.md), or the local
    // 「财务付款沙箱」; the HMAC secret both directions sign with (SSM on deployed stages).
    FINANCE_PROVIDER: read.oneOf('FINANCE_PROVIDER', ['http', 'sandbox'], 'http'),
    FINANCE_API_BASE_URL: read.verbatim('FINANCE_API_BASE_URL', isUrl),
    FINANCE_SIGNING_SECRET: read.verbatim('FINANCE_SIGNING_SECRET', SECRET),
    // Where the local sandbox posts its signed results: the API's own POST /payouts/results.
    FINANCE_RESULTS_URL: read.verbatim('FINANCE_RESULTS_URL', isUrl),
    // Repayment debits (续期账户扣款): the billing system's debit-instruction API (docs/payments.md),
    // or the local 「续期扣款沙箱」; signed with BILLING_SIGNING_SECRET, like its debit results.
    BILLING_PROVIDER: read.oneOf('BILLING_PROVIDER', ['http', 'sandbox'], 'http'),
    BILLING_API_BASE_URL: read.verbatim('BILLING_API_BASE_URL', isUrl),
    // Where the local sandbox posts its signed results: the API's own POST /billing/debit-results.
    BILLING_RESULTS_URL: read.verbatim('BILLING_RESULTS_URL', isUrl),
    // Reconciliation: a payout with no result after this many business days is listed for finance staff.
    PAYOUT_RESULT_BUSINESS_DAYS: read.withDefault(
      'PAYOUT_RESULT_BUSINESS_DAYS',
      '3',
      matching(/^([1-9]|[12]\d|30)$/, 'must be a whole number of days from 1 to 30'),
    ),
    // Set by the Lambda runtime: the code runs on AWS, where the local stage is refused.
    AWS_LAMBDA_FUNCTION_NAME: env.AWS_LAMBDA_FUNCTION_NAME,
  };
  return { e, problems: read.problems };
}

export type Stage = 'local' | 'dev' | 'prod';

export interface Config {
  stage: Stage;
  tableName: string;
  bucketName: string;
  /** Video authorisations' evidence (recordings, document photos): the Object Lock bucket. */
  authorisationBucketName: string | null;
  fieldKey: { provider: 'kms'; keyId: string } | { provider: 'local-file'; file: string };
  sms:
    | { provider: 'tencent'; endpoint: string; region: string }
    | { provider: 'sandbox-outbox'; outboxFile: string };
  wechat: { provider: 'wechat'; apiBaseUrl: string } | { provider: 'sandbox' };
  /** Where deployed stages read secrets; absent only on the local stage. */
  ssmPrefix: string | null;
  /** Local stage only; deployed stages read the key from SSM. */
  tokenSigningKey: string | null;
  /** Demo sign-in (`/auth/demo*`) exists on the local stage only. */
  demoSignIn: boolean;
  /** Identity verification: the face provider (the sandbox on the local stage only). */
  faceVerify: { provider: 'wechat'; apiBaseUrl: string } | { provider: 'sandbox' };
  /** Electronic documents: the insurer's signing certificate (docs/electronic-documents.md). */
  /** Live chat: where pushes go (API Gateway Management API); null = no WebSocket API, clients poll. */
  liveChatEndpoint: string | null;
  /** Local stage only; deployed stages read it from SSM (the standards' signed ingestion route). */
  standardsSigningSecret: string | null;
  /** When people staff the live chat; outside them a handoff is a message answered later. */
  serviceHours: ServiceHours;
  documentSigning:
    | { provider: 'secrets-manager'; secretId: string; trustedCaSecretId: string }
    | { provider: 'local-test-ca'; dir: string };
  /** ID-card OCR: WeChat's `/cv/ocr/idcard`, or tesseract.js offline (local stage only). */
  idCardOcr: { provider: 'wechat'; apiBaseUrl: string } | { provider: 'tesseract' };
  /** Local stage only; deployed stages read the IVR's HMAC secret from SSM. */
  ivrSigningSecret: string | null;
  /** Payments (docs/payments.md): WeChat Pay, or the local sandbox. */
  wechatPay: {
    provider: 'wechat' | 'sandbox';
    apiBaseUrl: string;
    /** Secrets Manager secret of the merchant's settings (deployed stages). */
    secretId: string;
    /** Local stage only: the same JSON as the secret. */
    localSecret: string | null;
    /** Where WeChat Pay posts notifications; null = orders cannot be made (a deploy sets it). */
    notifyUrl: string | null;
    /** The sandbox's platform private key (local stage only). */
    sandboxKeyFile: string;
  };
  /** Payouts (docs/payments.md): the finance system's HTTP API, or the local sandbox. */
  finance: {
    provider: 'http' | 'sandbox';
    /** The finance system's API; null = instructions wait in the outbox (a deploy sets it). */
    apiBaseUrl: string | null;
    /** Local stage only; deployed stages read it from SSM. */
    signingSecret: string | null;
    /** Where the sandbox posts results (the local gateway's own route). */
    resultsUrl: string | null;
    /** Business days a payout may wait for its result before reconciliation lists it. */
    resultBusinessDays: number;
  };
  /** Repayment debits (docs/payments.md): the billing system's HTTP API, or the local sandbox. */
  billing: {
    provider: 'http' | 'sandbox';
    /** The billing system's API; null = debit instructions wait in the outbox (a deploy sets it). */
    apiBaseUrl: string | null;
    /** Where the sandbox posts results (the local gateway's own route). */
    resultsUrl: string | null;
  };
  /** E-letters and renewal notices (docs/e-letters-and-notices.md). */
  notices: {
    subscribeMessages:
      | { provider: 'wechat'; apiBaseUrl: string }
      | { provider: 'sandbox-outbox'; outboxFile: string };
    /** Local stage only; deployed stages read them from SSM. */
    wechatPushToken: string | null;
    wechatPushAesKey: string | null;
    wechatAppId: string | null;
    billingSigningSecret: string | null;
    /**
     * The H5 page that opens a letter by its signed link, e.g. `https://h5.example.cn/packages/letters/open/index`
     * (serverless.yml sets it per stage; links cannot be made without it).
     */
    letterLinkBaseUrl: string | null;
  };
}

export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Env = process.env): Config {
  const { e, problems } = readEnv(env);
  const inLambda = Boolean(e.AWS_LAMBDA_FUNCTION_NAME);
  const local = e.STAGE === 'local' && !inLambda;
  if (e.STAGE === 'local' && inLambda)
    problems.push('STAGE=local is refused inside AWS Lambda (AWS_LAMBDA_FUNCTION_NAME is set)');
  const localOnly = (what: string) =>
    problems.push(`${what} is only allowed when STAGE=local, outside AWS Lambda (STAGE=${e.STAGE})`);

  if (e.FIELD_KEY_PROVIDER === 'local-file' && !local) localOnly('FIELD_KEY_PROVIDER=local-file');
  if (e.FIELD_KEY_PROVIDER === 'kms' && !e.FIELD_KEY_ID)
    problems.push('FIELD_KEY_ID is required with FIELD_KEY_PROVIDER=kms');
  if (e.SMS_PROVIDER === 'sandbox-outbox' && !local) localOnly('SMS_PROVIDER=sandbox-outbox');
  if (e.WECHAT_PROVIDER === 'sandbox' && !local) localOnly('WECHAT_PROVIDER=sandbox');
  if (e.TOKEN_SIGNING_KEY && !local) localOnly('TOKEN_SIGNING_KEY (deployed stages read it from SSM)');
  if (e.FACE_VERIFY_PROVIDER === 'sandbox' && !local) localOnly('FACE_VERIFY_PROVIDER=sandbox');
  if (e.ID_CARD_OCR_PROVIDER === 'tesseract' && !local) localOnly('ID_CARD_OCR_PROVIDER=tesseract');
  if (e.IVR_SIGNING_SECRET && !local) localOnly('IVR_SIGNING_SECRET (deployed stages read it from SSM)');
  if (e.SUBSCRIBE_MESSAGE_PROVIDER === 'sandbox-outbox' && !local)
    localOnly('SUBSCRIBE_MESSAGE_PROVIDER=sandbox-outbox');
  if (e.WECHAT_PUSH_TOKEN && !local) localOnly('WECHAT_PUSH_TOKEN (deployed stages read it from SSM)');
  if (e.WECHAT_PUSH_AES_KEY && !local) localOnly('WECHAT_PUSH_AES_KEY (deployed stages read it from SSM)');
  if (e.WECHAT_APP_ID && !local) localOnly('WECHAT_APP_ID (deployed stages read it from SSM)');
  if (e.BILLING_SIGNING_SECRET && !local)
    localOnly('BILLING_SIGNING_SECRET (deployed stages read it from SSM)');
  if (e.STANDARDS_SIGNING_SECRET && !local)
    localOnly('STANDARDS_SIGNING_SECRET (deployed stages read it from SSM)');
  if (e.WECHAT_PAY_PROVIDER === 'sandbox' && !local) localOnly('WECHAT_PAY_PROVIDER=sandbox');
  if (e.FINANCE_PROVIDER === 'sandbox' && !local) localOnly('FINANCE_PROVIDER=sandbox');
  if (e.BILLING_PROVIDER === 'sandbox' && !local) localOnly('BILLING_PROVIDER=sandbox');
  if (e.FINANCE_SIGNING_SECRET && !local)
    localOnly('FINANCE_SIGNING_SECRET (deployed stages read it from SSM)');
  if (e.WECHAT_PAY_SECRET && !local)
    localOnly('WECHAT_PAY_SECRET (deployed stages read it from Secrets Manager)');
  if (!local && !e.SSM_PREFIX) problems.push('SSM_PREFIX is required on deployed stages');
  if (!e.SSM_PREFIX && !e.TOKEN_SIGNING_KEY)
    problems.push('TOKEN_SIGNING_KEY is required when SSM_PREFIX is not set');
  if (e.DOCUMENT_SIGNING_PROVIDER === 'local-test-ca' && !local)
    localOnly('DOCUMENT_SIGNING_PROVIDER=local-test-ca');
  // A stage's own hours are checked now; the repository's default only when a function reads it.
  const ownHours =
    e.ASSISTANT_SERVICE_HOURS === undefined ? undefined : parseServiceHoursJson(e.ASSISTANT_SERVICE_HOURS);
  if (ownHours && 'problem' in ownHours) problems.push(`ASSISTANT_SERVICE_HOURS: ${ownHours.problem}`);
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    stage: e.STAGE,
    tableName: e.TABLE_NAME,
    bucketName: e.BUCKET_NAME,
    authorisationBucketName: e.AUTHORISATION_BUCKET_NAME ?? null,
    fieldKey:
      e.FIELD_KEY_PROVIDER === 'kms'
        ? { provider: 'kms', keyId: e.FIELD_KEY_ID ?? '' }
        : { provider: 'local-file', file: e.FIELD_KEY_FILE },
    sms:
      e.SMS_PROVIDER === 'tencent'
        ? { provider: 'tencent', endpoint: e.TENCENT_SMS_ENDPOINT, region: e.TENCENT_SMS_REGION }
        : { provider: 'sandbox-outbox', outboxFile: e.SMS_OUTBOX_FILE },
    wechat:
      e.WECHAT_PROVIDER === 'wechat'
        ? { provider: 'wechat', apiBaseUrl: e.WECHAT_API_BASE_URL }
        : { provider: 'sandbox' },
    ssmPrefix: e.SSM_PREFIX ?? null,
    tokenSigningKey: e.TOKEN_SIGNING_KEY ?? null,
    demoSignIn: local,
    faceVerify:
      e.FACE_VERIFY_PROVIDER === 'wechat'
        ? { provider: 'wechat', apiBaseUrl: e.WECHAT_API_BASE_URL }
        : { provider: 'sandbox' },
    documentSigning:
      e.DOCUMENT_SIGNING_PROVIDER === 'secrets-manager'
        ? {
            provider: 'secrets-manager',
            secretId: e.DOCUMENT_SIGNING_SECRET_ID ?? `zhixiang-kefu/${e.STAGE}/document-signing`,
            trustedCaSecretId:
              e.DOCUMENT_TRUSTED_CA_SECRET_ID ?? `zhixiang-kefu/${e.STAGE}/document-trusted-cas`,
          }
        : { provider: 'local-test-ca', dir: e.DOCUMENT_SIGNING_DIR },
    idCardOcr:
      e.ID_CARD_OCR_PROVIDER === 'wechat'
        ? { provider: 'wechat', apiBaseUrl: e.WECHAT_API_BASE_URL }
        : { provider: 'tesseract' },
    ivrSigningSecret: e.IVR_SIGNING_SECRET ?? null,
    notices: {
      subscribeMessages:
        e.SUBSCRIBE_MESSAGE_PROVIDER === 'wechat'
          ? { provider: 'wechat', apiBaseUrl: e.WECHAT_API_BASE_URL }
          : { provider: 'sandbox-outbox', outboxFile: e.WECHAT_OUTBOX_FILE },
      wechatPushToken: e.WECHAT_PUSH_TOKEN ?? null,
      wechatPushAesKey: e.WECHAT_PUSH_AES_KEY ?? null,
      wechatAppId: e.WECHAT_APP_ID ?? null,
      billingSigningSecret: e.BILLING_SIGNING_SECRET ?? null,
      letterLinkBaseUrl: e.LETTER_LINK_BASE_URL ?? null,
    },
    liveChatEndpoint: e.LIVE_CHAT_ENDPOINT ?? null,
    standardsSigningSecret: e.STANDARDS_SIGNING_SECRET ?? null,
    get serviceHours() {
      return ownHours && 'hours' in ownHours ? ownHours.hours : repositoryServiceHours();
    },
    wechatPay: {
      provider: e.WECHAT_PAY_PROVIDER,
      apiBaseUrl: e.WECHAT_PAY_API_BASE_URL,
      secretId: e.WECHAT_PAY_SECRET_ID ?? `zhixiang-kefu/${e.STAGE}/wechat-pay`,
      localSecret: e.WECHAT_PAY_SECRET ?? null,
      notifyUrl: e.WECHAT_PAY_NOTIFY_URL ?? null,
      sandboxKeyFile: e.WECHAT_PAY_SANDBOX_KEY_FILE,
    },
    finance: {
      provider: e.FINANCE_PROVIDER,
      apiBaseUrl: e.FINANCE_API_BASE_URL ?? null,
      signingSecret: e.FINANCE_SIGNING_SECRET ?? null,
      resultsUrl: e.FINANCE_RESULTS_URL ?? null,
      resultBusinessDays: Number(e.PAYOUT_RESULT_BUSINESS_DAYS),
    },
    billing: {
      provider: e.BILLING_PROVIDER,
      apiBaseUrl: e.BILLING_API_BASE_URL ?? null,
      resultsUrl: e.BILLING_RESULTS_URL ?? null,
    },
  };
}

/**
 * Guard every sandbox provider calls in its constructor, in case it is built without loadConfig:
 * the local stage only, and never inside AWS Lambda whatever STAGE says.
 */
export function assertLocalStage(
  stage: Stage,
  provider: string,
  env: Record<string, string | undefined> = process.env,
): void {
  if (stage !== 'local')
    throw new Error(`${provider} is a local sandbox and refuses to run on STAGE=${stage}`);
  if (env.AWS_LAMBDA_FUNCTION_NAME)
    throw new Error(`${provider} is a local sandbox and refuses to run inside AWS Lambda`);
}

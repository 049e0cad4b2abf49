import type { Logger } from '@aws-lambda-powertools/logger';
import { KMSClient } from '@aws-sdk/client-kms';
import type { DemoUser } from '@zhixiang/shared/auth/schemas';
import type {
  ConsentLog,
  CustomerBindingRegistry,
  LockoutStore,
  OneTimeCodeStore,
  RateLimiter,
} from '@zhixiang/shared/ports/auth-store';
import type { FaceVerifier } from '@zhixiang/shared/ports/face-verifier';
import type { IdCardOcr } from '@zhixiang/shared/ports/id-card-ocr';
import type { IdentityFileStore } from '@zhixiang/shared/ports/identity-files';
import type { IdentityProofs } from '@zhixiang/shared/ports/identity-proofs';
import type {
  IdentityReviewStore,
  IdentityUploadStore,
  IdentityVerificationStore,
} from '@zhixiang/shared/ports/identity-verifications';
import type { LetterStore, LetterSubscriptionStore } from '@zhixiang/shared/ports/letters';
import type { LiveChatPusher } from '@zhixiang/shared/ports/live-chat';
import type { SubscribeCreditLedger, SubscribeMessageSender } from '@zhixiang/shared/ports/notices';
import type { SmsSender } from '@zhixiang/shared/ports/sms-sender';
import type { WechatAuth } from '@zhixiang/shared/ports/wechat-auth';
import { ApiGatewayLiveChatPusher } from './assistant/adapters/api-gateway-live-chat-pusher';
import { RefreshTokens } from './auth/adapters/refresh-tokens';
import { SandboxWechatAuth, WechatCodeExchange } from './auth/adapters/wechat-code-exchange';
import { type DocumentFiles, S3DocumentFiles } from './documents/adapters/document-files';
// Endorsements (保全)
import { SubmissionIdempotency } from './endorsements/adapters/submission-idempotency';
import { S3IdentityFiles } from './identity/adapters/identity-files';
import { createIdentityVerificationStores } from './identity/adapters/identity-verifications';
import { SandboxFaceVerifier, WechatFaceVerifier } from './identity/adapters/wechat-face-verifier';
import { WechatIdCardOcr } from './identity/adapters/wechat-id-card-ocr';
import { RecordedIdentityProofs } from './identity/use-cases/identity-proofs';
import { DynamoLetterStore, DynamoLetterSubscriptionStore } from './letters/adapters/letters';
import { DynamoNoticeStore, DynamoSubscribeCreditLedger } from './letters/adapters/notices';
import {
  SandboxOutboxSubscribeMessages,
  WechatSubscribeMessages,
} from './letters/adapters/wechat-subscribe-messages';
import { LetterLinks } from './letters/use-cases/letter-links';
import { createAuthStores } from './platform/auth-store/auth-store';
import { type Config, loadConfig } from './platform/config';
import { KeyringFieldCipher } from './platform/crypto/field-cipher';
import { type DataKeyWrapper, KmsKeyWrapper, LocalFileKeyProvider } from './platform/crypto/key-wrappers';
import { DynamoKeyringStore } from './platform/crypto/keyring-store';
import { getDocumentClient, getDynamoClient } from './platform/dynamodb/client';
import type { TableContext } from './platform/dynamodb/table';
import { getLogger } from './platform/logging/logger';
import { createDynamoRepositories, type DynamoRepositories } from './platform/records/repositories';
import { getS3Client } from './platform/s3/client';
import { createSecrets, type Secrets } from './platform/secrets';
import { SandboxOutboxSms } from './platform/sms/sandbox-outbox-sms';
import { TencentSms } from './platform/sms/tencent-sms';
import { AccessTokens } from './platform/tokens/access-tokens';
import { type WechatAccessTokenSource, WechatAccessTokens } from './platform/wechat/wechat-access-token';
import { DynamoWechatAccessTokenStore } from './platform/wechat/wechat-access-token-store';
import { type BrochureLinks, S3BrochureLinks } from './products/adapters/brochure-links';

/**
 * The composition root: the only place that turns configuration into adapters. Handlers and use
 * cases receive a Container and never build clients or ask which stage they run on.
 * To add an adapter: add a field to Container and one line in createContainer (repositories go in
 * adapters/dynamodb/repositories.ts).
 */
export interface Container {
  config: Config;
  logger: Logger;
  /** Epoch milliseconds; tests replace it to move time. */
  now: () => number;
  table: TableContext;
  secrets: Secrets;
  fieldKeyWrapper: DataKeyWrapper;
  fieldCipher: KeyringFieldCipher;
  repositories: DynamoRepositories;
  accessTokens: AccessTokens;
  refreshTokens: RefreshTokens;
  oneTimeCodes: OneTimeCodeStore;
  rateLimiter: RateLimiter;
  lockouts: LockoutStore;
  consents: ConsentLog;
  customerBindings: CustomerBindingRegistry;
  wechatAuth: WechatAuth;
  sms: SmsSender;
  /** Short-lived links to product brochures (S3 presigned GET). */
  brochureLinks: BrochureLinks;
  /** The seeded accounts demo sign-in may use (only reachable where config.demoSignIn). */
  demoUsers: () => Promise<readonly DemoUser[]>;
  // Identity verification (刷脸认证 and the paths without the face).
  /** The mini program's WeChat access_token, shared by every server-side WeChat client. */
  wechatAccessTokens: WechatAccessTokenSource;
  identityVerifications: IdentityVerificationStore;
  faceVerifier: FaceVerifier;
  /** What endorsements and signing ask: verified for this purpose within 10 minutes? */
  identityProofs: IdentityProofs;
  identityUploads: IdentityUploadStore;
  identityReviews: IdentityReviewStore;
  identityFiles: IdentityFileStore;
  // Live chat (issue 9): pushes to WebSocket connections; null where the stage has no WebSocket API.
  liveChatPusher: LiveChatPusher | null;
  /** Built on first use: the offline reader loads its model only where OCR is called. */
  idCardOcr: () => Promise<IdCardOcr>;
  // Electronic documents (电子批单): signature uploads and PDFs in S3. (The insurer's signing key is
  // built by adapters/signing/insurer-signing-key.ts from config, in the functions that sign only.)
  documentFiles: DocumentFiles;
  // Endorsements (保全): financial submissions run at most once per Idempotency-Key.
  submissionIdempotency: SubmissionIdempotency;
  // E-letters and renewal notices (issue 7): letters, subscriptions, notice records and the funnel,
  // WeChat subscribe-message credits and sender (or the local outbox), signed letter links.
  letters: LetterStore;
  letterSubscriptions: LetterSubscriptionStore;
  notices: DynamoNoticeStore;
  subscribeCredits: SubscribeCreditLedger;
  subscribeMessages: SubscribeMessageSender;
  letterLinks: LetterLinks;
}

export function createContainer(
  config: Config = loadConfig(),
  overrides: Partial<Container> = {},
): Container {
  const now = overrides.now ?? (() => Date.now());
  const table: TableContext = overrides.table ?? { client: getDocumentClient(), table: config.tableName };
  const secrets = overrides.secrets ?? createSecrets(config);
  const fieldKeyWrapper = overrides.fieldKeyWrapper ?? createFieldKeyWrapper(config);
  const fieldCipher =
    overrides.fieldCipher ??
    new KeyringFieldCipher({ keyring: new DynamoKeyringStore(table), wrapper: fieldKeyWrapper, now });
  const authStores = createAuthStores(table);
  const identityVerification = createIdentityVerification(
    config,
    { table, secrets, fieldCipher, now },
    overrides,
  );
  return {
    config,
    logger: overrides.logger ?? getLogger(),
    now,
    // Live chat (issue 9).
    liveChatPusher:
      overrides.liveChatPusher !== undefined
        ? overrides.liveChatPusher
        : config.liveChatEndpoint
          ? new ApiGatewayLiveChatPusher(config.liveChatEndpoint)
          : null,
    table,
    secrets,
    fieldKeyWrapper,
    fieldCipher,
    repositories: overrides.repositories ?? createDynamoRepositories(table, fieldCipher),
    accessTokens: overrides.accessTokens ?? new AccessTokens(secrets.tokenSigningKey, now),
    refreshTokens: overrides.refreshTokens ?? new RefreshTokens(authStores.refreshTokens, now),
    oneTimeCodes: overrides.oneTimeCodes ?? authStores.oneTimeCodes,
    rateLimiter: overrides.rateLimiter ?? authStores.rateLimiter,
    lockouts: overrides.lockouts ?? authStores.lockouts,
    consents: overrides.consents ?? authStores.consents,
    customerBindings: overrides.customerBindings ?? authStores.customerBindings,
    wechatAuth: overrides.wechatAuth ?? createWechatAuth(config, secrets),
    sms: overrides.sms ?? createSmsSender(config, secrets, now),
    brochureLinks: overrides.brochureLinks ?? new S3BrochureLinks(getS3Client, config.bucketName),
    // The seed module is loaded only where demo sign-in exists, keeping it out of deployed cold starts.
    demoUsers: overrides.demoUsers ?? (() => loadDemoSignIns(config)),
    ...identityVerification,
    // Electronic documents (电子批单).
    documentFiles: overrides.documentFiles ?? new S3DocumentFiles(getS3Client, config.bucketName),
    // Endorsements (保全): Powertools idempotency records on the one table.
    submissionIdempotency:
      overrides.submissionIdempotency ??
      new SubmissionIdempotency({
        client: getDynamoClient(),
        tableName: config.tableName,
        scope: 'endorsement-submit',
      }),
    ...createLettersAndNotices(
      config,
      { table, secrets, now, wechatAccessTokens: identityVerification.wechatAccessTokens },
      overrides,
    ),
  };
}

// E-letters and renewal notices (issue 7): the stores, the subscribe-message provider, link signing.
function createLettersAndNotices(
  config: Config,
  deps: {
    table: TableContext;
    secrets: Secrets;
    now: () => number;
    wechatAccessTokens: WechatAccessTokenSource;
  },
  overrides: Partial<Container>,
): Pick<
  Container,
  'letters' | 'letterSubscriptions' | 'notices' | 'subscribeCredits' | 'subscribeMessages' | 'letterLinks'
> {
  const provider = config.notices.subscribeMessages;
  return {
    letters: overrides.letters ?? new DynamoLetterStore(deps.table),
    letterSubscriptions: overrides.letterSubscriptions ?? new DynamoLetterSubscriptionStore(deps.table),
    notices: overrides.notices ?? new DynamoNoticeStore(deps.table),
    subscribeCredits: overrides.subscribeCredits ?? new DynamoSubscribeCreditLedger(deps.table),
    subscribeMessages:
      overrides.subscribeMessages ??
      (provider.provider === 'wechat'
        ? new WechatSubscribeMessages({
            apiBaseUrl: provider.apiBaseUrl,
            tokens: deps.wechatAccessTokens,
          })
        : new SandboxOutboxSubscribeMessages(config.stage, provider.outboxFile, deps.now)),
    letterLinks:
      overrides.letterLinks ??
      new LetterLinks({
        signingKey: deps.secrets.tokenSigningKey,
        baseUrl: config.notices.letterLinkBaseUrl,
        now: deps.now,
      }),
  };
}

// Identity verification: the log, the face provider picked by configuration, the proofs over the log.
function createIdentityVerification(
  config: Config,
  deps: { table: TableContext; secrets: Secrets; fieldCipher: KeyringFieldCipher; now: () => number },
  overrides: Partial<Container>,
): Pick<
  Container,
  | 'wechatAccessTokens'
  | 'identityVerifications'
  | 'faceVerifier'
  | 'identityProofs'
  | 'identityUploads'
  | 'identityReviews'
  | 'identityFiles'
  | 'idCardOcr'
> {
  const stores = createIdentityVerificationStores(deps.table);
  const identityVerifications = overrides.identityVerifications ?? stores.verifications;
  const wechatAccessTokens =
    overrides.wechatAccessTokens ??
    new WechatAccessTokens({
      apiBaseUrl:
        config.wechat.provider === 'wechat' ? config.wechat.apiBaseUrl : 'https://api.weixin.qq.com',
      credentials: deps.secrets.wechatCredentials,
      store: new DynamoWechatAccessTokenStore(deps.table),
      cipher: deps.fieldCipher,
      now: deps.now,
    });
  const faceVerifier =
    overrides.faceVerifier ??
    (config.faceVerify.provider === 'wechat'
      ? new WechatFaceVerifier({ apiBaseUrl: config.faceVerify.apiBaseUrl, tokens: wechatAccessTokens })
      : new SandboxFaceVerifier(config.stage, stores.sandboxFaceAnswers));
  return {
    wechatAccessTokens,
    identityVerifications,
    faceVerifier,
    identityProofs: overrides.identityProofs ?? new RecordedIdentityProofs(identityVerifications),
    identityUploads: overrides.identityUploads ?? stores.uploads,
    identityReviews: overrides.identityReviews ?? stores.reviews,
    identityFiles: overrides.identityFiles ?? new S3IdentityFiles(getS3Client, config.bucketName),
    idCardOcr: overrides.idCardOcr ?? lazy(() => createIdCardOcr(config, wechatAccessTokens)),
  };
}

async function createIdCardOcr(config: Config, tokens: WechatAccessTokenSource): Promise<IdCardOcr> {
  if (config.idCardOcr.provider === 'wechat')
    return new WechatIdCardOcr({ apiBaseUrl: config.idCardOcr.apiBaseUrl, tokens, timeoutMs: 10_000 });
  // Loaded on demand: deployed functions never evaluate tesseract.js.
  const { TesseractIdCardOcr } = await import('./identity/adapters/tesseract-id-card-ocr');
  return new TesseractIdCardOcr(config.stage);
}

function lazy<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= make().catch((error: unknown) => {
      value = undefined;
      throw error;
    });
    return value;
  };
}

export function createFieldKeyWrapper(config: Config): DataKeyWrapper {
  return config.fieldKey.provider === 'kms'
    ? new KmsKeyWrapper(new KMSClient({}), config.fieldKey.keyId)
    : new LocalFileKeyProvider(config.stage, config.fieldKey.file);
}

function createWechatAuth(config: Config, secrets: Secrets): WechatAuth {
  return config.wechat.provider === 'wechat'
    ? new WechatCodeExchange(config.wechat.apiBaseUrl, secrets.wechatCredentials)
    : new SandboxWechatAuth(config.stage);
}

function createSmsSender(config: Config, secrets: Secrets, now: () => number): SmsSender {
  return config.sms.provider === 'tencent'
    ? new TencentSms(config.sms.endpoint, config.sms.region, secrets.tencentSms, fetch, now)
    : new SandboxOutboxSms(config.stage, config.sms.outboxFile, now);
}

/** Loaded on demand so only the demo routes, and only where demo sign-in exists, evaluate the seed's data. */
async function loadDemoSignIns(config: Config): Promise<readonly DemoUser[]> {
  return config.demoSignIn ? (await import('./seed/demo-data')).DEMO_SIGN_INS : [];
}

let current: Container | undefined;

/** The process's container, built on first use (cold start) from the environment. */
export function getContainer(): Container {
  current ??= createContainer();
  return current;
}

/** Tests: replace the process's container (pass undefined to rebuild from the environment). */
export function setContainer(container: Container | undefined): void {
  current = container;
}

import type { IdCardOcr } from '@zhixiang/shared/ports/id-card-ocr';
import { DynamoAuthorisationStore } from '../authorisations/adapters/authorisations';
import { createAuthStores } from '../platform/auth-store/auth-store';
import { defineWiring, type Platform } from '../platform/process';
import { createRecordRepositories } from '../platform/records/repositories';
import { S3PrivateFiles } from '../platform/s3/private-files';
import { getS3 } from '../platform/s3/s3';
import { createSmsSender } from '../platform/sms/create-sms-sender';
import {
  createWechatAccessTokens,
  type WechatAccessTokenSource,
} from '../platform/wechat/wechat-access-token';
import { createIdentityVerificationStores } from './adapters/identity-verifications';
import { SandboxFaceVerifier, WechatFaceVerifier } from './adapters/wechat-face-verifier';
import { WechatIdCardOcr } from './adapters/wechat-id-card-ocr';
import type { IdentityDeps } from './use-cases/deps';

export function createIdentityDeps(platform: Platform): IdentityDeps {
  const { config, table } = platform;
  const stores = createIdentityVerificationStores(table);
  const authStores = createAuthStores(table);
  const wechatAccessTokens = createWechatAccessTokens(platform);
  const { customers, users } = createRecordRepositories(table, platform.fieldCipher);
  return {
    ...platform,
    repositories: {
      customers,
      users,
      authorisations: new DynamoAuthorisationStore(table, platform.fieldCipher),
    },
    consents: authStores.consents,
    rateLimiter: authStores.rateLimiter,
    oneTimeCodes: authStores.oneTimeCodes,
    lockouts: authStores.lockouts,
    sms: createSmsSender(platform),
    identityVerifications: stores.verifications,
    faceVerifier:
      config.faceVerify.provider === 'wechat'
        ? new WechatFaceVerifier({ apiBaseUrl: config.faceVerify.apiBaseUrl, tokens: wechatAccessTokens })
        : new SandboxFaceVerifier(config.stage, stores.sandboxFaceAnswers, platform.now),
    identityUploads: stores.uploads,
    identityReviews: stores.reviews,
    identityFiles: new S3PrivateFiles(getS3, config.bucketName),
    idCardOcr: lazy(() => createIdCardOcr(platform, wechatAccessTokens)),
  };
}

async function createIdCardOcr(platform: Platform, tokens: WechatAccessTokenSource): Promise<IdCardOcr> {
  const { config } = platform;
  if (config.idCardOcr.provider === 'wechat')
    return new WechatIdCardOcr({ apiBaseUrl: config.idCardOcr.apiBaseUrl, tokens, timeoutMs: 10_000 });
  // The offline reader serves the local stage only; it loads tesseract.js itself, at first use.
  const { TesseractIdCardOcr } = await import('./adapters/tesseract-id-card-ocr');
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

export const identityWiring = defineWiring(createIdentityDeps);

import { createAuthStores } from '../platform/auth-store/auth-store';
import { defineWiring, type Platform } from '../platform/process';
import { createRecordRepositories } from '../platform/records/repositories';
import { createSmsSender } from '../platform/sms/create-sms-sender';
import { RefreshTokens } from './adapters/refresh-tokens';
import { SandboxWechatAuth, WechatCodeExchange } from './adapters/wechat-code-exchange';
import type { AuthDeps } from './use-cases/deps';

export function createAuthDeps(platform: Platform): AuthDeps {
  const { config, secrets, table, now } = platform;
  const stores = createAuthStores(table);
  return {
    ...platform,
    repositories: createRecordRepositories(table, platform.fieldCipher),
    refreshTokens: new RefreshTokens(stores.refreshTokens, now),
    oneTimeCodes: stores.oneTimeCodes,
    rateLimiter: stores.rateLimiter,
    lockouts: stores.lockouts,
    consents: stores.consents,
    customerBindings: stores.customerBindings,
    wechatAuth:
      config.wechat.provider === 'wechat'
        ? new WechatCodeExchange(config.wechat.apiBaseUrl, secrets.wechatCredentials)
        : new SandboxWechatAuth(config.stage),
    sms: createSmsSender(platform),
  };
}

export const authWiring = defineWiring(createAuthDeps);

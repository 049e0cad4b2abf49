import type { DemoUser } from '@zhixiang/shared/auth/schemas';
import { createAuthStores } from '../platform/auth-store/auth-store';
import type { Config } from '../platform/config';
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
    // The seed module is loaded only where demo sign-in exists, keeping it out of deployed cold starts.
    demoUsers: () => loadDemoSignIns(config),
  };
}

/** Loaded on demand so only the demo routes, and only where demo sign-in exists, evaluate the seed's data. */
async function loadDemoSignIns(config: Config): Promise<readonly DemoUser[]> {
  return config.demoSignIn ? (await import('../seed/demo-data')).DEMO_SIGN_INS : [];
}

export const authWiring = defineWiring(createAuthDeps);

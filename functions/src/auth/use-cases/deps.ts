import type { DemoUser } from '@zhixiang/shared/auth/schemas';
import type {
  ConsentLog,
  CustomerBindingRegistry,
  LockoutStore,
  OneTimeCodeStore,
  RateLimiter,
} from '@zhixiang/shared/ports/auth-store';
import type {
  BranchRepository,
  CustomerRepository,
  UserAccountRepository,
} from '@zhixiang/shared/ports/repositories';
import type { SmsSender } from '@zhixiang/shared/ports/sms-sender';
import type { WechatAuth } from '@zhixiang/shared/ports/wechat-auth';
import type { Platform } from '../../platform/process';
import type { RefreshTokens } from '../adapters/refresh-tokens';

/** What sign-in, sessions and identity binding need. */
export interface AuthDeps extends Platform {
  repositories: { users: UserAccountRepository; customers: CustomerRepository; branches: BranchRepository };
  refreshTokens: RefreshTokens;
  oneTimeCodes: OneTimeCodeStore;
  rateLimiter: RateLimiter;
  lockouts: LockoutStore;
  consents: ConsentLog;
  customerBindings: CustomerBindingRegistry;
  wechatAuth: WechatAuth;
  sms: SmsSender;
}

/** Demo sign-in (auth/wiring-demo.ts): the seeded accounts it may use (only where config.demoSignIn). */
export interface AuthDemoDeps extends AuthDeps {
  demoUsers: () => Promise<readonly DemoUser[]>;
}

/** One-time SMS codes: what binding, online callbacks and contact changes share. */
export type OneTimeCodeDeps = Pick<AuthDeps, 'oneTimeCodes' | 'sms' | 'secrets' | 'now'>;

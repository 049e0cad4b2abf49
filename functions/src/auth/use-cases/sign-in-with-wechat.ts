import { createHash } from 'node:crypto';
import type { SessionResponse, WechatSignInRequest } from '@zhixiang/shared/auth/schemas';
import type { UserAccountRecord } from '@zhixiang/shared/policy/model';
import type { AuthDeps } from './deps';
import { recordPrivacyConsent } from './record-privacy-consent';
import { startSession } from './session';

/**
 * WeChat sign-in: code → openid → the account for that openid, created on first sign-in as an
 * unbound customer. The account id is derived from the openid, so two first sign-ins racing each
 * other write the same account instead of creating two.
 */
export async function signInWithWechat(
  container: AuthDeps,
  request: WechatSignInRequest,
): Promise<SessionResponse> {
  const { openid } = await container.wechatAuth.exchangeCode(request.code);
  const { users } = container.repositories;
  const existing = await users.findByOpenid(openid);
  const user = existing ?? newWechatCustomer(openid);
  const consented = await recordPrivacyConsent(container, user, request.privacyConsentVersion);
  if (!existing || consented !== user) await users.put(consented);
  return startSession(container, consented);
}

function newWechatCustomer(openid: string): UserAccountRecord {
  return {
    userId: `wx-${createHash('sha256').update(openid).digest('base64url').slice(0, 22)}`,
    role: 'customer',
    displayName: '微信用户',
    openid,
    customerId: null,
    agentId: null,
    branchId: null,
    branchPath: null,
    privacyConsentVersion: null,
    privacyConsentedAt: null,
  };
}

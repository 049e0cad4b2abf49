import { PRIVACY_GUIDE_VERSION } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { UserAccountRecord } from '@zhixiang/shared/policy/model';
import type { AuthDeps } from './deps';

/**
 * Records agreement to the privacy guide before any personal data is collected (mini program
 * privacy rules since 2023; PIPL Art. 14). A client showing an older guide must show the new one.
 */
export async function recordPrivacyConsent(
  container: AuthDeps,
  user: UserAccountRecord,
  version: string,
): Promise<UserAccountRecord> {
  if (version !== PRIVACY_GUIDE_VERSION) {
    throw new AppError('VALIDATION_FAILED', '隐私保护指引已更新，请重新阅读并同意', {
      field: 'privacyConsentVersion',
    });
  }
  // Agreement to this version is already on record; signing in again is not a new consent.
  if (user.privacyConsentVersion === version) return user;
  const at = new Date(container.now()).toISOString();
  await container.consents.record({ userId: user.userId, kind: 'privacy_guide', version, at });
  return { ...user, privacyConsentVersion: version, privacyConsentedAt: at };
}

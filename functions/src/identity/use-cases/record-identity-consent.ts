import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { FACE_ID_CONSENT_VERSION } from '@zhixiang/shared/identity/verification';
import type { IdentityDeps } from './deps';

export const CONSENT_REQUIRED_MESSAGE = '请先阅读并同意《人脸及身份证件信息处理授权》';

/**
 * The separate consent for face and ID-card processing (PIPL Art. 28–29), recorded with the text
 * version before the first use; a changed text needs a new consent.
 */
export async function recordIdentityConsent(
  container: Pick<IdentityDeps, 'consents' | 'now'>,
  claims: AccessClaims,
  version: string,
): Promise<{ version: string; consentedAt: string }> {
  if (version !== FACE_ID_CONSENT_VERSION) {
    throw new AppError('VALIDATION_FAILED', '授权内容已更新，请重新阅读并同意', { field: 'version' });
  }
  const consentedAt = new Date(container.now()).toISOString();
  await container.consents.record({
    userId: claims.sub,
    kind: 'face_id_processing',
    version,
    at: consentedAt,
  });
  return { version, consentedAt };
}

export async function requireIdentityConsent(
  container: Pick<IdentityDeps, 'consents'>,
  claims: AccessClaims,
): Promise<void> {
  if (!(await container.consents.has(claims.sub, 'face_id_processing', FACE_ID_CONSENT_VERSION)))
    throw new AppError('FORBIDDEN', CONSENT_REQUIRED_MESSAGE, { field: 'consent' });
}

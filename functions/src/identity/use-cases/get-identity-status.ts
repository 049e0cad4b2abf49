import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { TRUSTEE_ID_TYPES } from '@zhixiang/shared/authorisations/power-of-attorney';
import { maskName } from '@zhixiang/shared/callback/view';
import {
  FACE_ID_CONSENT_VERSION,
  type IdentityStatus,
  MAX_FACE_FAILURES_PER_DAY,
  VERIFICATION_VALIDITY_MS,
} from '@zhixiang/shared/identity/verification';
import type { IdentityDeps } from './deps';
import { toReviewView } from './submit-identity-review';
import { identitySubjectOf } from './trustee-subject';
import { shanghaiDay, toVerificationView } from './verification-subject';

/** What the verification page shows: consent, a success that still counts, the face lock. */
export async function getIdentityStatus(
  container: IdentityDeps,
  claims: AccessClaims,
  input: { purpose: string; customerId?: string | undefined; authorisationId?: string | undefined },
): Promise<IdentityStatus> {
  // Any path's subject: a trustee with another document than a 居民身份证 learns face is not theirs.
  const subject = await identitySubjectOf(container, claims, input);
  const customer = { customerId: subject.subjectId, name: subject.name };
  const now = container.now();
  const { day, nextMidnight } = shanghaiDay(now);
  const [consented, latest, failures, review] = await Promise.all([
    container.consents.has(claims.sub, 'face_id_processing', FACE_ID_CONSENT_VERSION),
    container.identityVerifications.latestForPurpose(customer.customerId, input.purpose),
    container.identityVerifications.faceFailures(customer.customerId, day),
    container.identityReviews.latestForPurpose(customer.customerId, input.purpose),
  ]);
  const stillValid = latest?.result === 'success' && now - latest.at <= VERIFICATION_VALIDITY_MS;
  return {
    customerId: customer.customerId,
    customerNameMasked: maskName(customer.name),
    purpose: input.purpose,
    consentVersion: FACE_ID_CONSENT_VERSION,
    consented,
    verified: latest && stillValid ? toVerificationView(latest) : null,
    faceFailuresToday: failures,
    maxFaceFailuresPerDay: MAX_FACE_FAILURES_PER_DAY,
    faceLockedUntil: failures >= MAX_FACE_FAILURES_PER_DAY ? nextMidnight : null,
    faceProvider: container.faceVerifier.provider,
    review: review ? toReviewView(review) : null,
    ...(subject.authorisationId
      ? { faceAvailable: subject.idType === 'id_card', documentTypeLabel: TRUSTEE_ID_TYPES[subject.idType] }
      : {}),
  };
}

import { randomUUID } from 'node:crypto';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import {
  FACE_SESSION_MAX_SECONDS,
  type FaceSession,
  MAX_FACE_FAILURES_PER_DAY,
} from '@zhixiang/shared/identity/verification';
import type { IdentityDeps } from './deps';
import { requireIdentityConsent } from './record-identity-consent';
import { faceSubjectOf } from './trustee-subject';
import { shanghaiDay } from './verification-subject';

export const FACE_LOCKED_MESSAGE = `今日刷脸认证未通过已达 ${MAX_FACE_FAILURES_PER_DAY} 次，人脸核身已锁定至明日 0 点。您可以请服务业务员当面核验，或上传身份证及自拍视频由人工审核。`;

/** Throws LOCKED (423, retry after the next Shanghai midnight) when the face path is locked today. */
export async function assertFaceNotLocked(
  container: Pick<IdentityDeps, 'identityVerifications'>,
  customerId: string,
  now: number,
): Promise<void> {
  const { day, nextMidnight } = shanghaiDay(now);
  const failures = await container.identityVerifications.faceFailures(customerId, day);
  if (failures >= MAX_FACE_FAILURES_PER_DAY) {
    throw new AppError('LOCKED', FACE_LOCKED_MESSAGE, {
      retryAfterSeconds: Math.max(1, Math.ceil((nextMidnight - now) / 1000)),
    });
  }
}

/**
 * Opens a face verification (WeChat getverifyid) for the customer on the caller's WeChat account:
 * consent on record, not locked, the certificate from the customer record (never typed in) — or,
 * for a trustee naming their authorisation, from what the authorisation records of them, under
 * the subject `trustee:<userId>`.
 */
export async function startFaceVerification(
  container: IdentityDeps,
  claims: AccessClaims,
  input: { purpose: string; customerId?: string | undefined; authorisationId?: string | undefined },
): Promise<FaceSession> {
  const subject = await faceSubjectOf(container, claims, input);
  await requireIdentityConsent(container, claims);
  const now = container.now();
  await assertFaceNotLocked(container, subject.subjectId, now);
  const limited = await container.rateLimiter.consume(
    [{ key: `facestart:${subject.subjectId}:hour`, limit: 20, windowSeconds: 3600 }],
    now,
  );
  if (!limited.allowed)
    throw new AppError('RATE_LIMITED', '发起刷脸认证过于频繁，请稍后再试', {
      retryAfterSeconds: limited.retryAfterSeconds,
    });
  const user = await container.repositories.users.get(claims.sub);
  const attemptId = randomUUID();
  const outSeqNo = `ZX${attemptId.replaceAll('-', '')}`;
  const { verifyId, expiresInSeconds } = await container.faceVerifier.getVerifyId({
    outSeqNo,
    certificate: { name: subject.name, idNumber: subject.idNumber },
    openid: user?.openid ?? null,
    userId: claims.sub,
  });
  const expiresAt = now + Math.min(expiresInSeconds, FACE_SESSION_MAX_SECONDS) * 1000;
  await container.identityVerifications.createFaceAttempt({
    attemptId,
    customerId: subject.subjectId,
    purpose: input.purpose,
    userId: claims.sub,
    userRole: claims.role,
    openid: user?.openid ?? null,
    outSeqNo,
    verifyId,
    provider: container.faceVerifier.provider,
    createdAt: now,
    expiresAt,
  });
  return { attemptId, verifyId, expiresAt, faceProvider: container.faceVerifier.provider };
}

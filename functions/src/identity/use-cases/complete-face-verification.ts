import { randomUUID } from 'node:crypto';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import {
  faceResultMessage,
  MAX_FACE_FAILURES_PER_DAY,
  type VerificationOutcome,
} from '@zhixiang/shared/identity/verification';
import type { VerificationRecord } from '@zhixiang/shared/ports/identity-verifications';
import type { IdentityDeps } from './deps';
import { FACE_LOCKED_MESSAGE } from './start-face-verification';
import { faceCertificateOf } from './trustee-subject';
import { type RequestDevice, shanghaiDay, toVerificationView } from './verification-subject';

export const ATTEMPT_NOT_FOUND_MESSAGE = '未找到该次人脸核身';
export const ATTEMPT_REPLAYED_MESSAGE = '该次人脸核身的结果已记录，不能重复提交；如需再次核验请重新发起';
export const ATTEMPT_EXPIRED_MESSAGE = '人脸核身会话已过期（有效期 1 小时），请重新发起刷脸认证';

/** WeChat's own comparison failures (10001–10004) count toward the daily lock; cancelling does not. */
const isComparisonFailure = (verifyRet: number) => verifyRet > 10000 && verifyRet < 20000;

/**
 * After wx.requestFacialVerify: asks WeChat (queryverifyinfo) for the real result — the client's
 * callback is never trusted — and appends the record, once per attempt.
 */
export async function completeFaceVerification(
  container: IdentityDeps,
  claims: AccessClaims,
  attemptId: string,
  device: RequestDevice,
): Promise<VerificationOutcome> {
  const attempt = await container.identityVerifications.getFaceAttempt(attemptId);
  if (!attempt || attempt.userId !== claims.sub) throw new AppError('NOT_FOUND', ATTEMPT_NOT_FOUND_MESSAGE);
  if (attempt.completedAt !== null) throw new AppError('CONFLICT', ATTEMPT_REPLAYED_MESSAGE);
  const now = container.now();
  if (now > attempt.expiresAt) throw new AppError('CONFLICT', ATTEMPT_EXPIRED_MESSAGE);
  const customer = await faceCertificateOf(container, attempt.customerId);
  if (!customer) throw new AppError('NOT_FOUND', ATTEMPT_NOT_FOUND_MESSAGE);

  const verifyRet = await container.faceVerifier.queryVerifyResult({
    verifyId: attempt.verifyId,
    outSeqNo: attempt.outSeqNo,
    certificate: { name: customer.name, idNumber: customer.idNumber },
    openid: attempt.openid,
  });
  const success = verifyRet === 10000;
  const record: VerificationRecord = {
    verificationId: randomUUID(),
    customerId: attempt.customerId,
    purpose: attempt.purpose,
    method: 'face',
    result: success ? 'success' : 'failure',
    reason: success ? null : faceResultMessage(verifyRet),
    actorUserId: claims.sub,
    actorRole: claims.role,
    providerRefs: { provider: attempt.provider, outSeqNo: attempt.outSeqNo, verifyId: attempt.verifyId },
    providerResult: verifyRet,
    at: now,
    device,
  };
  const { day, nextMidnight } = shanghaiDay(now);
  const outcome = await container.identityVerifications.completeFaceAttempt({
    attemptId,
    record,
    countsAsFailure: isComparisonFailure(verifyRet),
    day,
    maxFailures: MAX_FACE_FAILURES_PER_DAY,
  });
  if (outcome === 'already_completed') throw new AppError('CONFLICT', ATTEMPT_REPLAYED_MESSAGE);
  if (outcome === 'locked')
    throw new AppError('LOCKED', FACE_LOCKED_MESSAGE, {
      retryAfterSeconds: Math.max(1, Math.ceil((nextMidnight - now) / 1000)),
    });
  const failures = await container.identityVerifications.faceFailures(attempt.customerId, day);
  return {
    verification: toVerificationView(record),
    faceFailuresToday: failures,
    faceLockedUntil: failures >= MAX_FACE_FAILURES_PER_DAY ? nextMidnight : null,
  };
}

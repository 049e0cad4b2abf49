import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { SANDBOX_FACE_OUTCOMES, type SandboxFaceOutcome } from '@zhixiang/shared/identity/verification';
import { isSandboxFaceVerifier } from '@zhixiang/shared/ports/face-verifier';
import type { IdentityDeps } from './deps';

/**
 * The 「模拟人脸核身」 screen's answer (local stage): plays the part of wx.requestFacialVerify, for the
 * user who opened the session only (anyone else, or an unknown session: 404). The route answers
 * 404 wherever the face provider is WeChat, i.e. on every deployed stage.
 */
export async function answerSandboxFaceVerification(
  container: IdentityDeps,
  claims: Pick<AccessClaims, 'sub'>,
  verifyId: string,
  outcome: SandboxFaceOutcome,
): Promise<void> {
  const verifier = container.faceVerifier;
  if (!isSandboxFaceVerifier(verifier)) throw new AppError('NOT_FOUND');
  await verifier.answer({
    verifyId,
    userId: claims.sub,
    verifyRet: SANDBOX_FACE_OUTCOMES[outcome],
    now: container.now(),
  });
}

import { randomUUID } from 'node:crypto';
import { isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { IdentityReview } from '@zhixiang/shared/identity/verification';
import type { IdentityDeps } from './deps';
import { toReviewView } from './submit-identity-review';
import type { RequestDevice } from './verification-subject';

export const REVIEW_NOT_FOUND_MESSAGE = '未找到该审核申请';

/**
 * A reviewer approves or rejects (with a reason the customer reads). The decision and the
 * verification record are one transaction, and only a pending review can be decided: two
 * reviewers at once leave exactly one decision. The selfie video is deleted once decided.
 */
export async function decideIdentityReview(
  container: IdentityDeps,
  claims: AccessClaims,
  reviewId: string,
  input: { decision: 'approve' | 'reject'; reason?: string | undefined },
  device: RequestDevice,
): Promise<IdentityReview> {
  const review = await container.identityReviews.get(reviewId);
  const inScope =
    claims.role === 'admin' || (review && isInBranchSubtree(review.branchPath, claims.branchPath ?? ''));
  if (!review || !inScope) throw new AppError('NOT_FOUND', REVIEW_NOT_FOUND_MESSAGE);
  if (review.status !== 'pending') throw new AppError('CONFLICT', '该申请已审核，请刷新列表');
  const reason = input.reason?.trim() || null;
  if (input.decision === 'reject' && !reason)
    throw new AppError('VALIDATION_FAILED', '请填写不通过的原因，客户将看到该原因', { field: 'reason' });
  const now = container.now();
  const approved = input.decision === 'approve';
  const decided = {
    ...review,
    status: approved ? ('approved' as const) : ('rejected' as const),
    reason: approved ? null : reason,
    decidedBy: claims.sub,
    decidedAt: now,
  };
  const won = await container.identityReviews.decide(decided, {
    verificationId: randomUUID(),
    customerId: review.customerId,
    purpose: review.purpose,
    method: 'staff_review',
    result: approved ? 'success' : 'failure',
    reason: approved ? null : `人工审核未通过：${reason}`,
    actorUserId: claims.sub,
    actorRole: claims.role,
    providerRefs: { reviewId: review.reviewId, submittedBy: review.submittedBy },
    providerResult: null,
    at: now,
    device,
  });
  if (!won) throw new AppError('CONFLICT', '该申请已审核，请刷新列表');
  // The video is no longer needed once decided (retention rule); the card photos follow the 30-day rule.
  const video = await container.identityUploads.getUpload(review.videoUploadId);
  if (video) await container.identityFiles.delete(video.key);
  return toReviewView(decided);
}

import { randomUUID } from 'node:crypto';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { IdentityReview } from '@zhixiang/shared/identity/verification';
import type { IdentityReviewRecord } from '@zhixiang/shared/ports/identity-verifications';
import { maskIdNumber } from '@zhixiang/shared/privacy/mask';
import type { IdentityDeps } from './deps';
import { loadCheckedUpload } from './load-identity-upload';
import { requireIdentityConsent } from './record-identity-consent';
import { identitySubjectOf } from './trustee-subject';
import type { RequestDevice } from './verification-subject';

/**
 * Verification by staff review (人工审核): the ID-card photos and a short selfie video, checked
 * like any upload, go to the queue of the customer's branch. One pending review per purpose. A
 * trustee (whose passport or permit face verification cannot compare) goes the same way under
 * `trustee:<userId>`, to the staff of their authorisation's review branch, with the document the
 * customer recorded for them to compare.
 */
export async function submitIdentityReview(
  container: IdentityDeps,
  claims: AccessClaims,
  input: {
    purpose: string;
    customerId?: string | undefined;
    /** A trustee (any document type), reviewed under `trustee:<userId>` by the authorisation's branch. */
    authorisationId?: string | undefined;
    frontUploadId: string;
    backUploadId: string;
    videoUploadId: string;
  },
  device: RequestDevice,
): Promise<IdentityReview> {
  const subject = await identitySubjectOf(container, claims, input);
  const customer = { customerId: subject.subjectId, branchPath: subject.branchPath };
  await requireIdentityConsent(container, claims);
  const current = await container.identityReviews.latestForPurpose(customer.customerId, input.purpose);
  if (current?.status === 'pending') throw new AppError('CONFLICT', '该业务的人工审核已提交，请等待审核结果');
  const owner = { customerId: customer.customerId, userId: claims.sub };
  await Promise.all([
    loadCheckedUpload(container, {
      ...owner,
      uploadId: input.frontUploadId,
      kind: 'id_card_front',
      field: 'frontUploadId',
    }),
    loadCheckedUpload(container, {
      ...owner,
      uploadId: input.backUploadId,
      kind: 'id_card_back',
      field: 'backUploadId',
    }),
    loadCheckedUpload(container, {
      ...owner,
      uploadId: input.videoUploadId,
      kind: 'selfie_video',
      field: 'videoUploadId',
    }),
  ]);
  const review: IdentityReviewRecord = {
    reviewId: randomUUID(),
    customerId: customer.customerId,
    branchPath: customer.branchPath,
    purpose: input.purpose,
    submittedBy: claims.sub,
    frontUploadId: input.frontUploadId,
    backUploadId: input.backUploadId,
    videoUploadId: input.videoUploadId,
    status: 'pending',
    reason: null,
    decidedBy: null,
    submittedAt: container.now(),
    decidedAt: null,
    device,
    ...(subject.authorisationId
      ? {
          trustee: {
            authorisationId: subject.authorisationId,
            name: subject.name,
            idType: subject.idType,
            idNumberMasked: maskIdNumber(subject.idNumber),
          },
        }
      : {}),
  };
  await container.identityReviews.submit(review);
  return toReviewView(review);
}

export function toReviewView(review: IdentityReviewRecord): IdentityReview {
  return {
    reviewId: review.reviewId,
    customerId: review.customerId,
    purpose: review.purpose,
    status: review.status,
    reason: review.reason,
    submittedAt: review.submittedAt,
    decidedAt: review.decidedAt,
  };
}

import { isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { TRUSTEE_ID_TYPES, type TrusteeIdType } from '@zhixiang/shared/authorisations/power-of-attorney';
import { maskName } from '@zhixiang/shared/callback/view';
import type { QueueItemFact } from '@zhixiang/shared/home/staff-home';
import type { ReviewQueueItem } from '@zhixiang/shared/identity/verification';
import type { IdentityReviewStore } from '@zhixiang/shared/ports/identity-verifications';
import { maskIdNumber } from '@zhixiang/shared/privacy/mask';
import type { IdentityDeps } from './deps';

/** Links to the files last this long: enough to look, not to share. */
export const REVIEW_LINK_SECONDS = 300;

/**
 * The staff review queue: pending reviews of customers in the staff member's branch subtree
 * (admins: all), oldest first, personal data masked, files behind short-lived links.
 */
export async function listIdentityReviews(
  container: IdentityDeps,
  claims: AccessClaims,
): Promise<{ reviews: ReviewQueueItem[] }> {
  const scope = claims.role === 'admin' ? '' : (claims.branchPath ?? '');
  if (claims.role !== 'admin' && !scope) return { reviews: [] };
  const pending = (await container.identityReviews.listPending(scope)).filter(
    (review) => claims.role === 'admin' || isInBranchSubtree(review.branchPath, scope),
  );
  const reviews = await Promise.all(
    pending.map(async (review) => {
      const [customer, front, back, video] = await Promise.all([
        // A trustee is no customer: what the authorisation records of them is on the review.
        review.trustee ? null : container.repositories.customers.get(review.customerId),
        container.identityUploads.getUpload(review.frontUploadId),
        container.identityUploads.getUpload(review.backUploadId),
        container.identityUploads.getUpload(review.videoUploadId),
      ]);
      const link = async (key: string | undefined) =>
        key ? container.identityFiles.presignGet(key, REVIEW_LINK_SECONDS) : '';
      return {
        reviewId: review.reviewId,
        customerId: review.customerId,
        customerNameMasked: review.trustee
          ? `${maskName(review.trustee.name)}（受托人）`
          : customer
            ? maskName(customer.name)
            : '',
        idNumberMasked: review.trustee?.idNumberMasked ?? (customer ? maskIdNumber(customer.idNumber) : ''),
        documentTypeLabel: review.trustee
          ? (TRUSTEE_ID_TYPES[review.trustee.idType as TrusteeIdType] ?? review.trustee.idType)
          : TRUSTEE_ID_TYPES.id_card,
        ...(review.trustee ? { authorisationId: review.trustee.authorisationId } : {}),
        branchPath: review.branchPath,
        purpose: review.purpose,
        submittedAt: review.submittedAt,
        frontImageUrl: await link(front?.key),
        backImageUrl: await link(back?.key),
        videoUrl: await link(video?.key),
      };
    }),
  );
  return { reviews };
}

/** The pending identity reviews of a branch subtree, as facts of the staff home's queue. */
export async function pendingReviewFactsOf(
  deps: { identityReviews: Pick<IdentityReviewStore, 'listPending'> },
  branchPath: string,
): Promise<QueueItemFact[]> {
  const pending = await deps.identityReviews.listPending(branchPath);
  return pending.map((r) => ({ branchPath: r.branchPath, since: r.submittedAt }));
}

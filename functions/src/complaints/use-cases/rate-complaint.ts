import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { ComplaintDetail, RateComplaintRequest } from '@zhixiang/shared/complaints/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { ComplaintRecord } from '@zhixiang/shared/ports/complaints';
import { ratingJoinsVoice, ratingVoiceWords } from '@zhixiang/shared/ratings/rules';
import { COMPLAINT_CATEGORY_JOURNEYS, type VoiceThemeDictionary } from '@zhixiang/shared/voice/themes';
import { newVoiceItem } from '../../voice/use-cases/voice-access';
import { changeComplaint } from './change-complaint';
import { type ComplaintDeps, loadVisibleComplaint } from './complaint-access';

/**
 * The complainant rates the handling of their decided complaint, once; the rating is audited. A
 * low one or one with words joins the customer-voice stream (the rule of every journey rating,
 * `shared/src/ratings/rules.ts`): its item, on the complaint's journey at its branch, is put in the
 * rating's own transaction with its announcement entry, so the projection pushes it once.
 */
export async function rateComplaint(
  deps: ComplaintDeps & { voiceThemes: VoiceThemeDictionary },
  claims: AccessClaims,
  complaintId: string,
  request: RateComplaintRequest,
): Promise<ComplaintDetail> {
  const current = await loadVisibleComplaint(deps, claims, complaintId);
  const { complaint } = current;
  if (complaint.status !== 'decided') throw new AppError('CONFLICT', '投诉办结后才能评价');
  if (complaint.rating) throw new AppError('CONFLICT', '您已评价过该投诉');
  const comment = request.comment ? request.comment : null;
  const rating = { score: request.score, comment, at: new Date(deps.now()).toISOString() };
  return changeComplaint(
    deps,
    claims,
    current,
    { rating },
    { type: 'rated', note: comment ? `${request.score} 分：${comment}` : `${request.score} 分` },
    ratingJoinsVoice(rating) ? closingRatingVoice(deps, complaint, rating) : null,
  );
}

function closingRatingVoice(
  deps: { voiceThemes: VoiceThemeDictionary },
  complaint: ComplaintRecord,
  rating: { score: number; comment: string | null; at: string },
) {
  return newVoiceItem(deps.voiceThemes, {
    sourceKey: `complaint-rating:${complaint.complaintId}`,
    source: 'complaint_rating',
    words: ratingVoiceWords(`投诉 ${complaint.complaintId} 办结`, rating.score, rating.comment),
    journey: COMPLAINT_CATEGORY_JOURNEYS[complaint.category] ?? 'service',
    customerId: complaint.customerId,
    branchPath: complaint.branchPath,
    at: rating.at,
    complaintId: complaint.complaintId,
  });
}

import { isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { matterLabel } from '@zhixiang/shared/authorisations/power-of-attorney';
import {
  APPEAL_WINDOW_DAYS,
  AUDIT_ACTION_LABELS,
  type DecideAuthorisationRequest,
  REVIEW_CHECKLIST,
  type ReviewCheck,
  type ReviewView,
} from '@zhixiang/shared/authorisations/schemas';
import { readAloudScript } from '@zhixiang/shared/authorisations/script';
import { AUTHORISATION_STATUS_LABELS, statusOn, transition } from '@zhixiang/shared/authorisations/status';
import { maskedFields, recordingView } from '@zhixiang/shared/authorisations/view';
import { AppError } from '@zhixiang/shared/errors';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type { AuthorisationRecord } from '@zhixiang/shared/ports/authorisations';
import type { AuthorisationDeps } from './deps';
import { AUTHORISATION_NOT_FOUND } from './own-authorisation';

/** Review links live 5 minutes: each opening of the review is one logged view. */
const REVIEW_URL_SECONDS = 300;

function addDaysToInstant(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString();
}
export const REASON_MIN = 5;

function staffPath(claims: AccessClaims): string {
  if (claims.role !== 'staff' || !claims.branchPath)
    throw new AppError('FORBIDDEN', '仅限内勤人员审核录像授权');
  return claims.branchPath;
}

/** An authorisation whose policies lie in the staff member's branch subtree; anything else 404. */
async function reviewable(deps: Pick<AuthorisationDeps, 'repositories'>, claims: AccessClaims, id: string) {
  const path = staffPath(claims);
  const record = await deps.repositories.authorisations.get(id);
  // Only what was submitted is reviewable: its evidence is in the evidence bucket.
  if (!record?.submittedAt || !isInBranchSubtree(record.reviewBranchPath, path))
    throw new AppError('NOT_FOUND', AUTHORISATION_NOT_FOUND);
  return record;
}

export async function listAuthorisationReviews(deps: AuthorisationDeps, claims: AccessClaims) {
  const records = await deps.repositories.authorisations.listSubmitted(staffPath(claims));
  const customers = await Promise.all(records.map((r) => deps.repositories.customers.get(r.customerId)));
  return {
    reviews: records.map((r, i) => ({
      authorisationId: r.authorisationId,
      customerName: customers[i]?.name ?? '',
      policyNos: r.poa.policyNos,
      matterLabels: r.poa.matters.map(matterLabel),
      submittedAt: r.submittedAt ?? r.createdAt,
    })),
  };
}

async function reviewView(
  deps: AuthorisationDeps,
  record: AuthorisationRecord,
  links: { videoUrl: string | null; documentPhotoUrl: string | null },
): Promise<ReviewView> {
  const [customer, audit] = await Promise.all([
    deps.repositories.customers.get(record.customerId),
    deps.repositories.authorisations.listAudit(record.authorisationId),
  ]);
  const name = customer?.name ?? '';
  const today = todayInShanghai(new Date(deps.now()));
  const scriptDate = record.recording?.scriptDate ?? today;
  const status = statusOn(record, today);
  return {
    authorisationId: record.authorisationId,
    status,
    statusLabel: AUTHORISATION_STATUS_LABELS[status],
    customerName: name,
    fields: maskedFields(record.poa),
    script: readAloudScript(record.poa, { name }, scriptDate, { masked: true }),
    recording: record.recording
      ? { ...recordingView(record.recording), scriptDate: record.recording.scriptDate }
      : null,
    ...links,
    checklist: Object.entries(REVIEW_CHECKLIST).map(([key, label]) => ({ key, label })),
    submittedAt: record.submittedAt,
    decidedAt: record.decidedAt,
    rejectionReason: record.rejectionReason,
    audit: audit.map((e) => ({ ...e, label: AUDIT_ACTION_LABELS[e.action] })),
  };
}

/**
 * Staff open a review: the recording and the document's photo page by short-lived links, the
 * script and fields masked. Every opening that hands out the recording's link is an audit event.
 */
export async function getAuthorisationReview(
  deps: AuthorisationDeps,
  claims: AccessClaims,
  authorisationId: string,
): Promise<ReviewView> {
  const record = await reviewable(deps, claims, authorisationId);
  let videoUrl: string | null = null;
  // A rejected recording deleted after the appeal window has nothing left to view.
  if (record.recording && !record.recording.purgedAt) {
    await deps.repositories.authorisations.appendAudit(authorisationId, {
      action: 'video_viewed',
      byUserId: claims.sub,
      at: new Date(deps.now()).toISOString(),
    });
    videoUrl = await deps.authorisationVideos.presignEvidence(record.recording.key, REVIEW_URL_SECONDS);
  }
  const documentPhotoUrl = record.documentPhoto
    ? await deps.authorisationVideos.presignEvidence(record.documentPhoto.key, REVIEW_URL_SECONDS)
    : null;
  return reviewView(deps, record, { videoUrl, documentPhotoUrl });
}

/**
 * Approve with every box of the checklist ticked, or reject with a reason the customer reads.
 * The decision, its audit event and its letter's outbox entry are one transaction.
 */
export async function decideAuthorisation(
  deps: AuthorisationDeps,
  claims: AccessClaims,
  authorisationId: string,
  request: DecideAuthorisationRequest,
): Promise<ReviewView> {
  const record = await reviewable(deps, claims, authorisationId);
  const approve = request.decision === 'approve';
  const status = transition(record.status, approve ? 'approve' : 'reject');
  const unticked = (Object.keys(REVIEW_CHECKLIST) as ReviewCheck[]).filter((k) => !request.checklist[k]);
  const today = todayInShanghai(new Date(deps.now()));
  if (approve && unticked.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      `请逐项核对后再通过，未勾选：${unticked.map((k) => REVIEW_CHECKLIST[k]).join('、')}`,
      { field: 'checklist' },
    );
  if (approve && record.poa.validUntil < today)
    throw new AppError('VALIDATION_FAILED', '委托期限已过，不能通过', { field: 'decision' });
  if (approve && record.poa.document.expiresOn < today)
    throw new AppError('VALIDATION_FAILED', '客户证件已过期，不能通过', { field: 'decision' });
  const reason = request.reason?.trim() ?? '';
  if (!approve && reason.length < REASON_MIN)
    throw new AppError('VALIDATION_FAILED', `请填写不通过的原因（至少 ${REASON_MIN} 个字，客户可见）`, {
      field: 'reason',
    });
  const at = new Date(deps.now()).toISOString();
  const next: AuthorisationRecord = {
    ...record,
    status,
    decidedAt: at,
    rejectionReason: approve ? null : reason,
    // A rejected recording is deleted once the appeal window has passed.
    purgeAfter: approve ? null : addDaysToInstant(at, APPEAL_WINDOW_DAYS),
    version: record.version + 1,
  };
  const saved = await deps.repositories.authorisations.put(next, record.version, {
    audit: { action: approve ? 'approved' : 'rejected', byUserId: claims.sub, at },
    // The customer is told either way: the letter is issued into 我的信函 by the outbox consumer.
    letter: { authorisationId, customerId: record.customerId, decidedAt: at },
  });
  if (!saved) throw new AppError('CONFLICT', '该授权已由他人处理，请刷新');
  return reviewView(deps, next, { videoUrl: null, documentPhotoUrl: null });
}

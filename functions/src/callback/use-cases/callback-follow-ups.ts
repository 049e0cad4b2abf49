import { isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { CallbackFollowUp, ResolveFollowUpRequest } from '@zhixiang/shared/callback/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { QueueItemFact } from '@zhixiang/shared/home/staff-home';
import type {
  CallbackBookingRepository,
  CallbackFollowUpRecord,
} from '@zhixiang/shared/ports/callback-bookings';
import { PolicyViewLoader } from '../../policies/use-cases/policy-view-loader';
import type { CallbackDeps } from './callback-policy';
import { maskedCallbackParty } from './list-callback-bookings';

/** Online self-callbacks are recorded by `online-…`; everything else by a call-centre seat. */
export const ONLINE_RECORDER_PREFIX = 'online-';

const NOT_FOUND_MESSAGE = '未找到该问题件';

/**
 * Staff: the open problem cases (问题件) of their branch subtree, oldest first — the queue a branch
 * works through after a callback where the customer said no (e.g. did not sign the application).
 */
export async function listCallbackFollowUps(
  deps: CallbackDeps,
  claims: AccessClaims,
): Promise<{ followUps: CallbackFollowUp[] }> {
  const repo = deps.repositories.callbackBookings;
  const open = await repo.listOpenFollowUps(claims.role === 'admin' ? null : (claims.branchPath ?? ''));
  const loader = new PolicyViewLoader(deps.repositories);
  return { followUps: await Promise.all(open.map((record) => toFollowUpView(loader, deps, record))) };
}

/** Staff of the policy's branch subtree close a problem case with what was done. */
export async function resolveCallbackFollowUp(
  deps: CallbackDeps,
  claims: AccessClaims,
  policyNo: string,
  request: ResolveFollowUpRequest,
): Promise<CallbackFollowUp> {
  const repo = deps.repositories.callbackBookings;
  const current = await repo.getFollowUp(policyNo);
  const visible =
    current && (claims.role === 'admin' || isInBranchSubtree(current.branchPath, claims.branchPath ?? ''));
  if (!current || !visible) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  if (current.status !== 'open') throw new AppError('CONFLICT', '该问题件已处理');
  const resolved = await repo.resolveFollowUp(current, {
    note: request.note.trim(),
    resolvedBy: claims.sub,
    resolvedAt: deps.now(),
  });
  return toFollowUpView(new PolicyViewLoader(deps.repositories), deps, resolved);
}

async function toFollowUpView(
  loader: PolicyViewLoader,
  deps: CallbackDeps,
  record: CallbackFollowUpRecord,
): Promise<CallbackFollowUp> {
  return {
    policyNo: record.policyNo,
    ...(await maskedCallbackParty(loader, deps, record)),
    source: record.raisedBy.startsWith(ONLINE_RECORDER_PREFIX) ? 'online' : 'call',
    note: record.note,
    disputesSale: record.disputesSale,
    raisedAt: record.raisedAt,
    status: record.status,
    resolutionNote: record.resolution?.note ?? null,
  };
}

/** The open problem cases (问题件) of a branch subtree, as facts of the staff home's queue. */
export async function problemCaseFactsOf(
  deps: { repositories: { callbackBookings: Pick<CallbackBookingRepository, 'listOpenFollowUps'> } },
  branchPath: string,
): Promise<QueueItemFact[]> {
  const open = await deps.repositories.callbackBookings.listOpenFollowUps(branchPath);
  return open.map((f) => ({ branchPath: f.branchPath, since: f.raisedAt }));
}

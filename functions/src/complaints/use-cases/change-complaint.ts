import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { ComplaintEventType } from '@zhixiang/shared/complaints/clocks';
import type { ComplaintDetail } from '@zhixiang/shared/complaints/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { ComplaintEventRecord, ComplaintRecord } from '@zhixiang/shared/ports/complaints';
import type { VoiceItemRecord } from '@zhixiang/shared/ports/voice';
import { actorName, type ComplaintDeps, readDetail } from './complaint-access';

/**
 * One audited state change by a person: the complaint's next state and its event, conditional on
 * the version read (a concurrent change → 409, nothing half-written), answered with the detail;
 * a voice item given (a closing rating that is voice) is written in the same transaction.
 */
export async function changeComplaint(
  deps: ComplaintDeps,
  claims: AccessClaims,
  current: { complaint: ComplaintRecord; customer: { name: string; phone: string } },
  changes: Partial<ComplaintRecord>,
  event: { type: ComplaintEventType; note: string | null } & Pick<ComplaintEventRecord, 'limitDays'>,
  voiceItem: VoiceItemRecord | null = null,
): Promise<ComplaintDetail> {
  const { complaint, customer } = current;
  const next = { ...complaint, ...changes, version: complaint.version + 1 };
  const saved = await deps.repositories.complaints.transition(
    next,
    {
      complaintId: complaint.complaintId,
      seq: next.version,
      at: new Date(deps.now()).toISOString(),
      actorId: claims.sub,
      actorName: await actorName(deps, claims),
      ...event,
    },
    voiceItem,
  );
  if (!saved) throw new AppError('CONFLICT', '该投诉刚被更新，请刷新后重试');
  return readDetail(deps, claims, saved, customer);
}

import type { Handoff } from '@zhixiang/shared/assistant/handoff';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { type HandoffDeps, loadVisibleHandoff, sampleWaitingHandoffs, toHandoffView } from './handoff-access';
import { publishHandoffStatus } from './publish-handoff-update';

/** A staff member takes a queued handoff; of two claiming at once, exactly one gets it (conditional write). */
export async function claimHandoff(
  deps: HandoffDeps,
  claims: AccessClaims,
  handoffId: string,
): Promise<Handoff> {
  await loadVisibleHandoff(deps, claims, handoffId);
  const staff = await deps.repositories.users.get(claims.sub);
  const claimed = await deps.repositories.handoffs.claim(
    handoffId,
    claims.sub,
    staff?.displayName ?? '客服',
    deps.now(),
  );
  if (!claimed) throw new AppError('CONFLICT', '该人工服务已被其他同事接入或已结束');
  await publishHandoffStatus(deps, claimed);
  await sampleWaitingHandoffs(deps);
  return toHandoffView(deps, claimed, claims);
}

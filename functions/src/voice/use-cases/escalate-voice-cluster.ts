import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { EscalateVoiceClusterRequest, VoiceClustersResponse } from '@zhixiang/shared/voice/schemas';
import { listVoiceClusters } from './list-voice-clusters';
import { actorName, branchName, clusterItems, reportingLevels, type VoiceDeps } from './voice-access';

/**
 * 逐级上报 of a cluster: a 中支 or 分公司 user reports a week's theme of their subtree to the level
 * above, with a note. Each level reports a cluster once: the report is created only if new, so of
 * two at once one wins and the other gets 409.
 */
export async function escalateVoiceCluster(
  deps: VoiceDeps,
  claims: AccessClaims,
  request: EscalateVoiceClusterRequest,
): Promise<VoiceClustersResponse> {
  const { fromPath, toPath } = await reportingLevels(deps, claims);
  const items = await clusterItems(deps, request.week, request.theme, fromPath);
  if (items.length === 0) throw new AppError('NOT_FOUND', '本机构该周该主题下没有客户之声，无法上报');
  const created = await deps.repositories.voice.putClusterEscalation({
    week: request.week,
    theme: request.theme,
    itemCount: items.length,
    fromPath,
    toPath,
    byUserId: claims.sub,
    byName: await actorName(deps, claims),
    note: request.note,
    at: new Date(deps.now()).toISOString(),
  });
  if (!created)
    throw new AppError(
      'CONFLICT',
      `本机构已将该周该主题上报至${await branchName(deps, toPath)}，无需重复上报`,
    );
  return listVoiceClusters(deps, claims, { week: request.week });
}

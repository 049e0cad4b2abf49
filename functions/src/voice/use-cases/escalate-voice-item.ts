import { isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { VoiceItemView } from '@zhixiang/shared/voice/schemas';
import {
  actorName,
  branchName,
  reportingLevels,
  toVoiceItemView,
  VOICE_ITEM_NOT_FOUND,
  type VoiceDeps,
} from './voice-access';

/**
 * 逐级上报 of one item: a 中支 or 分公司 user reports an item of their subtree to the level above,
 * with a note. The item must not already be reported above them; the write is conditional on the
 * version read, so of two reports at once one wins and the other gets 409.
 */
export async function escalateVoiceItem(
  deps: VoiceDeps,
  claims: AccessClaims,
  itemId: string,
  note: string,
): Promise<VoiceItemView> {
  const { fromPath, toPath } = await reportingLevels(deps, claims);
  const item = await deps.repositories.voice.getItem(itemId);
  if (!item || !isInBranchSubtree(item.branchPath, fromPath))
    throw new AppError('NOT_FOUND', VOICE_ITEM_NOT_FOUND);
  const already = async () =>
    new AppError(
      'CONFLICT',
      `该条客户之声已上报至${await branchName(deps, (await deps.repositories.voice.getItem(itemId))?.reportedToPath ?? toPath)}`,
    );
  if (!isInBranchSubtree(item.reportedToPath, fromPath)) throw await already();
  const next = {
    ...item,
    reportedToPath: toPath,
    escalations: [
      ...item.escalations,
      {
        fromPath,
        toPath,
        byUserId: claims.sub,
        byName: await actorName(deps, claims),
        note,
        at: new Date(deps.now()).toISOString(),
      },
    ],
    version: item.version + 1,
  };
  if (!(await deps.repositories.voice.saveItem(next))) throw await already();
  return toVoiceItemView(deps, next, claims);
}

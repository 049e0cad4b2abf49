import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { VoiceItemsQuery, VoiceItemsResponse } from '@zhixiang/shared/voice/schemas';
import { readerBranchPath, toVoiceItemView, type VoiceDeps, weekOrCurrent } from './voice-access';

/**
 * The week's voice items of the reader's branch subtree, newest first; by theme, or only those
 * reported to the reader's own level (`reported=mine`).
 */
export async function listVoiceItems(
  deps: VoiceDeps,
  claims: AccessClaims,
  query: VoiceItemsQuery,
): Promise<VoiceItemsResponse> {
  const path = readerBranchPath(claims);
  if (query.reported === 'mine' && !path)
    throw new AppError('VALIDATION_FAILED', '管理员账号没有所属层级，请去掉 reported 参数');
  const week = weekOrCurrent(deps, query.week);
  const items = (await deps.repositories.voice.listWeek(week, path)).filter(
    (item) =>
      (!query.theme || item.themes.includes(query.theme)) &&
      (query.reported !== 'mine' || item.reportedToPath === path),
  );
  return { week, items: await Promise.all(items.map((item) => toVoiceItemView(deps, item, claims))) };
}

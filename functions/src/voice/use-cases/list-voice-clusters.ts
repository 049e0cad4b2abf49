import { isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { VoiceItemRecord } from '@zhixiang/shared/ports/voice';
import type { VoiceClustersResponse } from '@zhixiang/shared/voice/schemas';
import {
  previousVoiceWeek,
  themeLabel,
  trendOf,
  UNTHEMED,
  UNTHEMED_LABEL,
} from '@zhixiang/shared/voice/themes';
import { escalationViews, readerBranchPath, type VoiceDeps, weekOrCurrent } from './voice-access';

function countByTheme(items: readonly VoiceItemRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items)
    for (const theme of item.themes.length > 0 ? item.themes : [UNTHEMED])
      counts.set(theme, (counts.get(theme) ?? 0) + 1);
  return counts;
}

/**
 * The week's pain points of the reader's subtree: each theme with its count, last week's count
 * and the trend, most items first, and the trail of its reports up the ladder that concern the
 * reader (reported from within their subtree, or from a level above that their subtree belongs to).
 */
export async function listVoiceClusters(
  deps: VoiceDeps,
  claims: AccessClaims,
  query: { week?: string | undefined },
): Promise<VoiceClustersResponse> {
  const path = readerBranchPath(claims);
  const week = weekOrCurrent(deps, query.week);
  const [items, previous, reports] = await Promise.all([
    deps.repositories.voice.listWeek(week, path),
    deps.repositories.voice.listWeek(previousVoiceWeek(week), path),
    deps.repositories.voice.listClusterEscalations(week),
  ]);
  const counts = countByTheme(items);
  const before = countByTheme(previous);
  const visible = reports.filter(
    (r) => !path || isInBranchSubtree(r.fromPath, path) || isInBranchSubtree(path, r.fromPath),
  );
  const clusters = await Promise.all(
    [...counts].map(async ([theme, count]) => ({
      theme,
      label: theme === UNTHEMED ? UNTHEMED_LABEL : themeLabel(deps.voiceThemes, theme),
      count,
      previousCount: before.get(theme) ?? 0,
      trend: trendOf(count, before.get(theme) ?? 0),
      escalations: await escalationViews(
        deps,
        visible.filter((r) => r.theme === theme),
      ),
    })),
  );
  clusters.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return { week, clusters };
}

import { isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { shanghaiDate } from '@zhixiang/shared/complaints/calendar';
import type { VoiceListeningLog } from '@zhixiang/shared/voice/schemas';
import { branchName, readerBranchPath, type VoiceDeps } from './voice-access';

const ROLE_LABELS: Record<string, string> = { executive: '高管', staff: '员工', admin: '管理员' };

/**
 * The listening log of a Shanghai day (today by default), the evidence of executives' listening for
 * the regulator: each session whose scope lies in the reader's subtree (an admin's, every one), with
 * who listened, to which branch, from when to when and for how many seconds.
 */
export async function getVoiceListeningLog(
  deps: Pick<VoiceDeps, 'repositories' | 'now'>,
  claims: AccessClaims,
  day: string | undefined,
): Promise<VoiceListeningLog> {
  const path = readerBranchPath(claims);
  const theDay = day ?? shanghaiDate(deps.now());
  const sessions = (await deps.repositories.voice.listListening(theDay)).filter(
    (s) => !path || (s.scopePath !== '' && isInBranchSubtree(s.scopePath, path)),
  );
  return {
    day: theDay,
    sessions: await Promise.all(
      sessions.map(async (s) => ({
        userName: s.userName,
        roleLabel: ROLE_LABELS[s.role] ?? s.role,
        scopeName: s.scopePath ? await branchName(deps, s.scopePath) : '全部机构',
        startedAt: s.startedAt,
        endedAt: s.endedAt,
        seconds: Math.max(
          0,
          Math.round(((s.endedAt ? Date.parse(s.endedAt) : deps.now()) - Date.parse(s.startedAt)) / 1000),
        ),
      })),
    ),
  };
}

import { isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { shanghaiDate } from '@zhixiang/shared/complaints/calendar';
import type { VoiceListeningLog } from '@zhixiang/shared/voice/schemas';
import { branchName, readerBranchPath, type VoiceDeps } from './voice-access';

const ROLE_LABELS: Record<string, string> = { executive: '高管', staff: '员工', admin: '管理员' };

/**
 * The longest a listening session can be: API Gateway closes a WebSocket connection after 2 hours.
 * A session whose socket died without a `$disconnect` (and was not found gone by a later push) is
 * shown ended there, never listening on for ever.
 */
export const MAX_LISTENING_MS = 2 * 60 * 60 * 1000;

/**
 * The listening log of a Shanghai day (today by default), the evidence of executives' listening for
 * the regulator: each session whose scope lies in the reader's subtree (an admin's, every one), with
 * who listened, to which branch or in on which handoff chat, from when to when and for how many
 * seconds.
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
      sessions.map(async (s) => {
        const started = Date.parse(s.startedAt);
        const cap = started + MAX_LISTENING_MS;
        const ended = s.endedAt ? Math.min(Date.parse(s.endedAt), cap) : deps.now() >= cap ? cap : null;
        return {
          userName: s.userName,
          roleLabel: ROLE_LABELS[s.role] ?? s.role,
          scopeName: s.scopePath ? await branchName(deps, s.scopePath) : '全部机构',
          handoffId: s.handoffId ?? null,
          startedAt: s.startedAt,
          endedAt: ended === null ? null : new Date(ended).toISOString(),
          seconds: Math.max(0, Math.round(((ended ?? deps.now()) - started) / 1000)),
        };
      }),
    ),
  };
}

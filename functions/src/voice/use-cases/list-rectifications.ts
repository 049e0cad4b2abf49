import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { RectificationsResponse, RectificationView } from '@zhixiang/shared/voice/rectification';
import { rectificationInReach, toRectificationView } from './rectification-access';
import { readerBranchPath, type VoiceDeps } from './voice-access';

/** The tasks opened in the reader's subtree (an admin's: all), newest first; `status` filters. */
export async function listRectifications(
  deps: VoiceDeps,
  claims: AccessClaims,
  query: { status?: 'open' | 'closed' },
): Promise<RectificationsResponse> {
  const tasks = await deps.repositories.rectifications.listInSubtree(readerBranchPath(claims));
  return {
    rectifications: await Promise.all(
      tasks
        .filter((t) => !query.status || t.status === query.status)
        .map((t) => toRectificationView(deps, t)),
    ),
  };
}

export async function getRectification(
  deps: VoiceDeps,
  claims: AccessClaims,
  rectificationId: string,
): Promise<RectificationView> {
  return toRectificationView(deps, await rectificationInReach(deps, claims, rectificationId));
}

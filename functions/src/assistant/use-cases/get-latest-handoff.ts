import type { LatestHandoffResponseSchema } from '@zhixiang/shared/assistant/handoff';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { HandoffFact } from '@zhixiang/shared/home/todos';
import type { HandoffStore } from '@zhixiang/shared/ports/handoffs';
import type * as z from 'zod/mini';
import type { HandoffDeps } from './handoff-access';

/** How far back the 客服 tab looks for a handoff to resume or an answered message to show. */
export const LATEST_HANDOFF_DAYS = 7;

/**
 * The customer's latest handoff of the last 7 days: the 客服 tab resumes an open one, and shows the
 * answer to a message (留言) the customer has not seen yet (it compares `lastSeq` with what the phone
 * has seen). Customers without a bound identity have none.
 */
export async function getLatestHandoff(
  deps: HandoffDeps,
  claims: AccessClaims,
): Promise<z.infer<typeof LatestHandoffResponseSchema>> {
  if (!claims.customerId) return { handoff: null };
  const latest = await latestHandoffOf(deps, claims.customerId);
  if (!latest) return { handoff: null };
  return {
    handoff: {
      handoffId: latest.handoffId,
      status: latest.status,
      mode: latest.mode,
      claimedByName: latest.claimedByName,
      lastSeq: latest.lastSeq,
    },
  };
}

type LatestHandoffDeps = {
  repositories: { handoffs: Pick<HandoffStore, 'latestOfCustomer'> };
  now: () => number;
};

function latestHandoffOf(deps: LatestHandoffDeps, customerId: string) {
  const since = deps.now() - LATEST_HANDOFF_DAYS * 86_400_000;
  return deps.repositories.handoffs.latestOfCustomer(customerId, since);
}

/** The customer's latest handoff of the last 7 days, as the fact of the home's conversation to-do. */
export async function handoffFactOf(
  deps: LatestHandoffDeps,
  customerId: string,
): Promise<HandoffFact | null> {
  const latest = await latestHandoffOf(deps, customerId);
  return latest
    ? {
        handoffId: latest.handoffId,
        status: latest.status,
        mode: latest.mode,
        claimedByName: latest.claimedByName,
      }
    : null;
}

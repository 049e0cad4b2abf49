import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { CustomerRepository } from '@zhixiang/shared/ports/repositories';
import type { VoiceItemsResponse } from '@zhixiang/shared/voice/schemas';
import { voiceWeekOf } from '@zhixiang/shared/voice/themes';
import { toVoiceItemView, type VoiceDeps } from './voice-access';

/** Items of the agent's view: the last 4 weeks. */
const AGENT_WEEKS = 4;

/**
 * What the agent's own customers said (吐槽, the assistant's 👎 and unanswered turns, complaints
 * not about the agent), the last 4 weeks, newest first: a customer who hid their name from their
 * agent appears as 匿名客户.
 */
export async function listAgentVoiceItems(
  deps: VoiceDeps & { repositories: { customers: Pick<CustomerRepository, 'listByAgent'> } },
  claims: AccessClaims,
): Promise<VoiceItemsResponse> {
  if (claims.role !== 'agent' || !claims.agentId) throw new AppError('FORBIDDEN', '仅代理人可查看');
  const customers = await deps.repositories.customers.listByAgent(claims.agentId);
  const since = voiceWeekOf(deps.now() - (AGENT_WEEKS - 1) * 7 * 86_400_000);
  const items = (
    await Promise.all(customers.map((c) => deps.repositories.voice.listByCustomer(c.customerId)))
  )
    .flat()
    // A complaint may be about the agent (回避): those stay with the complaint's handlers.
    .filter((item) => item.source !== 'complaint' && item.week >= since)
    .sort((a, b) => b.at.localeCompare(a.at));
  return {
    week: voiceWeekOf(deps.now()),
    items: await Promise.all(items.map((item) => toVoiceItemView(deps, item, claims))),
  };
}

import { randomUUID } from 'node:crypto';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { SubmitRantRequest, SubmitRantResponse } from '@zhixiang/shared/voice/schemas';
import { announceVoiceItem } from './listen-to-voice';
import { newVoiceItem, type VoiceDeps } from './voice-access';

/**
 * 「我要吐槽」: a bound customer's free text becomes an item of the voice stream at their branch,
 * tagged by journey and theme; with `hideName` their agent sees it as 匿名客户.
 */
export async function submitRant(
  deps: VoiceDeps,
  claims: AccessClaims,
  request: SubmitRantRequest,
): Promise<SubmitRantResponse> {
  if (claims.role !== 'customer') throw new AppError('FORBIDDEN', '吐槽仅限客户本人提交');
  if (!claims.customerId) throw new AppError('FORBIDDEN', '请先完成身份绑定再吐槽');
  const customer = await deps.repositories.customers.get(claims.customerId);
  if (!customer) throw new AppError('FORBIDDEN', '请先完成身份绑定再吐槽');
  const item = {
    ...newVoiceItem(deps.voiceThemes, {
      sourceKey: `rant:${randomUUID()}`,
      source: 'rant',
      words: request.text,
      journey: request.journey,
      customerId: customer.customerId,
      branchPath: customer.branchPath,
      at: new Date(deps.now()).toISOString(),
      complaintId: null,
    }),
    hideName: request.hideName,
  };
  await deps.repositories.voice.putItem(item);
  await announceVoiceItem(deps, item);
  return { itemId: item.itemId, themes: item.themes, hideName: item.hideName };
}

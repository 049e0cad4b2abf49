import { randomUUID } from 'node:crypto';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { redactText } from '@zhixiang/shared/privacy/mask';
import type { SubmitRantRequest, SubmitRantResponse } from '@zhixiang/shared/voice/schemas';
import { tagVoice, voiceWeekOf } from '@zhixiang/shared/voice/themes';
import { announceVoiceItem } from './listen-to-voice';
import { type VoiceDeps, voiceItemId } from './voice-access';

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
  const text = redactText(request.text);
  const tags = tagVoice(deps.voiceThemes, text, request.journey);
  const nowMs = deps.now();
  const sourceKey = `rant:${randomUUID()}`;
  const item = {
    itemId: voiceItemId(sourceKey),
    sourceKey,
    source: 'rant' as const,
    text,
    customerId: customer.customerId,
    hideName: request.hideName,
    branchPath: customer.branchPath,
    ...tags,
    week: voiceWeekOf(nowMs),
    at: new Date(nowMs).toISOString(),
    complaintId: null,
    reportedToPath: customer.branchPath,
    escalations: [],
    version: 1,
  };
  await deps.repositories.voice.putItem(item);
  await announceVoiceItem(deps, item);
  return { itemId: item.itemId, themes: tags.themes, hideName: item.hideName };
}

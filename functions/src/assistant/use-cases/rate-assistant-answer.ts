import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { ConversationStore } from '@zhixiang/shared/ports/assistant-conversations';

export const ANSWER_NOT_FOUND_MESSAGE = '未找到该回答';

/**
 * 👍/👎 on one of the assistant's answers, stored on the turn (with its intent, answer id and
 * masked question) for the people who improve the knowledge base. Only whoever had the
 * conversation may rate it; anything else is "not found".
 */
export async function rateAssistantAnswer(
  deps: { repositories: { assistantConversations: Pick<ConversationStore, 'get' | 'rateTurn'> } },
  claims: AccessClaims | null,
  request: { conversationId: string; turn: number; rating: 'up' | 'down' },
): Promise<void> {
  const conversations = deps.repositories.assistantConversations;
  const conversation = await conversations.get(request.conversationId);
  const owner = claims?.sub ?? null;
  const rated =
    conversation?.ownerUserId === owner &&
    request.turn <= conversation.turnCount &&
    (await conversations.rateTurn(request.conversationId, request.turn, request.rating));
  if (!rated) throw new AppError('NOT_FOUND', ANSWER_NOT_FOUND_MESSAGE);
}

import Taro from '@tarojs/taro';
import type { AssistantButton } from '@zhixiang/shared/assistant/chat';

/**
 * The 客服 tab's conversation kept on the phone, so a reload or a return to the tab shows it again
 * and continues it. Kept as long as the assistant keeps a conversation open (2 hours idle), for the
 * same user only, at most the last 60 messages; a message that failed to send is not kept (its
 * text stays in the input box instead).
 */
const HISTORY_KEY = 'zx-assistant-history';
const KEEP_MS = 2 * 3_600_000;
const KEEP_MESSAGES = 60;

export interface StoredChatMessage {
  id: number;
  from: 'customer' | 'assistant';
  text: string[];
  buttons?: AssistantButton[];
  feedback?: { conversationId: string; turn: number; rated?: 'up' | 'down' };
  testId?: string;
}

interface StoredHistory {
  owner: string | null;
  conversationId: string | undefined;
  savedAt: number;
  messages: StoredChatMessage[];
}

export function saveChatHistory(
  owner: string | null,
  conversationId: string | undefined,
  messages: readonly (StoredChatMessage & { failed?: unknown })[],
): void {
  const kept = messages
    .filter((message) => !message.failed)
    .slice(-KEEP_MESSAGES)
    .map(({ id, from, text, buttons, feedback, testId }) => ({
      id,
      from,
      text,
      ...(buttons ? { buttons } : {}),
      ...(feedback ? { feedback } : {}),
      ...(testId ? { testId } : {}),
    }));
  try {
    Taro.setStorageSync(HISTORY_KEY, { owner, conversationId, savedAt: Date.now(), messages: kept });
  } catch {
    // Storage full or unavailable: the conversation still works, it is only not kept.
  }
}

/** The kept conversation of this user, or null when there is none or it is too old to continue. */
export function loadChatHistory(
  owner: string | null,
): { conversationId: string | undefined; messages: StoredChatMessage[] } | null {
  try {
    const stored = Taro.getStorageSync(HISTORY_KEY) as StoredHistory | '' | undefined;
    if (!stored || stored.owner !== owner || Date.now() - stored.savedAt > KEEP_MS) return null;
    if (!Array.isArray(stored.messages) || stored.messages.length === 0) return null;
    return { conversationId: stored.conversationId, messages: stored.messages };
  } catch {
    return null;
  }
}

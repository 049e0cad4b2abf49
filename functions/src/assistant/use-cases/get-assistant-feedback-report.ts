import {
  type FeedbackReport,
  MAX_REPORT_DAYS,
  type ReviewItem,
  summariseReview,
} from '@zhixiang/shared/assistant/feedback-report';
import type { Intent } from '@zhixiang/shared/assistant/intents';
import { AppError } from '@zhixiang/shared/errors';
import { addDays, todayInShanghai } from '@zhixiang/shared/format/dates';
import type { ConversationStore } from '@zhixiang/shared/ports/assistant-conversations';
import type { KnowledgeBaseRepository } from '@zhixiang/shared/ports/knowledge-base';

export interface FeedbackReportDeps {
  repositories: {
    assistantConversations: Pick<ConversationStore, 'listReviewItems'>;
    knowledgeBase: Pick<KnowledgeBaseRepository, 'activeVersion' | 'entriesOf'>;
  };
  now: () => number;
}

/**
 * The staff report of unanswered and 👎 questions for `from`–`to` (Shanghai days, both included;
 * the last 7 days by default, at most 31): one Query per day of the report's index, grouped by
 * question, with the answer given from the active knowledge base. Insurer-wide (the knowledge base
 * is shared by every branch); texts were masked when stored.
 */
export async function getAssistantFeedbackReport(
  deps: FeedbackReportDeps,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<FeedbackReport> {
  const to = range.to ?? todayInShanghai(new Date(deps.now()));
  const from = range.from ?? addDays(to, -6);
  if (Number.isNaN(Date.parse(`${from}T00:00:00Z`)) || Number.isNaN(Date.parse(`${to}T00:00:00Z`)))
    throw new AppError('VALIDATION_FAILED', '日期不存在，请检查开始和结束日期');
  if (from > to) throw new AppError('VALIDATION_FAILED', '开始日期不能晚于结束日期', { field: 'from' });
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    days.push(day);
    if (days.length > MAX_REPORT_DAYS)
      throw new AppError('VALIDATION_FAILED', `一次最多查询 ${MAX_REPORT_DAYS} 天`, { field: 'from' });
  }
  const items: ReviewItem[] = (
    await Promise.all(days.map((day) => deps.repositories.assistantConversations.listReviewItems(day)))
  ).flat();
  return { from, to, ...summariseReview(items, await answerTexts(deps, items)) };
}

/** The answers given, by entry id, from the active version (an entry since removed shows no text). */
async function answerTexts(
  deps: FeedbackReportDeps,
  items: readonly ReviewItem[],
): Promise<Map<string, string>> {
  const active = await deps.repositories.knowledgeBase.activeVersion();
  const intents = new Set<Intent>(items.filter((i) => i.answerId).map((i) => i.intent));
  const texts = new Map<string, string>();
  if (!active) return texts;
  const entries = await Promise.all(
    [...intents].map((intent) => deps.repositories.knowledgeBase.entriesOf(active.version, intent)),
  );
  for (const entry of entries.flat()) texts.set(entry.id, entry.answer);
  return texts;
}

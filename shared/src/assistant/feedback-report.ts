import * as z from 'zod/mini';
import { isoDaySchema } from '../format/input';
import { ASSISTANT_REPLY_KINDS, type AssistantReply } from './chat';
import { INTENT_NAMES, INTENTS, type Intent } from './intents';

/**
 * The knowledge base's improvement report: questions the assistant did not answer —
 * it asked back (clarify), refused (out of scope) or answered with low confidence — and answers
 * customers rated 👎, grouped by question with counts and what was answered, for a date range.
 */

/** An answer below this confidence is listed too: right intent or not, it was a near thing. */
export const LOW_CONFIDENCE = 0.5;
export const MAX_REPORT_DAYS = 31;

/**
 * Why a turn is listed: not answered, rated 👎, or said in anger (the customer-voice stream
 * projects the angry ones; the improvement report leaves them out).
 */
export type ReviewReason = 'unanswered' | 'thumbs_down' | 'angry';

/** Whether a reply (or the stored turn it became) belongs in the report's "unanswered" list. */
export function isUnanswered(turn: Pick<AssistantReply, 'kind' | 'answerId' | 'confidence'>): boolean {
  if (turn.kind === 'clarify' || turn.kind === 'out_of_scope') return true;
  return turn.kind === 'answer' && (turn.answerId === null || turn.confidence < LOW_CONFIDENCE);
}

/** One turn to look at, as the report's index keeps it (masked text only). */
export interface ReviewItem {
  reason: ReviewReason;
  /** The turn it is about (the customer-voice stream projects each once). */
  conversationId: string;
  seq: number;
  day: string;
  at: number;
  text: string;
  intent: Intent;
  confidence: number;
  kind: AssistantReply['kind'];
  answerId: string | null;
  /** An angry turn's score (shared/src/assistant/anger.ts). */
  angerScore?: number;
}

const isoDay = isoDaySchema();
export const FeedbackReportQuerySchema = z.object({ from: z.optional(isoDay), to: z.optional(isoDay) });

const ReportRowSchema = z.object({
  /** The customer's words (masked), as asked; the same words count once per ask. */
  question: z.string(),
  count: z.int(),
  intent: z.enum(INTENTS),
  intentName: z.string(),
  /** What the assistant did: asked back, refused, or answered (with the entry). */
  kind: z.enum(ASSISTANT_REPLY_KINDS),
  answerId: z.nullable(z.string()),
  /** The start of the answer given, when it came from the knowledge base. */
  answerText: z.nullable(z.string()),
  averageConfidence: z.number(),
  lastAskedAt: z.string(),
});
export type ReportRow = z.infer<typeof ReportRowSchema>;

export const FeedbackReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  unanswered: z.array(ReportRowSchema),
  thumbsDown: z.array(ReportRowSchema),
});
export type FeedbackReport = z.infer<typeof FeedbackReportSchema>;

/** Groups the items by reason and question (the same words asked to the same effect), most asked first. */
export function summariseReview(
  items: readonly ReviewItem[],
  answerTexts: ReadonlyMap<string, string>,
): Pick<FeedbackReport, 'unanswered' | 'thumbsDown'> {
  const rows = (reason: ReviewReason): ReportRow[] => {
    const groups = new Map<string, ReviewItem[]>();
    for (const item of items) {
      if (item.reason !== reason) continue;
      const key = `${item.text.trim()}\u0000${item.kind}\u0000${item.answerId ?? ''}`;
      groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    return [...groups.values()]
      .map((group) => {
        const last = group.reduce((a, b) => (b.at > a.at ? b : a));
        const text = last.answerId ? answerTexts.get(last.answerId) : undefined;
        return {
          question: last.text.trim(),
          count: group.length,
          intent: last.intent,
          intentName: INTENT_NAMES[last.intent],
          kind: last.kind,
          answerId: last.answerId,
          answerText: text ? (text.length > 80 ? `${text.slice(0, 80)}…` : text) : null,
          averageConfidence:
            Math.round((group.reduce((s, i) => s + i.confidence, 0) / group.length) * 100) / 100,
          lastAskedAt: new Date(last.at).toISOString(),
        };
      })
      .sort((a, b) => b.count - a.count || b.lastAskedAt.localeCompare(a.lastAskedAt));
  };
  return { unanswered: rows('unanswered'), thumbsDown: rows('thumbs_down') };
}

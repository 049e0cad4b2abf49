import type { AssistantReply } from '../assistant/chat';
import type { ReviewItem } from '../assistant/feedback-report';
import type { Intent } from '../assistant/intents';
import type { MeasurementEvent } from '../standards/measure';

/** What the assistant remembers between the turns of one conversation. */
export interface ConversationState {
  conversationId: string;
  /** The signed-in user who owns the conversation; null for a signed-out visitor. */
  ownerUserId: string | null;
  lastIntent: Intent | null;
  /** Turns in a row that ended in a clarifying question; from the second, a person is offered. */
  misses: number;
  /** The assistant asked "which policy?": the question (intent and entry) and the policies offered. */
  pendingPolicyChoice: { intent: Intent; answerId: string; policyNos: string[] } | null;
  turnCount: number;
  /** Epoch ms of the last turn. */
  updatedAt: number;
  /** Optimistic-concurrency version: 0 before the first save. */
  version: number;
}

/** One turn as stored for the conversation log and the knowledge base's improvement report. */
export interface ConversationTurn {
  conversationId: string;
  /** 1-based position in the conversation. */
  seq: number;
  at: number;
  /** The customer's text with ID numbers and phone numbers masked (never stored raw). */
  text: string;
  intent: Intent;
  confidence: number;
  kind: AssistantReply['kind'];
  answerId: string | null;
  latencyMs: number;
  signedIn: boolean;
  /** The customer's 👍/👎, when given. */
  rating?: 'up' | 'down';
}

export interface ConversationStore {
  get(conversationId: string): Promise<ConversationState | null>;
  /**
   * One transaction: the new state (its `version` must be the stored version + 1, or 1 for a new
   * conversation) and the turn. False when another turn of the conversation was saved meanwhile.
   */
  saveTurn(
    state: ConversationState,
    turn: ConversationTurn,
    expiresAt: number,
    /**
     * Also list the turn in the improvement report's index of its day (unanswered, angry), and write
     * these service-standard measurement events (same transaction).
     */
    options?: {
      unanswered: boolean;
      measurements?: readonly MeasurementEvent[];
      /** The turn was said in anger: listed too (reason `angry`), with its anger score. */
      angerScore?: number | undefined;
    },
  ): Promise<boolean>;
  /** Records 👍/👎 on a turn (a 👎 lists it in the report of its day); false when the turn does not exist. */
  rateTurn(conversationId: string, seq: number, rating: 'up' | 'down'): Promise<boolean>;
  /** The report's items of one day (Asia/Shanghai), unanswered turns and 👎 alike. */
  listReviewItems(day: string): Promise<ReviewItem[]>;
  /** The conversation's turns in order (the transcript a person taking over reads). */
  listTurns(conversationId: string): Promise<ConversationTurn[]>;
}

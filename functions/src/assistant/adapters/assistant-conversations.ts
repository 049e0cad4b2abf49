import { ASSISTANT_REPLY_KINDS } from '@zhixiang/shared/assistant/chat';
import type { ReviewItem, ReviewReason } from '@zhixiang/shared/assistant/feedback-report';
import { INTENTS, type Intent } from '@zhixiang/shared/assistant/intents';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type {
  ConversationState,
  ConversationStore,
  ConversationTurn,
} from '@zhixiang/shared/ports/assistant-conversations';
import { Entity } from 'electrodb';
import {
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '../../platform/dynamodb/document-client';
import {
  ALL_PAGES,
  isConditionalCheckFailed,
  orNull,
  SERVICE_NAME,
  type TableContext,
  TTL_ATTRIBUTE,
  toTtlSeconds,
} from '../../platform/dynamodb/table';

/**
 * A conversation with the assistant: its state item and its turns share one partition, so a turn
 * is one transaction (state under its version + the turn). Both expire with the table's TTL; the
 * use case also ignores a conversation idle for too long, since TTL deletion may lag by hours.
 */
const ttl = TTL_ATTRIBUTE;

const conversationSchema = {
  model: { entity: 'assistantConversation', version: '1', service: SERVICE_NAME },
  attributes: {
    conversationId: { type: 'string', required: true },
    ownerUserId: { type: 'string' },
    lastIntent: { type: INTENTS },
    misses: { type: 'number', required: true },
    pendingIntent: { type: INTENTS },
    pendingAnswerId: { type: 'string' },
    pendingPolicyNos: { type: 'list', items: { type: 'string' } },
    turnCount: { type: 'number', required: true },
    updatedAt: { type: 'number', required: true },
    version: { type: 'number', required: true },
    ttl,
  },
  indexes: {
    byId: {
      pk: {
        field: 'pk',
        composite: ['conversationId'],
        template: 'ASSISTANTCONV#${conversationId}',
        casing: 'none',
      },
      sk: { field: 'sk', composite: [], template: 'STATE', casing: 'none' },
    },
  },
} as const;

const turnSchema = {
  model: { entity: 'assistantTurn', version: '1', service: SERVICE_NAME },
  attributes: {
    conversationId: { type: 'string', required: true },
    seq: { type: 'number', required: true },
    at: { type: 'number', required: true },
    text: { type: 'string', required: true },
    intent: { type: INTENTS, required: true },
    confidence: { type: 'number', required: true },
    kind: { type: ASSISTANT_REPLY_KINDS, required: true },
    answerId: { type: 'string' },
    latencyMs: { type: 'number', required: true },
    signedIn: { type: 'boolean', required: true },
    rating: { type: ['up', 'down'] as const },
    ttl,
  },
  indexes: {
    // A conversation's transcript in order (the future handoff and staff report read it).
    byConversation: {
      pk: {
        field: 'pk',
        composite: ['conversationId'],
        template: 'ASSISTANTCONV#${conversationId}',
        casing: 'none',
      },
      sk: {
        field: 'sk',
        composite: ['seq'],
        template: 'TURN#${seq}',
        casing: 'none',
        padding: { length: 5, char: '0' },
      },
    },
  },
} as const;

// The improvement report's index: one small item per turn to look at (unanswered, or rated 👎),
// under its Shanghai day, so a date range is one Query per day and never a Scan. Same TTL as turns.
const reviewItemSchema = {
  model: { entity: 'assistantReviewItem', version: '1', service: SERVICE_NAME },
  attributes: {
    day: { type: 'string', required: true },
    at: { type: 'number', required: true },
    conversationId: { type: 'string', required: true },
    seq: { type: 'number', required: true },
    reason: { type: ['unanswered', 'thumbs_down'] as const, required: true },
    text: { type: 'string', required: true },
    intent: { type: INTENTS, required: true },
    confidence: { type: 'number', required: true },
    kind: { type: ASSISTANT_REPLY_KINDS, required: true },
    answerId: { type: 'string' },
    ttl,
  },
  indexes: {
    byDay: {
      pk: { field: 'pk', composite: ['day'], template: 'ASSISTANTREVIEW#${day}', casing: 'none' },
      sk: {
        field: 'sk',
        composite: ['at', 'conversationId', 'seq', 'reason'],
        template: '${at}#${conversationId}#${seq}#${reason}',
        casing: 'none',
      },
    },
  },
} as const;

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export function createConversationEntities(ctx: TableContext) {
  return {
    conversation: new Entity(conversationSchema, ctx),
    turn: new Entity(turnSchema, ctx),
    reviewItem: new Entity(reviewItemSchema, ctx),
  };
}

export class DynamoConversationStore implements ConversationStore {
  private readonly conversations;
  private readonly turns;
  private readonly reviewItems;

  constructor(private readonly ctx: TableContext) {
    const entities = createConversationEntities(ctx);
    this.conversations = entities.conversation;
    this.turns = entities.turn;
    this.reviewItems = entities.reviewItem;
  }

  private reviewItem(turn: ConversationTurn, reason: ReviewReason, expiresAtSeconds: number) {
    return {
      day: todayInShanghai(new Date(turn.at)),
      at: turn.at,
      conversationId: turn.conversationId,
      seq: turn.seq,
      reason,
      text: turn.text,
      intent: turn.intent,
      confidence: turn.confidence,
      kind: turn.kind,
      ...(turn.answerId ? { answerId: turn.answerId } : {}),
      ttl: expiresAtSeconds,
    };
  }

  async listReviewItems(day: string): Promise<ReviewItem[]> {
    const { data } = await this.reviewItems.query.byDay({ day }).go(ALL_PAGES);
    return data.map((item) => ({
      reason: item.reason,
      conversationId: item.conversationId,
      seq: item.seq,
      day: item.day,
      at: item.at,
      text: item.text,
      intent: item.intent,
      confidence: item.confidence,
      kind: item.kind,
      answerId: orNull(item.answerId),
    }));
  }

  async get(conversationId: string): Promise<ConversationState | null> {
    const { data } = await this.conversations.get({ conversationId }).go();
    if (!data) return null;
    return {
      conversationId: data.conversationId,
      ownerUserId: orNull(data.ownerUserId),
      lastIntent: (data.lastIntent as Intent | undefined) ?? null,
      misses: data.misses,
      pendingPolicyChoice:
        data.pendingIntent && data.pendingAnswerId && data.pendingPolicyNos
          ? {
              intent: data.pendingIntent as Intent,
              answerId: data.pendingAnswerId,
              policyNos: data.pendingPolicyNos,
            }
          : null,
      turnCount: data.turnCount,
      updatedAt: data.updatedAt,
      version: data.version,
    };
  }

  async listTurns(conversationId: string): Promise<ConversationTurn[]> {
    const { data } = await this.turns.query.byConversation({ conversationId }).go(ALL_PAGES);
    return data.map((t) => ({
      conversationId: t.conversationId,
      seq: t.seq,
      at: t.at,
      text: t.text,
      intent: t.intent,
      confidence: t.confidence,
      kind: t.kind,
      answerId: orNull(t.answerId),
      latencyMs: t.latencyMs,
      signedIn: t.signedIn,
      ...(t.rating ? { rating: t.rating } : {}),
    }));
  }

  async rateTurn(conversationId: string, seq: number, rating: 'up' | 'down'): Promise<boolean> {
    let turn: (ConversationTurn & { ttl?: number }) | null;
    try {
      const { data } = await this.turns
        .patch({ conversationId, seq })
        .set({ rating })
        .go({ response: 'all_new' });
      turn = data
        ? { ...(data as ConversationTurn), answerId: orNull((data as { answerId?: string }).answerId) }
        : null;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
    if (!turn) return true;
    // The rating's report entry follows the latest rating: 👎 lists the turn, 👍 takes it off.
    const item = this.reviewItem(turn, 'thumbs_down', turn.ttl ?? toTtlSeconds(turn.at + 30 * 86_400_000));
    if (rating === 'down') await this.reviewItems.put(item).go();
    else await this.reviewItems.delete(item).go();
    return true;
  }

  async saveTurn(
    state: ConversationState,
    turn: ConversationTurn,
    expiresAt: number,
    options: { unanswered: boolean } = { unanswered: false },
  ): Promise<boolean> {
    const expiresAtSeconds = toTtlSeconds(expiresAt);
    const previousVersion = state.version - 1;
    const put = this.conversations
      .put({
        conversationId: state.conversationId,
        ...(state.ownerUserId ? { ownerUserId: state.ownerUserId } : {}),
        ...(state.lastIntent ? { lastIntent: state.lastIntent } : {}),
        misses: state.misses,
        ...(state.pendingPolicyChoice
          ? {
              pendingIntent: state.pendingPolicyChoice.intent,
              pendingAnswerId: state.pendingPolicyChoice.answerId,
              pendingPolicyNos: state.pendingPolicyChoice.policyNos,
            }
          : {}),
        turnCount: state.turnCount,
        updatedAt: state.updatedAt,
        version: state.version,
        ttl: expiresAtSeconds,
      })
      .where((attr, op) =>
        previousVersion === 0 ? op.notExists(attr.conversationId) : op.eq(attr.version, previousVersion),
      )
      .params() as TransactItem['Put'];
    const turnPut = this.turns
      .put({
        conversationId: turn.conversationId,
        seq: turn.seq,
        at: turn.at,
        text: turn.text,
        intent: turn.intent,
        confidence: turn.confidence,
        kind: turn.kind,
        ...(turn.answerId ? { answerId: turn.answerId } : {}),
        latencyMs: turn.latencyMs,
        signedIn: turn.signedIn,
        ttl: expiresAtSeconds,
      })
      .params() as TransactItem['Put'];
    try {
      await this.ctx.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: put },
            { Put: turnPut },
            ...(options.unanswered
              ? [
                  {
                    Put: this.reviewItems
                      .put(this.reviewItem(turn, 'unanswered', expiresAtSeconds))
                      .params() as TransactItem['Put'],
                  },
                ]
              : []),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }
}

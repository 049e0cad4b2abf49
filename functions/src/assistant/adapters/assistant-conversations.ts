import type { ReviewItem, ReviewReason } from '@zhixiang/shared/assistant/feedback-report';
import type { Intent } from '@zhixiang/shared/assistant/intents';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type {
  ConversationState,
  ConversationStore,
  ConversationTurn,
} from '@zhixiang/shared/ports/assistant-conversations';
import type { MeasurementEvent } from '@zhixiang/shared/standards/measure';
import {
  DeleteCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '../../platform/dynamodb/document-client';
import {
  entityItem,
  entityItems,
  isConditionalCheckFailed,
  isEntityItem,
  orNull,
  queryAll,
  type TableContext,
  toTtlSeconds,
} from '../../platform/dynamodb/table';
import { measurementPut } from '../../platform/measurement/measurement-stream';
import { getItem, type RawItem as Item } from '../../platform/records/point-reads';

/**
 * A conversation with the assistant: its state item (`ASSISTANTCONV#<id>` / `STATE`) and its turns
 * (`TURN#<seq>`) share one partition, so a turn is one transaction (state under its version + the
 * turn). Both expire with the table's TTL (`expiresAt`, epoch seconds); the use case also ignores a
 * conversation idle for too long, since TTL deletion may lag by hours.
 *
 * The improvement report's index: one small item per turn to look at (unanswered, or rated 👎),
 * under its Shanghai day (`ASSISTANTREVIEW#<day>`), so a date range is one Query per day and never
 * a Scan. Same TTL as turns.
 */
const CONVERSATION = 'assistantConversation';
const TURN = 'assistantTurn';
const REVIEW_ITEM = 'assistantReviewItem';

const conversationPk = (conversationId: string) => `ASSISTANTCONV#${conversationId}`;
/** The seq padded to 10 digits, so that the keys sort in turn order (`TURN#0000000003`). */
const turnKey = (conversationId: string, seq: number) => ({
  pk: conversationPk(conversationId),
  sk: `TURN#${String(seq).padStart(10, '0')}`,
});
const reviewKey = (r: {
  day: string;
  at: number;
  conversationId: string;
  seq: number;
  reason: ReviewReason;
}) => ({
  pk: `ASSISTANTREVIEW#${r.day}`,
  sk: `${r.at}#${r.conversationId}#${r.seq}#${r.reason}`,
});

/** The conversation's state as stored; `expiresAt` is the TTL (epoch seconds). */
export function conversationItem(state: ConversationState, expiresAt: number): Item {
  const pending = state.pendingPolicyChoice;
  return entityItem(CONVERSATION, {
    conversationId: state.conversationId,
    ownerUserId: state.ownerUserId || undefined,
    lastIntent: state.lastIntent || undefined,
    misses: state.misses,
    pendingIntent: pending?.intent,
    pendingAnswerId: pending?.answerId,
    pendingPolicyNos: pending?.policyNos,
    turnCount: state.turnCount,
    updatedAt: state.updatedAt,
    version: state.version,
    expiresAt,
    pk: conversationPk(state.conversationId),
    sk: 'STATE',
  });
}

/** A turn as stored (without its rating, which only `rateTurn` writes). */
export function turnItem(turn: ConversationTurn, expiresAt: number): Item {
  return entityItem(TURN, {
    conversationId: turn.conversationId,
    seq: turn.seq,
    at: turn.at,
    text: turn.text,
    intent: turn.intent,
    confidence: turn.confidence,
    kind: turn.kind,
    answerId: turn.answerId || undefined,
    latencyMs: turn.latencyMs,
    signedIn: turn.signedIn,
    expiresAt,
    ...turnKey(turn.conversationId, turn.seq),
  });
}

/** A turn's entry in the improvement report of its day. */
export function reviewItemItem(
  turn: ConversationTurn,
  reason: ReviewReason,
  expiresAt: number,
  angerScore?: number,
): Item {
  const entry = {
    day: todayInShanghai(new Date(turn.at)),
    at: turn.at,
    conversationId: turn.conversationId,
    seq: turn.seq,
    reason,
  };
  return entityItem(REVIEW_ITEM, {
    ...entry,
    text: turn.text,
    intent: turn.intent,
    confidence: turn.confidence,
    kind: turn.kind,
    answerId: turn.answerId || undefined,
    angerScore,
    expiresAt,
    ...reviewKey(entry),
  });
}

export class DynamoConversationStore implements ConversationStore {
  constructor(private readonly ctx: TableContext) {}

  async listReviewItems(day: string): Promise<ReviewItem[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `ASSISTANTREVIEW#${day}` },
    });
    return entityItems(REVIEW_ITEM, items).map((item) => ({
      reason: item.reason as ReviewItem['reason'],
      conversationId: item.conversationId as string,
      seq: item.seq as number,
      day: item.day as string,
      at: item.at as number,
      text: item.text as string,
      intent: item.intent as ReviewItem['intent'],
      confidence: item.confidence as number,
      kind: item.kind as ReviewItem['kind'],
      answerId: orNull(item.answerId as string | undefined),
      ...(typeof item.angerScore === 'number' ? { angerScore: item.angerScore } : {}),
    }));
  }

  async get(conversationId: string): Promise<ConversationState | null> {
    const item = await getItem(this.ctx, { pk: conversationPk(conversationId), sk: 'STATE' });
    if (!isEntityItem(CONVERSATION, item)) return null;
    const pendingIntent = item.pendingIntent as Intent | undefined;
    const pendingAnswerId = item.pendingAnswerId as string | undefined;
    const pendingPolicyNos = item.pendingPolicyNos as string[] | undefined;
    return {
      conversationId: item.conversationId as string,
      ownerUserId: orNull(item.ownerUserId as string | undefined),
      lastIntent: (item.lastIntent as Intent | undefined) ?? null,
      misses: item.misses as number,
      pendingPolicyChoice:
        pendingIntent && pendingAnswerId && pendingPolicyNos
          ? { intent: pendingIntent, answerId: pendingAnswerId, policyNos: pendingPolicyNos }
          : null,
      turnCount: item.turnCount as number,
      updatedAt: item.updatedAt as number,
      version: item.version as number,
    };
  }

  async listTurns(conversationId: string): Promise<ConversationTurn[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :turn)',
      ExpressionAttributeValues: { ':pk': conversationPk(conversationId), ':turn': 'TURN#' },
    });
    return entityItems(TURN, items).map(toTurn);
  }

  async rateTurn(conversationId: string, seq: number, rating: 'up' | 'down'): Promise<boolean> {
    let rated: Item;
    try {
      const { Attributes } = await this.ctx.client.send(
        new UpdateCommand({
          TableName: this.ctx.table,
          Key: turnKey(conversationId, seq),
          UpdateExpression:
            'SET #rating = :rating, #conversationId = :conversationId, #seq = :seq, #e = :e, #v = :v',
          ConditionExpression: 'attribute_exists(pk) AND attribute_exists(sk)',
          ExpressionAttributeNames: {
            '#rating': 'rating',
            '#conversationId': 'conversationId',
            '#seq': 'seq',
            '#e': '__edb_e__',
            '#v': '__edb_v__',
          },
          ExpressionAttributeValues: {
            ':rating': rating,
            ':conversationId': conversationId,
            ':seq': seq,
            ':e': TURN,
            ':v': '1',
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      rated = Attributes as Item;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
    const turn = toTurn(rated);
    const expiresAt = (rated.expiresAt as number | undefined) ?? toTtlSeconds(turn.at + 30 * 86_400_000);
    // The rating's report entry follows the latest rating: 👎 lists the turn, 👍 takes it off.
    const item = reviewItemItem(turn, 'thumbs_down', expiresAt);
    if (rating === 'down')
      await this.ctx.client.send(new PutCommand({ TableName: this.ctx.table, Item: item }));
    else
      await this.ctx.client.send(
        new DeleteCommand({ TableName: this.ctx.table, Key: { pk: item.pk, sk: item.sk } }),
      );
    return true;
  }

  async saveTurn(
    state: ConversationState,
    turn: ConversationTurn,
    expiresAt: number,
    options: {
      unanswered: boolean;
      measurements?: readonly MeasurementEvent[];
      angerScore?: number | undefined;
    } = { unanswered: false },
  ): Promise<boolean> {
    const expiresAtSeconds = toTtlSeconds(expiresAt);
    const previousVersion = state.version - 1;
    try {
      await this.ctx.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              // The state under the version read: new, or still at the previous version.
              Put: {
                TableName: this.ctx.table,
                Item: conversationItem(state, expiresAtSeconds),
                ...(previousVersion === 0
                  ? {
                      ConditionExpression: 'attribute_not_exists(#conversationId)',
                      ExpressionAttributeNames: { '#conversationId': 'conversationId' },
                    }
                  : {
                      ConditionExpression: '#version = :previous',
                      ExpressionAttributeNames: { '#version': 'version' },
                      ExpressionAttributeValues: { ':previous': previousVersion },
                    }),
              },
            },
            { Put: { TableName: this.ctx.table, Item: turnItem(turn, expiresAtSeconds) } },
            ...(options.unanswered
              ? [
                  {
                    Put: {
                      TableName: this.ctx.table,
                      Item: reviewItemItem(turn, 'unanswered', expiresAtSeconds),
                    },
                  },
                ]
              : []),
            // An angry turn, listed for the customer-voice stream (客户之声) with the turn itself.
            ...(options.angerScore !== undefined
              ? [
                  {
                    Put: {
                      TableName: this.ctx.table,
                      Item: reviewItemItem(turn, 'angry', expiresAtSeconds, options.angerScore),
                    },
                  },
                ]
              : []),
            ...(options.measurements ?? []).map((event) => measurementPut(this.ctx, event)),
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

function toTurn(item: Item): ConversationTurn {
  return {
    conversationId: item.conversationId as string,
    seq: item.seq as number,
    at: item.at as number,
    text: item.text as string,
    intent: item.intent as Intent,
    confidence: item.confidence as number,
    kind: item.kind as ConversationTurn['kind'],
    answerId: orNull(item.answerId as string | undefined),
    latencyMs: item.latencyMs as number,
    signedIn: item.signedIn as boolean,
    ...(item.rating ? { rating: item.rating as 'up' | 'down' } : {}),
  };
}

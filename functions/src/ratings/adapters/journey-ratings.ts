import type { JourneyRatingRecord, JourneyRatingStore } from '@zhixiang/shared/ports/ratings';
import type { VoiceItemRecord } from '@zhixiang/shared/ports/voice';
import type { RatingJourney } from '@zhixiang/shared/ratings/schemas';
import type { MeasurementEvent } from '@zhixiang/shared/standards/measure';
import { TransactWriteCommand } from '../../platform/dynamodb/document-client';
import { conditionally, entityItem, type TableContext } from '../../platform/dynamodb/table';
import { measurementPut } from '../../platform/measurement/measurement-stream';
import { batchGetItems } from '../../platform/records/point-reads';
import { voiceItemPuts } from '../../voice/adapters/voice-store';

/**
 * Journey ratings (服务评价) on the one table: the rating `RATING#<journey>#<subjectId>` / `RATING`
 * (created only if absent: one per journey instance) and its audit entry in the same partition,
 * `AUDIT#<at>#rated`. Read by key only (the pending list asks for the keys of the caller's ended
 * journeys), so no index.
 */
const ratingPk = (journey: RatingJourney, subjectId: string) => `RATING#${journey}#${subjectId}`;

export function journeyRatingItem(rating: JourneyRatingRecord): Record<string, unknown> {
  return entityItem('journeyRating', {
    pk: ratingPk(rating.journey, rating.subjectId),
    sk: 'RATING',
    ...rating,
  });
}

export function journeyRatingAuditItem(rating: JourneyRatingRecord): Record<string, unknown> {
  return entityItem('journeyRatingAudit', {
    pk: ratingPk(rating.journey, rating.subjectId),
    sk: `AUDIT#${rating.at}#rated`,
    action: 'rated',
    actorUserId: rating.userId,
    customerId: rating.customerId,
    score: rating.score,
    hasComment: rating.comment !== null,
    at: rating.at,
  });
}

function fromItem(item: Record<string, unknown>): JourneyRatingRecord {
  return {
    journey: item.journey as RatingJourney,
    subjectId: String(item.subjectId),
    customerId: String(item.customerId),
    userId: String(item.userId),
    branchPath: String(item.branchPath),
    policyNo: (item.policyNo as string | undefined) ?? null,
    score: Number(item.score),
    comment: (item.comment as string | undefined) ?? null,
    at: String(item.at),
  };
}

export class DynamoJourneyRatingStore implements JourneyRatingStore {
  constructor(private readonly ctx: TableContext) {}

  rate(
    rating: JourneyRatingRecord,
    measurement: MeasurementEvent,
    voiceItem: VoiceItemRecord | null,
  ): Promise<boolean> {
    return conditionally(
      this.ctx,
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.ctx.table,
              Item: journeyRatingItem(rating),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          { Put: { TableName: this.ctx.table, Item: journeyRatingAuditItem(rating) } },
          // The standards' satisfaction figures count the rating exactly when it exists.
          measurementPut(this.ctx, measurement),
          // A rating that is voice joins the stream with it, or neither is written.
          ...(voiceItem ? voiceItemPuts(this.ctx.table, voiceItem) : []),
        ],
      }),
    );
  }

  async listRated(
    keys: readonly { journey: RatingJourney; subjectId: string }[],
  ): Promise<JourneyRatingRecord[]> {
    const chunks: { pk: string; sk: string }[][] = [];
    const all = keys.map((k) => ({ pk: ratingPk(k.journey, k.subjectId), sk: 'RATING' }));
    for (let i = 0; i < all.length; i += 100) chunks.push(all.slice(i, i + 100));
    const found = await Promise.all(chunks.map((chunk) => batchGetItems(this.ctx, chunk)));
    return found.flatMap((items) => [...items.values()].map(fromItem));
  }
}

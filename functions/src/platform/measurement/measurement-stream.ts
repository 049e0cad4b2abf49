import { nextDate, shanghaiDate } from '@zhixiang/shared/complaints/calendar';
import type { MeasurementEvent } from '@zhixiang/shared/standards/measure';
import {
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '../dynamodb/document-client';
import { conditionally, queryAll, queryPages, type TableContext } from '../dynamodb/table';

/**
 * The measurement stream (服务标准的度量事件流): every measured thing that happened, in one shape
 * (`MeasurementEvent`), whoever reported it. A context's audit event reaches it inside the same
 * transaction that writes the audit event (`measurementPut`), so it is there exactly when the audit
 * trail is; the insurer's other systems reach it through the signed ingestion route (`publish`,
 * once per event id).
 *
 * Keys: `pk=MEVENT#<eventId>`, `sk=MEVENT` (one item per event id: a repeat is refused or
 * overwrites itself); gsi1 = the Shanghai day the thing happened (`MEVENTS#<YYYY-MM-DD>`,
 * `<at, 13 digits>#<eventId>`), read day by day for attainment; gsi2 = one journey instance
 * (`MCASE#<caseId>`, same sort key), read for a breached case's timeline.
 */
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const sortKey = (event: Pick<MeasurementEvent, 'at' | 'eventId'>) =>
  `${String(event.at).padStart(13, '0')}#${event.eventId}`;
export const measurementDayKey = (date: string) => `MEVENTS#${date}`;
export const measurementCaseKey = (caseId: string) => `MCASE#${caseId}`;

function toItem(event: MeasurementEvent): Record<string, unknown> {
  return {
    pk: `MEVENT#${event.eventId}`,
    sk: 'MEVENT',
    gsi1pk: measurementDayKey(shanghaiDate(event.at)),
    gsi1sk: sortKey(event),
    gsi2pk: measurementCaseKey(event.caseId),
    gsi2sk: sortKey(event),
    ...event,
  };
}

function fromItem(item: Record<string, unknown>): MeasurementEvent {
  return {
    eventId: item.eventId as string,
    type: item.type as string,
    at: item.at as number,
    caseId: item.caseId as string,
    branchPath: item.branchPath as string,
    policyNo: (item.policyNo as string | null | undefined) ?? null,
    actor: item.actor as string,
    source: item.source as MeasurementEvent['source'],
    ...(typeof item.score === 'number' ? { score: item.score } : {}),
  };
}

/** The event as one item of the caller's transaction (written with the audit event it mirrors). */
export function measurementPut(ctx: TableContext, event: MeasurementEvent): TransactItem {
  return { Put: { TableName: ctx.table, Item: toItem(event) } };
}

export class MeasurementStream {
  constructor(private readonly ctx: TableContext) {}

  /** Appends the event once: false when an event with its id is already in the stream. */
  publish(event: MeasurementEvent): Promise<boolean> {
    return conditionally(
      this.ctx,
      new PutCommand({
        TableName: this.ctx.table,
        Item: toItem(event),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  /**
   * A timing with no record behind it (a search's start and stop): its events in one request, all
   * or none, so a case never has its start without its stop. Their ids are the case's own, so
   * writing them again overwrites them with themselves.
   */
  async record(events: readonly MeasurementEvent[]): Promise<void> {
    await this.ctx.client.send(
      new TransactWriteCommand({ TransactItems: events.map((event) => measurementPut(this.ctx, event)) }),
    );
  }

  /**
   * Every event that happened in `[fromMs, toMs)`, one Query per Shanghai day, a page at a time, in
   * event order (time, then event id: the index's sort key), for a job that folds them as they come
   * instead of holding them all.
   */
  async *pagesBetween(fromMs: number, toMs: number): AsyncGenerator<MeasurementEvent[]> {
    const last = shanghaiDate(toMs - 1);
    for (let day = shanghaiDate(fromMs); day <= last; day = nextDate(day)) {
      for await (const items of queryPages(this.ctx, {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': measurementDayKey(day),
          ':from': sortKey({ at: fromMs, eventId: '' }),
          ':to': sortKey({ at: toMs - 1, eventId: '\uffff' }),
        },
      }))
        yield items.map(fromItem);
    }
  }

  /** One journey instance's events in time order (a case's timeline). */
  async listCase(caseId: string): Promise<MeasurementEvent[]> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': measurementCaseKey(caseId) },
    });
    return items.map(fromItem);
  }
}

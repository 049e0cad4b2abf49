import { callbackMeasurement } from '@zhixiang/shared/callback/measurement';
import {
  ALREADY_BOOKED_MESSAGE,
  BOOKING_CHANGED_MESSAGE,
  type BookingStatus,
  BUSY_MESSAGE,
  CALLBACK_POINTS,
  SLOT_FULL_MESSAGE,
  SLOT_UNAVAILABLE_MESSAGE,
} from '@zhixiang/shared/callback/schemas';
import { type SlotTime, slotIdOf, slotStartAt } from '@zhixiang/shared/callback/window';
import { AppError } from '@zhixiang/shared/errors';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type {
  CallbackBookingRecord,
  CallbackBookingRepository,
  CallbackDisputeEntry,
  CallbackFollowUpRecord,
  CallbackSlotRecord,
  HolderBooking,
  NewBooking,
  ProblemCaseExtras,
} from '@zhixiang/shared/ports/callback-bookings';
import {
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '../../platform/dynamodb/document-client';
import {
  cancellationCodes,
  conditionally,
  entityItem,
  isConditionalCheckFailed,
  orNull,
  queryAll,
  retryingTransactionConflicts,
  type TableContext,
} from '../../platform/dynamodb/table';
import { measurementPut } from '../../platform/measurement/measurement-stream';
import { batchGetItems, getItem, type RawItem } from '../../platform/records/point-reads';
import type { DynamoPolicyRepository } from '../../platform/records/policies';
import { voiceItemPuts } from '../../voice/adapters/voice-store';

/*
 * The call centre's capacity and the policies' callbacks, on the one table (key shapes:
 * docs/dynamodb-access-patterns.md, "New-policy callback"). Every item carries its entity
 * markers (`entityItem`).
 *
 * - A slot: one item per 30-minute slot, one partition per day so a customer's window (≤ 16 days)
 *   is a handful of Queries. `booked` only ever changes inside a transaction guarded by
 *   `booked < seats`, which is what makes overbooking impossible.
 * - A policy's booking, keyed by the policy alone, so the item itself is the guard of "one active
 *   booking per policy": a new booking is a Put conditioned on no active item. gsi1 holds the call
 *   centre's day (every booking of a date in slot order), gsi2 the reminder job's day (a day's
 *   reminders in due order, read up to "now": no Scan).
 * - A problem case raised by a callback, beside the booking in the policy's partition. While open
 *   it is in the one open-cases partition of gsi1, sorted by branch path, so a branch's subtree is
 *   a single begins_with Query; resolving it rewrites the item without the index keys (sparse).
 *   The outcome's transaction also puts the case's voice item (客户之声) with its announcement entry
 *   and, when the customer disputes the sale, the dispute's outbox entry
 *   (`POLICY#<no>` / `CALLBACKDISPUTE#<recordedAt>`, on gsi1 under `CALLBACKDISPUTES#PENDING` until
 *   the complaints context has opened its complaint).
 */
const slotKey = (slot: SlotTime) => ({ pk: `CALLBACKSLOT#${slot.date}`, sk: `SLOT#${slot.start}` });
const bookingKey = (policyNo: string) => ({ pk: `POLICY#${policyNo}`, sk: 'CALLBACK' });
const followUpKey = (policyNo: string) => ({ pk: `POLICY#${policyNo}`, sk: 'CALLBACKFOLLOWUP' });
const OPEN_FOLLOW_UPS = 'CALLBACKFOLLOWUPS#OPEN';
const disputeKey = (e: Pick<CallbackDisputeEntry, 'policyNo' | 'recordedAt'>) => ({
  pk: `POLICY#${e.policyNo}`,
  sk: `CALLBACKDISPUTE#${e.recordedAt}`,
});
const PENDING_DISPUTES = 'CALLBACKDISPUTES#PENDING';

/** A booking as a write takes it: a holder's own booking has no branch path yet. */
type BookingToWrite = Omit<CallbackBookingRecord, 'branchPath'> & { branchPath?: string };

export function callbackSlotItem(slot: SlotTime & Omit<CallbackSlotRecord, 'slotId'>): RawItem {
  return entityItem('callbackSlot', {
    ...slotKey(slot),
    date: slot.date,
    start: slot.start,
    seats: slot.seats,
    booked: slot.booked,
    open: slot.open,
  });
}

export function callbackBookingItem(record: BookingToWrite): RawItem {
  const reminderDay = todayInShanghai(new Date(record.reminderDueAt));
  return entityItem('callbackBooking', {
    ...bookingKey(record.policyNo),
    gsi1pk: `CALLBACKDAY#${record.date}`,
    gsi1sk: `${record.start}#${record.policyNo}`,
    gsi2pk: `CALLBACKREMINDERS#${reminderDay}`,
    gsi2sk: `${record.reminderDueAt}#${record.policyNo}`,
    policyNo: record.policyNo,
    slotId: record.slotId,
    date: record.date,
    start: record.start,
    status: record.status,
    customerId: record.customerId,
    branchPath: record.branchPath,
    rescheduleCount: record.rescheduleCount,
    reminderDueAt: record.reminderDueAt,
    /** Asia/Shanghai day of reminderDueAt: the reminder index's partition. */
    reminderDay,
    reminderSentAt: record.reminderSentAt,
    outcome: record.outcome ? outcomeItem(record.outcome) : undefined,
    version: record.version,
    updatedAt: record.updatedAt,
  });
}

/** The outcome map keeps the seven points only, and no absent member. */
function outcomeItem(outcome: NonNullable<CallbackBookingRecord['outcome']>): RawItem {
  const item: RawItem = {};
  if (outcome.points) {
    const points: RawItem = {};
    for (const point of CALLBACK_POINTS)
      if (typeof outcome.points[point] === 'boolean') points[point] = outcome.points[point];
    item.points = points;
  }
  if (outcome.note !== null && outcome.note !== undefined) item.note = outcome.note;
  if (outcome.disputesSale) item.disputesSale = true;
  item.recordedBy = outcome.recordedBy;
  item.recordedAt = outcome.recordedAt;
  return item;
}

/** An open case is in the open-cases index (gsi1); a resolved one is not. */
export function callbackFollowUpItem(record: CallbackFollowUpRecord): RawItem {
  return entityItem('callbackFollowUp', {
    ...followUpKey(record.policyNo),
    ...(record.status === 'open'
      ? {
          gsi1pk: OPEN_FOLLOW_UPS,
          gsi1sk: `${record.branchPath}/#${record.raisedAt}#${record.policyNo}`,
        }
      : {}),
    policyNo: record.policyNo,
    customerId: record.customerId,
    branchPath: record.branchPath,
    note: record.note,
    disputesSale: record.disputesSale || undefined,
    raisedBy: record.raisedBy,
    raisedAt: record.raisedAt,
    status: record.status,
    resolution: record.resolution
      ? {
          note: record.resolution.note,
          resolvedBy: record.resolution.resolvedBy,
          resolvedAt: record.resolution.resolvedAt,
        }
      : undefined,
  });
}

type SlotItem = SlotTime & Omit<CallbackSlotRecord, 'slotId'>;
interface BookingItem extends Omit<CallbackBookingRecord, 'branchPath' | 'reminderSentAt' | 'outcome'> {
  branchPath?: string;
  reminderSentAt?: number;
  outcome?: {
    points?: Partial<Record<(typeof CALLBACK_POINTS)[number], boolean>>;
    note?: string;
    disputesSale?: boolean;
    recordedBy: string;
    recordedAt: number;
  };
}
interface FollowUpItem extends Omit<CallbackFollowUpRecord, 'resolution' | 'disputesSale'> {
  resolution?: NonNullable<CallbackFollowUpRecord['resolution']>;
  disputesSale?: boolean;
}
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Contended transactions are retried this often before the customer is asked to try again. */
const MAX_ATTEMPTS = 12;

/** What the bookings need of the policies: the holder's check in the transaction, the branch after. */
export type CallbackPolicyChecks = Pick<DynamoPolicyRepository, 'transactCallbackCheck' | 'branchPaths'>;

export class DynamoCallbackBookingRepository implements CallbackBookingRepository {
  constructor(
    private readonly ctx: TableContext,
    private readonly policies: CallbackPolicyChecks,
  ) {}

  async getSlot(slotId: string): Promise<CallbackSlotRecord | null> {
    const item = await getItem(this.ctx, slotKey(slotTimeOf(slotId)));
    return item ? toSlot(item as unknown as SlotItem) : null;
  }

  async listSlotsOfDates(dates: readonly string[]): Promise<CallbackSlotRecord[]> {
    const days = await Promise.all(
      dates.map((date) =>
        queryAll(this.ctx, {
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :slot)',
          ExpressionAttributeValues: { ':pk': `CALLBACKSLOT#${date}`, ':slot': 'SLOT#' },
        }),
      ),
    );
    return days.flatMap((day) => day.map((item) => toSlot(item as unknown as SlotItem)));
  }

  async createSlots(slots: readonly SlotTime[], seats: number) {
    // One Query per day first, so laying out a schedule again writes only what is missing.
    const existing = new Set(
      (await this.listSlotsOfDates([...new Set(slots.map((s) => s.date))])).map((s) => s.slotId),
    );
    const missing = slots.filter((slot) => !existing.has(slotIdOf(slot)));
    let created = 0;
    // Conditional creates, never a blind Put: a slot created meanwhile keeps its seats and bookings.
    for (let i = 0; i < missing.length; i += 50) {
      const results = await Promise.all(
        missing.slice(i, i + 50).map((slot) =>
          conditionally(
            this.ctx,
            new PutCommand({
              TableName: this.ctx.table,
              Item: callbackSlotItem({ date: slot.date, start: slot.start, seats, booked: 0, open: true }),
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          ),
        ),
      );
      created += results.filter(Boolean).length;
    }
    return { created, existing: slots.length - created };
  }

  async updateSlot(slotId: string, change: { seats?: number; open?: boolean }) {
    const time = slotTimeOf(slotId);
    const set: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    if (change.seats !== undefined) {
      set.push('#seats = :seats');
      names['#seats'] = 'seats';
      values[':seats'] = change.seats;
      names['#booked'] = 'booked';
    }
    if (change.open !== undefined) {
      set.push('#open = :open');
      names['#open'] = 'open';
      values[':open'] = change.open;
    }
    try {
      const { Attributes } = await this.ctx.client.send(
        new UpdateCommand({
          TableName: this.ctx.table,
          Key: slotKey(time),
          UpdateExpression: `SET ${set.join(', ')}`,
          // Seats never go below what is booked.
          ConditionExpression:
            change.seats === undefined
              ? 'attribute_exists(pk)'
              : 'attribute_exists(pk) AND #booked <= :seats',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return toSlot(Attributes as SlotItem);
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      const slot = await this.getSlot(slotId);
      if (!slot) throw new AppError('NOT_FOUND', '未找到该时段');
      throw new AppError('CONFLICT', `席位数不能少于已预约人数（${slot.booked}）`, { cause: error });
    }
  }

  async getBooking(policyNo: string): Promise<CallbackBookingRecord | null> {
    const item = await getItem(this.ctx, bookingKey(policyNo));
    return item ? ((await this.toBookings([item as unknown as BookingItem]))[0] ?? null) : null;
  }

  async getBookings(policyNos: readonly string[]): Promise<CallbackBookingRecord[]> {
    const keys = [...new Set(policyNos)].map(bookingKey);
    // One BatchGetItem per 100 keys (keys left unprocessed under load are asked again).
    const chunks: (typeof keys)[] = [];
    for (let i = 0; i < keys.length; i += 100) chunks.push(keys.slice(i, i + 100));
    const found = await Promise.all(chunks.map((chunk) => batchGetItems(this.ctx, chunk)));
    return this.toBookings(found.flatMap((items) => [...items.values()] as unknown as BookingItem[]));
  }

  async listBookingsOfDate(date: string): Promise<CallbackBookingRecord[]> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `CALLBACKDAY#${date}` },
    });
    return this.toBookings(items as unknown as BookingItem[]);
  }

  async bookAsHolder(booking: HolderBooking): Promise<CallbackBookingRecord | null> {
    const { today, ...fields } = booking;
    const record: Omit<CallbackBookingRecord, 'branchPath'> = {
      ...fields,
      status: 'booked',
      rescheduleCount: 0,
      reminderSentAt: null,
      outcome: null,
      version: 1,
    };
    let refused = false;
    try {
      await this.transact(
        () => [
          this.policies.transactCallbackCheck(booking.policyNo, {
            holderId: booking.customerId,
            slotStartAt: slotStartAt(booking),
            today,
          }),
          { Update: this.takeSeat(record) },
          { Put: this.putBooking(record, null) },
        ],
        async () => {
          refused = true;
        },
      );
    } catch (error) {
      if (refused) return null;
      throw error;
    }
    return { ...record, branchPath: '' };
  }

  async book(
    booking: NewBooking,
    previous: CallbackBookingRecord | null = null,
  ): Promise<CallbackBookingRecord> {
    const record: CallbackBookingRecord = {
      ...booking,
      status: 'booked',
      rescheduleCount: previous ? rescheduleCountAfter(previous) : 0,
      reminderSentAt: null,
      outcome: null,
      version: (previous?.version ?? 0) + 1,
    };
    await this.transact(
      () => [{ Update: this.takeSeat(record) }, { Put: this.putBooking(record, previous) }],
      async (failed) => {
        if (failed[1]) throw new AppError('CONFLICT', ALREADY_BOOKED_MESSAGE);
        await this.throwSlotRefusal(record.slotId);
      },
    );
    return record;
  }

  async reschedule(
    current: CallbackBookingRecord,
    to: SlotTime & { slotId: string },
    reminderDueAt: number,
    now: number,
  ): Promise<CallbackBookingRecord> {
    const moved: CallbackBookingRecord = {
      ...current,
      ...to,
      rescheduleCount: current.rescheduleCount + 1,
      reminderDueAt,
      reminderSentAt: null,
      version: current.version + 1,
      updatedAt: now,
    };
    await this.transact(
      () => [
        { Update: this.freeSeat(current) },
        { Update: this.takeSeat(moved) },
        { Put: this.replaceBooking(moved, current.version) },
      ],
      async (failed) => {
        if (failed[2] || failed[0]) throw new AppError('CONFLICT', BOOKING_CHANGED_MESSAGE);
        await this.throwSlotRefusal(to.slotId);
      },
    );
    return moved;
  }

  async cancel(current: CallbackBookingRecord, now: number): Promise<CallbackBookingRecord> {
    const cancelled: CallbackBookingRecord = {
      ...current,
      status: 'cancelled',
      version: current.version + 1,
      updatedAt: now,
    };
    await this.transact(
      () => [{ Update: this.freeSeat(current) }, { Put: this.replaceBooking(cancelled, current.version) }],
      async () => {
        throw new AppError('CONFLICT', BOOKING_CHANGED_MESSAGE);
      },
    );
    return cancelled;
  }

  async recordOutcome(
    current: CallbackBookingRecord,
    status: Extract<BookingStatus, 'completed' | 'unreachable' | 'problem'>,
    outcome: NonNullable<CallbackBookingRecord['outcome']>,
    extras: ProblemCaseExtras = { voiceItem: null },
  ): Promise<CallbackBookingRecord> {
    const recorded: CallbackBookingRecord = {
      ...current,
      status,
      outcome,
      version: current.version + 1,
      updatedAt: outcome.recordedAt,
    };
    await this.transact(
      () => [
        { Put: this.replaceBooking(recorded, current.version) },
        ...this.raiseFollowUp(recorded, extras),
        ...this.measureCompletion(recorded),
      ],
      async () => {
        throw new AppError('CONFLICT', BOOKING_CHANGED_MESSAGE);
      },
    );
    return recorded;
  }

  async recordOnline(
    current: CallbackBookingRecord | null,
    result: CallbackBookingRecord,
    extras: ProblemCaseExtras = { voiceItem: null },
  ): Promise<CallbackBookingRecord> {
    const stored = { ...result, version: (current?.version ?? 0) + 1 };
    const booking: TransactItem[] =
      current?.status === 'booked'
        ? [{ Update: this.freeSeat(current) }, { Put: this.replaceBooking(stored, current.version) }]
        : [{ Put: this.putBooking(stored, current) }];
    await this.transact(
      () => [...booking, ...this.raiseFollowUp(stored, extras), ...this.measureCompletion(stored)],
      async () => {
        throw new AppError('CONFLICT', BOOKING_CHANGED_MESSAGE);
      },
    );
    return stored;
  }

  /** A callback that reached the holder, mirrored into the service standards' measurement stream. */
  private measureCompletion(booking: CallbackBookingRecord): TransactItem[] {
    const event = callbackMeasurement(booking);
    return event ? [measurementPut(this.ctx, event)] : [];
  }

  async listOpenFollowUps(branchPath: string | null): Promise<CallbackFollowUpRecord[]> {
    // begins_with on the path plus its separator: HQ/SH finds HQ/SH and HQ/SH/PD, never HQ/SH2;
    // null (an admin) reads the whole open-cases partition.
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi1',
      ...(branchPath === null
        ? {
            KeyConditionExpression: 'gsi1pk = :pk',
            ExpressionAttributeValues: { ':pk': OPEN_FOLLOW_UPS },
          }
        : {
            KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
            ExpressionAttributeValues: { ':pk': OPEN_FOLLOW_UPS, ':prefix': `${branchPath}/` },
          }),
    });
    return items
      .map((item) => toFollowUp(item as unknown as FollowUpItem))
      .sort((a, b) => a.raisedAt - b.raisedAt);
  }

  async getFollowUp(policyNo: string): Promise<CallbackFollowUpRecord | null> {
    const item = await getItem(this.ctx, followUpKey(policyNo));
    return item ? toFollowUp(item as unknown as FollowUpItem) : null;
  }

  async resolveFollowUp(
    current: CallbackFollowUpRecord,
    resolution: NonNullable<CallbackFollowUpRecord['resolution']>,
  ): Promise<CallbackFollowUpRecord> {
    const resolved: CallbackFollowUpRecord = { ...current, status: 'resolved', resolution };
    const closed = await conditionally(
      this.ctx,
      new PutCommand({
        TableName: this.ctx.table,
        Item: callbackFollowUpItem(resolved),
        ConditionExpression: '#status = :open AND raisedAt = :raisedAt',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':open': 'open', ':raisedAt': current.raisedAt },
      }),
    );
    if (!closed) throw new AppError('CONFLICT', '该问题件已被处理，请刷新后查看');
    return resolved;
  }

  async listDueReminders(now: number): Promise<CallbackBookingRecord[]> {
    // Yesterday's partition too: a run just after midnight still finds reminders due before it.
    const today = todayInShanghai(new Date(now));
    const yesterday = todayInShanghai(new Date(now - 86_400_000));
    const days = await Promise.all(
      [yesterday, today].map((reminderDay) =>
        queryAll(this.ctx, {
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk <= :upTo',
          FilterExpression: '#status = :booked AND attribute_not_exists(reminderSentAt)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':pk': `CALLBACKREMINDERS#${reminderDay}`,
            ':upTo': `${now}#\uffff`,
            ':booked': 'booked',
          },
        }),
      ),
    );
    const due = (days.flat() as unknown as BookingItem[]).filter((item) => item.reminderDueAt <= now);
    return this.toBookings(due);
  }

  markReminderSent(policyNo: string, version: number, at: number): Promise<boolean> {
    return conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: bookingKey(policyNo),
        UpdateExpression: 'SET reminderSentAt = :at',
        ConditionExpression:
          'attribute_exists(pk) AND #version = :version AND #status = :booked AND attribute_not_exists(reminderSentAt)',
        ExpressionAttributeNames: { '#version': 'version', '#status': 'status' },
        ExpressionAttributeValues: { ':at': at, ':version': version, ':booked': 'booked' },
      }),
    );
  }

  /** Bookings as records; those written without a branch path take it from their policies. */
  private async toBookings(items: readonly BookingItem[]): Promise<CallbackBookingRecord[]> {
    const missing = items.filter((item) => !item.branchPath).map((item) => item.policyNo);
    const paths = await this.policies.branchPaths([...new Set(missing)]);
    return items.map((item) => toBooking(item, item.branchPath ?? paths.get(item.policyNo) ?? ''));
  }

  /** A seat of the slot, if it is open and not full (the capacity check itself). */
  private takeSeat(slot: SlotTime): TransactItem['Update'] {
    return {
      TableName: this.ctx.table,
      Key: slotKey(slot),
      UpdateExpression: 'ADD #booked :one',
      ConditionExpression: 'attribute_exists(pk) AND #open = :true AND #booked < #seats',
      ExpressionAttributeNames: { '#booked': 'booked', '#open': 'open', '#seats': 'seats' },
      ExpressionAttributeValues: { ':one': 1, ':true': true },
    };
  }

  private freeSeat(slot: SlotTime): TransactItem['Update'] {
    return {
      TableName: this.ctx.table,
      Key: slotKey(slot),
      UpdateExpression: 'ADD #booked :minusOne',
      ConditionExpression: 'attribute_exists(pk) AND #booked > :zero',
      ExpressionAttributeNames: { '#booked': 'booked' },
      ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
    };
  }

  /**
   * A booking where the policy has none, or over the policy's booking if that is still at the
   * version and status read (an ended one a new booking replaces, a booked one that moves on).
   */
  private putBooking(
    record: BookingToWrite,
    expected: Pick<CallbackBookingRecord, 'version' | 'status'> | null,
  ): TransactItem['Put'] {
    return {
      TableName: this.ctx.table,
      Item: callbackBookingItem(record),
      ...(expected
        ? {
            ConditionExpression: '#version = :version AND #status = :status',
            ExpressionAttributeNames: { '#version': 'version', '#status': 'status' },
            ExpressionAttributeValues: { ':version': expected.version, ':status': expected.status },
          }
        : { ConditionExpression: 'attribute_not_exists(policyNo)' }),
    };
  }

  /** The booking's next state, if it is still booked at the version read. */
  private replaceBooking(next: CallbackBookingRecord, expectedVersion: number): TransactItem['Put'] {
    return this.putBooking(next, { version: expectedVersion, status: 'booked' });
  }

  /**
   * A problem outcome opens the policy's follow-up in the same transaction (replacing a closed one),
   * puts its voice item with the item's announcement entry (each only if new: one case, one item)
   * and, when the customer disputes the sale, the dispute's outbox entry: all of it or nothing.
   */
  private raiseFollowUp(record: CallbackBookingRecord, extras: ProblemCaseExtras): TransactItem[] {
    if (record.status !== 'problem' || !record.outcome) return [];
    const followUp: CallbackFollowUpRecord = {
      policyNo: record.policyNo,
      customerId: record.customerId,
      branchPath: record.branchPath,
      note: record.outcome.note ?? '',
      disputesSale: record.outcome.disputesSale === true,
      raisedBy: record.outcome.recordedBy,
      raisedAt: record.outcome.recordedAt,
      status: 'open',
      resolution: null,
    };
    const isNew = { ConditionExpression: 'attribute_not_exists(pk)' };
    const { voiceItem } = extras;
    return [
      { Put: { TableName: this.ctx.table, Item: callbackFollowUpItem(followUp) } },
      ...(voiceItem ? voiceItemPuts(this.ctx.table, voiceItem) : []),
      ...(followUp.disputesSale
        ? [
            {
              Put: {
                TableName: this.ctx.table,
                Item: callbackDisputeItem({
                  policyNo: followUp.policyNo,
                  customerId: followUp.customerId,
                  branchPath: followUp.branchPath,
                  note: followUp.note,
                  recordedBy: followUp.raisedBy,
                  recordedAt: followUp.raisedAt,
                }),
                ...isNew,
              },
            },
          ]
        : []),
    ];
  }

  async listPendingDisputes(limit: number): Promise<CallbackDisputeEntry[]> {
    const { Items = [] } = await this.ctx.client.send(
      new QueryCommand({
        TableName: this.ctx.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': PENDING_DISPUTES },
        Limit: limit,
      }),
    );
    return Items.map((item) => ({
      policyNo: item.policyNo as string,
      customerId: item.customerId as string,
      branchPath: item.branchPath as string,
      note: item.note as string,
      recordedBy: item.recordedBy as string,
      recordedAt: item.recordedAt as number,
      attempts: (item.attempts as number | undefined) ?? 0,
    }));
  }

  markDisputeFiled(entry: CallbackDisputeEntry, complaintId: string): Promise<boolean> {
    return conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: disputeKey(entry),
        UpdateExpression: 'REMOVE gsi1pk, gsi1sk SET complaintId = :complaintId',
        ConditionExpression: 'attribute_exists(gsi1pk)',
        ExpressionAttributeValues: { ':complaintId': complaintId },
      }),
    );
  }

  async recordDisputeFailure(entry: CallbackDisputeEntry, reason: string): Promise<void> {
    await conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: disputeKey(entry),
        UpdateExpression: 'ADD attempts :one SET lastError = :reason',
        ConditionExpression: 'attribute_exists(gsi1pk)',
        ExpressionAttributeValues: { ':one': 1, ':reason': reason.slice(0, 500) },
      }),
    );
  }

  /**
   * Runs one TransactWriteItems. A condition failure goes to `refused` with the items that failed;
   * a conflict with a concurrent transaction on the same slot is retried with jitter, since it
   * says nothing about capacity.
   */
  private async transact(
    items: () => TransactItem[],
    refused: (failed: boolean[]) => Promise<void>,
  ): Promise<void> {
    try {
      await retryingTransactionConflicts(
        () => this.ctx.client.send(new TransactWriteCommand({ TransactItems: items() })),
        MAX_ATTEMPTS,
      );
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes.length === 0) {
        if (!isConditionalCheckFailed(error)) throw error;
        await refused([]);
        throw new AppError('CONFLICT', BOOKING_CHANGED_MESSAGE, { cause: error });
      }
      const failed = codes.map((code) => code === 'ConditionalCheckFailed');
      if (failed.some(Boolean)) {
        await refused(failed);
        throw new AppError('CONFLICT', BOOKING_CHANGED_MESSAGE, { cause: error });
      }
      throw new AppError('CONFLICT', BUSY_MESSAGE, { cause: error });
    }
  }

  private async throwSlotRefusal(slotId: string): Promise<never> {
    const slot = await this.getSlot(slotId);
    if (slot?.open && slot.booked >= slot.seats) throw new AppError('CONFLICT', SLOT_FULL_MESSAGE);
    throw new AppError('CONFLICT', SLOT_UNAVAILABLE_MESSAGE);
  }
}

/**
 * A booking after a cancelled one is a move like a reschedule (otherwise cancel + book would lift
 * the limit of three); after an unreachable call the call centre asks for a new time, which is
 * not the customer's move.
 */
function rescheduleCountAfter(previous: CallbackBookingRecord): number {
  return previous.status === 'cancelled' ? previous.rescheduleCount + 1 : previous.rescheduleCount;
}

function slotTimeOf(slotId: string): SlotTime {
  return {
    date: `${slotId.slice(0, 4)}-${slotId.slice(4, 6)}-${slotId.slice(6, 8)}`,
    start: `${slotId.slice(8, 10)}:${slotId.slice(10, 12)}`,
  };
}

function toSlot(item: SlotItem): CallbackSlotRecord {
  return {
    slotId: slotIdOf(item),
    date: item.date,
    start: item.start,
    seats: item.seats,
    booked: item.booked,
    open: item.open,
  };
}

/** A dispute's outbox entry, pending (on gsi1) until its complaint is opened. */
export function callbackDisputeItem(entry: Omit<CallbackDisputeEntry, 'attempts'>): RawItem {
  return entityItem('callbackDispute', {
    ...disputeKey(entry),
    gsi1pk: PENDING_DISPUTES,
    gsi1sk: `${entry.recordedAt}#${entry.policyNo}`,
    ...entry,
    attempts: 0,
  });
}

function toFollowUp(item: FollowUpItem): CallbackFollowUpRecord {
  return {
    policyNo: item.policyNo,
    customerId: item.customerId,
    branchPath: item.branchPath,
    note: item.note,
    disputesSale: item.disputesSale === true,
    raisedBy: item.raisedBy,
    raisedAt: item.raisedAt,
    status: item.status,
    resolution: item.resolution ?? null,
  };
}

function toBooking(item: BookingItem, branchPath: string): CallbackBookingRecord {
  return {
    policyNo: item.policyNo,
    slotId: item.slotId,
    date: item.date,
    start: item.start,
    status: item.status,
    customerId: item.customerId,
    branchPath,
    rescheduleCount: item.rescheduleCount,
    reminderDueAt: item.reminderDueAt,
    reminderSentAt: orNull(item.reminderSentAt),
    outcome: item.outcome
      ? {
          points: orNull(item.outcome.points),
          note: orNull(item.outcome.note),
          ...(item.outcome.disputesSale ? { disputesSale: true } : {}),
          recordedBy: item.outcome.recordedBy,
          recordedAt: item.outcome.recordedAt,
        }
      : null,
    version: item.version,
    updatedAt: item.updatedAt,
  };
}

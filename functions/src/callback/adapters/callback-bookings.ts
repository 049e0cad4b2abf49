import { setTimeout as sleep } from 'node:timers/promises';
import { callbackMeasurement } from '@zhixiang/shared/callback/measurement';
import {
  ALREADY_BOOKED_MESSAGE,
  BOOKING_CHANGED_MESSAGE,
  BOOKING_STATUSES,
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
  CallbackFollowUpRecord,
  CallbackSlotRecord,
  HolderBooking,
  NewBooking,
} from '@zhixiang/shared/ports/callback-bookings';
import { Entity } from 'electrodb';
import {
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '../../platform/dynamodb/document-client';
import {
  ALL_PAGES,
  cancellationCodes,
  isConditionalCheckFailed,
  orNull,
  orUndefined,
  SERVICE_NAME,
  type TableContext,
} from '../../platform/dynamodb/table';
import { measurementPut } from '../../platform/measurement/measurement-stream';
import type { DynamoPolicyRepository } from '../../platform/records/policies';

/**
 * The call centre's capacity: one item per 30-minute slot, one partition per day so a customer's
 * window (≤ 16 days) is a handful of Queries. `booked` only ever changes inside a transaction
 * guarded by `booked < seats`, which is what makes overbooking impossible.
 */
export const callbackSlotSchema = {
  model: { entity: 'callbackSlot', version: '1', service: SERVICE_NAME },
  attributes: {
    date: { type: 'string', required: true },
    start: { type: 'string', required: true },
    seats: { type: 'number', required: true },
    booked: { type: 'number', required: true },
    open: { type: 'boolean', required: true },
  },
  indexes: {
    // The offered slots of a day, and one slot by its id (date + start).
    byDate: {
      pk: { field: 'pk', composite: ['date'], template: 'CALLBACKSLOT#${date}', casing: 'none' },
      sk: { field: 'sk', composite: ['start'], template: 'SLOT#${start}', casing: 'none' },
    },
  },
} as const;

/**
 * A policy's callback booking. Keyed by the policy alone, so the item itself is the guard of
 * "one active booking per policy": a new booking is a Put conditioned on no active item.
 */
export const callbackBookingSchema = {
  model: { entity: 'callbackBooking', version: '1', service: SERVICE_NAME },
  attributes: {
    policyNo: { type: 'string', required: true },
    slotId: { type: 'string', required: true },
    date: { type: 'string', required: true },
    start: { type: 'string', required: true },
    status: { type: BOOKING_STATUSES, required: true },
    customerId: { type: 'string', required: true },
    /**
     * The policy's branch path. A holder's own booking is written without reading the policy, so
     * it has none at first; reads take it from the policy, and the booking's next write keeps it.
     */
    branchPath: { type: 'string' },
    rescheduleCount: { type: 'number', required: true },
    reminderDueAt: { type: 'number', required: true },
    /** Asia/Shanghai day of reminderDueAt: the reminder index's partition. */
    reminderDay: { type: 'string', required: true },
    reminderSentAt: { type: 'number' },
    outcome: {
      type: 'map',
      properties: {
        points: {
          type: 'map',
          properties: Object.fromEntries(CALLBACK_POINTS.map((p) => [p, { type: 'boolean' }])) as Record<
            (typeof CALLBACK_POINTS)[number],
            { type: 'boolean' }
          >,
        },
        note: { type: 'string' },
        recordedBy: { type: 'string', required: true },
        recordedAt: { type: 'number', required: true },
      },
    },
    version: { type: 'number', required: true },
    updatedAt: { type: 'number', required: true },
  },
  indexes: {
    byPolicy: {
      pk: { field: 'pk', composite: ['policyNo'], template: 'POLICY#${policyNo}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'CALLBACK', casing: 'none' },
    },
    // The call centre's day: every booking of a date in slot order.
    byDate: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['date'], template: 'CALLBACKDAY#${date}', casing: 'none' },
      sk: {
        field: 'gsi1sk',
        composite: ['start', 'policyNo'],
        template: '${start}#${policyNo}',
        casing: 'none',
      },
    },
    // The reminder job: a day's reminders in due order, read up to "now" (no Scan).
    byReminderDue: {
      index: 'gsi2',
      pk: {
        field: 'gsi2pk',
        composite: ['reminderDay'],
        template: 'CALLBACKREMINDERS#${reminderDay}',
        casing: 'none',
      },
      sk: {
        field: 'gsi2sk',
        composite: ['reminderDueAt', 'policyNo'],
        template: '${reminderDueAt}#${policyNo}',
        casing: 'none',
      },
    },
  },
} as const;

const OPEN_FOLLOW_UPS = 'CALLBACKFOLLOWUPS#OPEN';

/**
 * A problem case raised by a callback, beside the booking in the policy's partition. While open
 * it is in the one open-cases partition of gsi1, sorted by branch path, so a branch's subtree is a
 * single begins_with Query; resolving it rewrites the item without the index keys (sparse index).
 */
export const callbackFollowUpSchema = {
  model: { entity: 'callbackFollowUp', version: '1', service: SERVICE_NAME },
  attributes: {
    policyNo: { type: 'string', required: true },
    customerId: { type: 'string', required: true },
    branchPath: { type: 'string', required: true },
    note: { type: 'string', required: true },
    raisedBy: { type: 'string', required: true },
    raisedAt: { type: 'number', required: true },
    status: { type: ['open', 'resolved'] as const, required: true },
    resolution: {
      type: 'map',
      properties: {
        note: { type: 'string', required: true },
        resolvedBy: { type: 'string', required: true },
        resolvedAt: { type: 'number', required: true },
      },
    },
  },
  indexes: {
    byPolicy: {
      pk: { field: 'pk', composite: ['policyNo'], template: 'POLICY#${policyNo}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'CALLBACKFOLLOWUP', casing: 'none' },
    },
    openByBranch: {
      index: 'gsi1',
      condition: (attr: { status?: string }) => attr.status === 'open',
      pk: { field: 'gsi1pk', composite: [], template: OPEN_FOLLOW_UPS, casing: 'none' },
      sk: {
        field: 'gsi1sk',
        composite: ['branchPath', 'raisedAt', 'policyNo'],
        template: '${branchPath}/#${raisedAt}#${policyNo}',
        casing: 'none',
      },
    },
  },
} as const;

export function createCallbackSlotEntity(ctx: TableContext) {
  return new Entity(callbackSlotSchema, ctx);
}
export function createCallbackBookingEntity(ctx: TableContext) {
  return new Entity(callbackBookingSchema, ctx);
}
export function createCallbackFollowUpEntity(ctx: TableContext) {
  return new Entity(callbackFollowUpSchema, ctx);
}
type SlotEntity = ReturnType<typeof createCallbackSlotEntity>;
type FollowUpEntity = ReturnType<typeof createCallbackFollowUpEntity>;
type FollowUpItem = NonNullable<Awaited<ReturnType<ReturnType<FollowUpEntity['get']>['go']>>['data']>;
type BookingEntity = ReturnType<typeof createCallbackBookingEntity>;
type SlotItem = NonNullable<Awaited<ReturnType<ReturnType<SlotEntity['get']>['go']>>['data']>;
type BookingItem = NonNullable<Awaited<ReturnType<ReturnType<BookingEntity['get']>['go']>>['data']>;
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Contended transactions are retried this often before the customer is asked to try again. */
const MAX_ATTEMPTS = 12;

/** What the bookings need of the policies: the holder's check in the transaction, the branch after. */
export type CallbackPolicyChecks = Pick<DynamoPolicyRepository, 'transactCallbackCheck' | 'branchPaths'>;

export class DynamoCallbackBookingRepository implements CallbackBookingRepository {
  constructor(
    private readonly slots: SlotEntity,
    private readonly bookings: BookingEntity,
    private readonly followUps: FollowUpEntity,
    private readonly ctx: TableContext,
    private readonly policies: CallbackPolicyChecks,
  ) {}

  async getSlot(slotId: string): Promise<CallbackSlotRecord | null> {
    const time = slotTimeOf(slotId);
    const { data } = await this.slots.get(time).go();
    return data ? toSlot(data) : null;
  }

  async listSlotsOfDates(dates: readonly string[]): Promise<CallbackSlotRecord[]> {
    const days = await Promise.all(dates.map((date) => this.slots.query.byDate({ date }).go(ALL_PAGES)));
    return days.flatMap((day) => day.data.map(toSlot));
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
        missing.slice(i, i + 50).map(async (slot) => {
          try {
            await this.slots.create({ ...slot, seats, booked: 0, open: true }).go({ response: 'none' });
            return 1;
          } catch (error) {
            if (isConditionalCheckFailed(error)) return 0;
            throw error;
          }
        }),
      );
      created += results.reduce<number>((a, b) => a + b, 0);
    }
    return { created, existing: slots.length - created };
  }

  async updateSlot(slotId: string, change: { seats?: number; open?: boolean }) {
    const time = slotTimeOf(slotId);
    try {
      const { data } = await this.slots
        .patch(time)
        .set(change)
        .where((attr, op) => (change.seats === undefined ? '' : op.lte(attr.booked, change.seats)))
        .go({ response: 'all_new' });
      return toSlot(data as SlotItem);
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      const slot = await this.getSlot(slotId);
      if (!slot) throw new AppError('NOT_FOUND', '未找到该时段');
      throw new AppError('CONFLICT', `席位数不能少于已预约人数（${slot.booked}）`, { cause: error });
    }
  }

  async getBooking(policyNo: string): Promise<CallbackBookingRecord | null> {
    const { data } = await this.bookings.get({ policyNo }).go();
    return data ? ((await this.toBookings([data]))[0] ?? null) : null;
  }

  async getBookings(policyNos: readonly string[]): Promise<CallbackBookingRecord[]> {
    let keys = [...new Set(policyNos)].map((policyNo) => ({ policyNo }));
    const found: BookingItem[] = [];
    // A BatchGetItem may leave keys unprocessed under load: ask again for those only.
    for (let attempt = 0; keys.length > 0; attempt++) {
      if (attempt === 5) throw new Error(`callback bookings left unprocessed: ${keys.length}`);
      const { data, unprocessed } = await this.bookings.get(keys).go();
      found.push(...(data as BookingItem[]));
      keys = unprocessed.map((key) => ({ policyNo: String(key.policyNo) }));
    }
    return this.toBookings(found);
  }

  async listBookingsOfDate(date: string): Promise<CallbackBookingRecord[]> {
    const { data } = await this.bookings.query.byDate({ date }).go(ALL_PAGES);
    return this.toBookings(data);
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
          {
            Put: this.bookings
              .put(toItem(record))
              .where((attr, op) => op.notExists(attr.policyNo))
              .params() as TransactItem['Put'],
          },
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
      () => [
        { Update: this.takeSeat(record) },
        {
          Put: this.bookings
            .put(toItem(record))
            .where((attr, op) =>
              previous
                ? `${op.eq(attr.version, previous.version)} AND ${op.eq(attr.status, previous.status)}`
                : op.notExists(attr.policyNo),
            )
            .params() as TransactItem['Put'],
        },
      ],
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
        ...this.raiseFollowUp(recorded),
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
  ): Promise<CallbackBookingRecord> {
    const stored = { ...result, version: (current?.version ?? 0) + 1 };
    const booking: TransactItem[] =
      current?.status === 'booked'
        ? [{ Update: this.freeSeat(current) }, { Put: this.replaceBooking(stored, current.version) }]
        : [
            {
              Put: this.bookings
                .put(toItem(stored))
                .where((attr, op) =>
                  current
                    ? `${op.eq(attr.version, current.version)} AND ${op.eq(attr.status, current.status)}`
                    : op.notExists(attr.policyNo),
                )
                .params() as TransactItem['Put'],
            },
          ];
    await this.transact(
      () => [...booking, ...this.raiseFollowUp(stored), ...this.measureCompletion(stored)],
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
    const items: Record<string, unknown>[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.ctx.client.send(
        new QueryCommand({
          TableName: this.ctx.table,
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
          ExclusiveStartKey,
        }),
      );
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    const { data } = this.followUps.parse({ Items: items });
    return data.map(toFollowUp).sort((a, b) => a.raisedAt - b.raisedAt);
  }

  async getFollowUp(policyNo: string): Promise<CallbackFollowUpRecord | null> {
    const { data } = await this.followUps.get({ policyNo }).go();
    return data ? toFollowUp(data) : null;
  }

  async resolveFollowUp(
    current: CallbackFollowUpRecord,
    resolution: NonNullable<CallbackFollowUpRecord['resolution']>,
  ): Promise<CallbackFollowUpRecord> {
    const resolved: CallbackFollowUpRecord = { ...current, status: 'resolved', resolution };
    try {
      await this.followUps
        .put({ ...resolved, resolution })
        .where((attr, op) => `${op.eq(attr.status, 'open')} AND ${op.eq(attr.raisedAt, current.raisedAt)}`)
        .go({ response: 'none' });
    } catch (error) {
      if (isConditionalCheckFailed(error))
        throw new AppError('CONFLICT', '该问题件已被处理，请刷新后查看', { cause: error });
      throw error;
    }
    return resolved;
  }

  async listDueReminders(now: number): Promise<CallbackBookingRecord[]> {
    // Yesterday's partition too: a run just after midnight still finds reminders due before it.
    const today = todayInShanghai(new Date(now));
    const yesterday = todayInShanghai(new Date(now - 86_400_000));
    const days = await Promise.all(
      [yesterday, today].map((reminderDay) =>
        this.bookings.query
          .byReminderDue({ reminderDay })
          .lte({ reminderDueAt: now, policyNo: '\uffff' })
          .where((attr, op) => `${op.eq(attr.status, 'booked')} AND ${op.notExists(attr.reminderSentAt)}`)
          .go(ALL_PAGES),
      ),
    );
    const due = days.flatMap((day) => day.data).filter((item) => item.reminderDueAt <= now);
    return this.toBookings(due);
  }

  async markReminderSent(policyNo: string, version: number, at: number): Promise<boolean> {
    try {
      await this.bookings
        .patch({ policyNo })
        .set({ reminderSentAt: at })
        .where(
          (attr, op) =>
            `${op.eq(attr.version, version)} AND ${op.eq(attr.status, 'booked')} AND ${op.notExists(attr.reminderSentAt)}`,
        )
        .go({ response: 'none' });
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  /** Bookings as records; those written without a branch path take it from their policies. */
  private async toBookings(items: readonly BookingItem[]): Promise<CallbackBookingRecord[]> {
    const missing = items.filter((item) => !item.branchPath).map((item) => item.policyNo);
    const paths = await this.policies.branchPaths([...new Set(missing)]);
    return items.map((item) => toBooking(item, item.branchPath ?? paths.get(item.policyNo) ?? ''));
  }

  private takeSeat(slot: SlotTime) {
    return this.slots
      .patch({ date: slot.date, start: slot.start })
      .add({ booked: 1 })
      .where((attr, op) => `${op.eq(attr.open, true)} AND ${op.name(attr.booked)} < ${op.name(attr.seats)}`)
      .params() as TransactItem['Update'];
  }

  /** A problem outcome opens the policy's follow-up in the same transaction (replacing a closed one). */
  private raiseFollowUp(record: CallbackBookingRecord): TransactItem[] {
    if (record.status !== 'problem' || !record.outcome) return [];
    const followUp: CallbackFollowUpRecord = {
      policyNo: record.policyNo,
      customerId: record.customerId,
      branchPath: record.branchPath,
      note: record.outcome.note ?? '',
      raisedBy: record.outcome.recordedBy,
      raisedAt: record.outcome.recordedAt,
      status: 'open',
      resolution: null,
    };
    return [
      { Put: this.followUps.put({ ...followUp, resolution: undefined }).params() as TransactItem['Put'] },
    ];
  }

  private freeSeat(slot: SlotTime) {
    return this.slots
      .patch({ date: slot.date, start: slot.start })
      .subtract({ booked: 1 })
      .where((attr, op) => op.gt(attr.booked, 0))
      .params() as TransactItem['Update'];
  }

  private replaceBooking(next: CallbackBookingRecord, expectedVersion: number) {
    return this.bookings
      .put(toItem(next))
      .where((attr, op) => `${op.eq(attr.version, expectedVersion)} AND ${op.eq(attr.status, 'booked')}`)
      .params() as TransactItem['Put'];
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
    for (let attempt = 1; ; attempt++) {
      try {
        await this.ctx.client.send(new TransactWriteCommand({ TransactItems: items() }));
        return;
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
        if (attempt >= MAX_ATTEMPTS) throw new AppError('CONFLICT', BUSY_MESSAGE, { cause: error });
        await sleep(Math.random() * 10 * 2 ** Math.min(attempt, 5));
      }
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

function toItem(record: Omit<CallbackBookingRecord, 'branchPath'> & { branchPath?: string }) {
  return {
    ...record,
    reminderDay: todayInShanghai(new Date(record.reminderDueAt)),
    reminderSentAt: orUndefined(record.reminderSentAt),
    outcome: record.outcome
      ? {
          points: orUndefined(record.outcome.points),
          note: orUndefined(record.outcome.note),
          recordedBy: record.outcome.recordedBy,
          recordedAt: record.outcome.recordedAt,
        }
      : undefined,
  };
}

function toFollowUp(item: FollowUpItem): CallbackFollowUpRecord {
  return {
    policyNo: item.policyNo,
    customerId: item.customerId,
    branchPath: item.branchPath,
    note: item.note,
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
          recordedBy: item.outcome.recordedBy,
          recordedAt: item.outcome.recordedAt,
        }
      : null,
    version: item.version,
    updatedAt: item.updatedAt,
  };
}

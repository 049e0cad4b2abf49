import type { BookingStatus, CallbackPoint } from '../callback/schemas';
import type { SlotCapacity, SlotTime } from '../callback/window';
import type { VoiceItemRecord } from './voice';

/** Storage port of the callback (回访) schedule and bookings; the DynamoDB adapter enforces capacity. */
export interface CallbackSlotRecord extends SlotCapacity {
  slotId: string;
}

export interface CallbackBookingRecord extends SlotTime {
  policyNo: string;
  slotId: string;
  status: BookingStatus;
  /** The policyholder the callback is for (the person called). */
  customerId: string;
  /** The policy's branch path, so staff see only their subtree's bookings. */
  branchPath: string;
  rescheduleCount: number;
  /** Epoch ms; the reminder job sends at or after it while the booking is still booked. */
  reminderDueAt: number;
  reminderSentAt: number | null;
  outcome: {
    points: Partial<Record<CallbackPoint, boolean>> | null;
    note: string | null;
    /** A problem case where the customer disputes the sale (absent: no). */
    disputesSale?: boolean;
    recordedBy: string;
    recordedAt: number;
  } | null;
  /** Optimistic-concurrency version, 1 for a new booking; every change checks and increments it. */
  version: number;
  updatedAt: number;
}

/**
 * A problem case (问题件) raised by a callback — the customer denied a point on the phone or online
 * — for the policy's branch to follow up. Open until a staff member of that branch resolves it.
 */
export interface CallbackFollowUpRecord {
  policyNo: string;
  customerId: string;
  branchPath: string;
  /** What the customer said, as recorded with the outcome. */
  note: string;
  /** The customer disputes the sale: a complaint (销售误导) is opened through the dispute outbox. */
  disputesSale: boolean;
  raisedBy: string;
  raisedAt: number;
  status: 'open' | 'resolved';
  resolution: { note: string; resolvedBy: string; resolvedAt: number } | null;
}

/**
 * The outbox entry of a problem case where the customer disputes the sale, written in the
 * outcome's own transaction: pending until the complaints context has opened its complaint.
 */
export interface CallbackDisputeEntry {
  policyNo: string;
  customerId: string;
  branchPath: string;
  note: string;
  recordedBy: string;
  recordedAt: number;
  attempts: number;
}

/** What a problem case adds to the outcome's transaction: its voice item (客户之声), put once. */
export interface ProblemCaseExtras {
  voiceItem: VoiceItemRecord | null;
}

export type NewBooking = Omit<
  CallbackBookingRecord,
  'status' | 'rescheduleCount' | 'reminderSentAt' | 'outcome' | 'version'
>;

/** A policyholder's own booking, written before anything about the policy is read. */
export type HolderBooking = Omit<NewBooking, 'branchPath'> & {
  /** Asia/Shanghai day of `updatedAt`: the policy must have been received by then. */
  today: string;
};

export interface CallbackBookingRepository {
  getSlot(slotId: string): Promise<CallbackSlotRecord | null>;
  listSlotsOfDates(dates: readonly string[]): Promise<CallbackSlotRecord[]>;
  /** Creates the slots that do not exist yet; existing slots keep their seats and bookings. */
  createSlots(slots: readonly SlotTime[], seats: number): Promise<{ created: number; existing: number }>;
  /** Seats never go below the booked count (CONFLICT). */
  updateSlot(slotId: string, change: { seats?: number; open?: boolean }): Promise<CallbackSlotRecord>;
  getBooking(policyNo: string): Promise<CallbackBookingRecord | null>;
  /** The bookings of these policies (one BatchGetItem per 100); a policy without one is absent. */
  getBookings(policyNos: readonly string[]): Promise<CallbackBookingRecord[]>;
  listBookingsOfDate(date: string): Promise<CallbackBookingRecord[]>;
  /**
   * One transaction: a seat of the slot and the policy's one active booking, or CONFLICT.
   * `previous` is the policy's ended booking (cancelled or unreachable) the new one replaces if it
   * is still at its version; its reschedule count carries over (a cancelled one counts as a move).
   */
  book(booking: NewBooking, previous?: CallbackBookingRecord | null): Promise<CallbackBookingRecord>;
  /**
   * The same booking without a read first, for a customer booking their own policy: one
   * transaction checks the policy (held by `customerId`, in force, the slot before its callback
   * deadline), takes a seat and creates the booking where the policy has none. Null when any
   * condition refuses it: the caller then reads and books (or refuses) the way `book` does. The
   * record's `branchPath` is empty (it is the policy's, read with the booking later).
   */
  bookAsHolder(booking: HolderBooking): Promise<CallbackBookingRecord | null>;
  /** One transaction: frees the old seat, takes the new one, moves the booking if still at `version`. */
  reschedule(
    current: CallbackBookingRecord,
    to: SlotTime & { slotId: string },
    reminderDueAt: number,
    now: number,
  ): Promise<CallbackBookingRecord>;
  /** One transaction: frees the seat and cancels the booking if still at `version`. */
  cancel(current: CallbackBookingRecord, now: number): Promise<CallbackBookingRecord>;
  /** Records an outcome on a booked booking still at `version`; the seat stays used. */
  recordOutcome(
    current: CallbackBookingRecord,
    status: Extract<BookingStatus, 'completed' | 'unreachable' | 'problem'>,
    outcome: NonNullable<CallbackBookingRecord['outcome']>,
    extras?: ProblemCaseExtras,
  ): Promise<CallbackBookingRecord>;
  /**
   * Records an online self-callback's result as the policy's callback: an active booking's seat is
   * freed in the same transaction; otherwise only a policy with no completed or open callback.
   */
  recordOnline(
    current: CallbackBookingRecord | null,
    result: CallbackBookingRecord,
    extras?: ProblemCaseExtras,
  ): Promise<CallbackBookingRecord>;
  /** Open problem cases of a branch subtree (the path itself and every path below it); null: all. */
  listOpenFollowUps(branchPath: string | null): Promise<CallbackFollowUpRecord[]>;
  getFollowUp(policyNo: string): Promise<CallbackFollowUpRecord | null>;
  /** Closes an open problem case; CONFLICT when someone closed it first. */
  resolveFollowUp(
    current: CallbackFollowUpRecord,
    resolution: NonNullable<CallbackFollowUpRecord['resolution']>,
  ): Promise<CallbackFollowUpRecord>;
  /** Booked bookings whose reminder is due at or before `now` (from the reminder index). */
  listDueReminders(now: number): Promise<CallbackBookingRecord[]>;
  /** True when this call marked it sent (a concurrent run that got there first gets false). */
  markReminderSent(policyNo: string, version: number, at: number): Promise<boolean>;
  /** Problem cases disputing the sale whose complaint is still to be opened, oldest first. */
  listPendingDisputes(limit: number): Promise<CallbackDisputeEntry[]>;
  /** Takes the entry off the pending index, naming its complaint; false when another run took it. */
  markDisputeFiled(entry: CallbackDisputeEntry, complaintId: string): Promise<boolean>;
  recordDisputeFailure(entry: CallbackDisputeEntry, reason: string): Promise<void>;
}

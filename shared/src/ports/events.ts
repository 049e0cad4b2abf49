import type { Role } from '../auth/schemas';
import type { EventAudience, EventBrand } from '../events/rules';
import type { CompanionRelation, PledgeKind, RegistrationStatus } from '../events/schemas';
import type { MeasurementEvent } from '../standards/measure';
import type { VoiceItemRecord } from './voice';

/** A club event as the use cases see it. Instants are ISO strings. */
export interface EventRecord {
  eventId: string;
  brand: EventBrand;
  title: string;
  city: string;
  description: string;
  venues: { venueId: string; name: string; address: string }[];
  /** The sessions as defined; their live seat counts are `SessionState`. */
  sessions: { sessionId: string; venueId: string; startsAt: string; endsAt: string; capacity: number }[];
  audience: EventAudience;
  registrationOpensAt: string;
  registrationClosesAt: string;
  whatToBring: string;
  maxCompanions: number;
  organiserBranchId: string;
  organiserBranchName: string;
  organiserBranchPath: string;
  status: 'draft' | 'published';
  createdBy: string;
  createdAt: string;
  publishedAt: string | null;
  /** A marketing event (太尊享 / 太活力 only): registering needs the separate marketing consent. */
  marketing?: boolean;
  /** The cover image in the document bucket, checked by the server; absent or null: none yet. */
  cover?: EventCover | null;
}

/** An event's cover image: its private key in S3 and the type its first bytes showed. */
export interface EventCover {
  key: string;
  contentType: 'image/jpeg' | 'image/png';
  uploadedAt: string;
}

export const EVENT_AUDIT_ACTIONS = ['created', 'updated', 'cover_set', 'published'] as const;
export type EventAuditAction = (typeof EVENT_AUDIT_ACTIONS)[number];

/** An attendee's rating of the session they came to: 1–5 and an optional short text. */
export interface EventRating {
  score: number;
  comment: string | null;
  at: string;
}

/** One step of an event's publishing trail: who created, edited, gave it a cover or published it, and when. */
export interface EventAuditRecord {
  eventId: string;
  action: EventAuditAction;
  byUserId: string;
  at: string;
}

/**
 * A session's seats. `free` seats anyone may take; `held` seats were freed while people waited and
 * are kept for offers to the waiting list; `waiting` counts the people waiting; `waitSeq` is the
 * last sequence number handed to someone joining the list. capacity = free + held + the seats of
 * registered, offered and checked-in registrations + the walk-ins' seats, always.
 */
export interface SessionState {
  eventId: string;
  sessionId: string;
  capacity: number;
  free: number;
  held: number;
  waiting: number;
  waitSeq: number;
  /** People checked in at the door (each party counts its size). */
  checkedIn: number;
}

/** A companion's details (personal information: encrypted at rest, masked in responses). */
export interface CompanionRecord {
  name: string;
  relation: CompanionRelation;
  birthDate: string;
  /** Under the child age on the event's first day: their guardian consented. */
  child: boolean;
}

/** One person's registration for one event (at most one per person and event). */
export interface RegistrationRecord extends RegistrationState {
  companions: CompanionRecord[];
}

/** A registration without its companions' personal details: what seat counting and waiting lists need. */
export interface RegistrationState {
  eventId: string;
  /** The customer id for a customer, `U#<userId>` for an agent or staff member. */
  personKey: string;
  userId: string;
  role: Role;
  customerId: string | null;
  /** The registrant's branch (a customer's, or the staff member's or agent's): the reports' branch. */
  branchPath: string | null;
  sessionId: string;
  status: RegistrationStatus;
  /** The registrant and their companions: the seats the registration holds. */
  partySize: number;
  guardianConsentAt: string | null;
  /** Position key on the waiting list (set on joining it, kept afterwards for the report). */
  waitSeq: number | null;
  offerExpiresAt: string | null;
  /**
   * When the customer was told of the open offer (the notifier answered); absent until then, and
   * cleared by every change of the registration, so it always speaks of the current offer.
   */
  offerNotifiedAt?: string | null;
  /** The agent whose invitation brought the customer. */
  invitedBy: string | null;
  /** The separate marketing consent: when it was given and the version of its text; null when not given. */
  marketingConsentAt?: string | null;
  marketingConsentVersion?: string | null;
  /** When the registrant withdrew it (the registration itself stays). */
  marketingConsentWithdrawnAt?: string | null;
  /**
   * The configured segment the registrant fell into when registering (`none`: a customer in no
   * segment; `not_customer`: an agent or staff member); absent on registrations made before it was recorded.
   */
  segment?: string;
  /** The attendee's one-tap rating after the session (once). */
  rating?: EventRating | null;
  registeredAt: string;
  updatedAt: string;
  version: number;
}

/**
 * A party that came to the door without registering (现场报名) and was let in on seats the session
 * still had free. The name and mobile are personal information: encrypted at rest.
 */
export interface WalkInRecord {
  eventId: string;
  walkInId: string;
  sessionId: string;
  partySize: number;
  name: string;
  mobile: string;
  checkedInAt: string;
  /** The staff member at the door. */
  recordedBy: string;
}
/** What the report reads of a walk-in: no personal information. */
export type WalkInState = Omit<WalkInRecord, 'name' | 'mobile'>;

/** One pledge of one person to a 太有爱 event (each person may pledge several times). */
export interface PledgeRecord {
  eventId: string;
  personKey: string;
  userId: string;
  role: string;
  branchPath: string | null;
  kind: PledgeKind;
  amount: number;
  note: string;
  pledgedAt: string;
}

/** A session where seats were freed for the waiting list; `mark` counts the releases. */
export interface PendingOffer {
  eventId: string;
  sessionId: string;
  mark: number;
}

/** Why a registration attempt was refused by the table's conditions. */
export type SeatRefusal = 'full' | 'already_registered';

export interface EventStore {
  /** Creates the event, its sessions' seat counters and its audit entry; false when the id is taken. */
  create(event: EventRecord, audit?: EventAuditRecord): Promise<boolean>;
  /**
   * Replaces a draft and its sessions' seat counters (sessions no longer listed are removed) with
   * its audit entry, in one transaction; false when it is not a draft any more.
   */
  replaceDraft(event: EventRecord, previous: EventRecord, audit: EventAuditRecord): Promise<boolean>;
  /** Publishes a draft with its audit entry; false when it is not a draft any more. */
  publish(eventId: string, at: string, audit: EventAuditRecord): Promise<boolean>;
  /** Sets (or replaces) the event's cover with its audit entry; false when the event is gone. */
  setCover(eventId: string, cover: EventCover, audit: EventAuditRecord): Promise<boolean>;
  /** The event's publishing trail, oldest first. */
  auditTrail(eventId: string): Promise<EventAuditRecord[]>;
  get(eventId: string): Promise<EventRecord | null>;
  listPublished(): Promise<EventRecord[]>;
  /** Events organised in a branch subtree (staff). */
  listByOrganiser(branchPathPrefix: string): Promise<EventRecord[]>;
  sessions(eventId: string): Promise<SessionState[]>;
  session(eventId: string, sessionId: string): Promise<SessionState | null>;

  registration(eventId: string, personKey: string): Promise<RegistrationRecord | null>;
  registrationsOf(userId: string): Promise<RegistrationRecord[]>;
  registrationsOfEvent(eventId: string): Promise<RegistrationState[]>;
  /**
   * Takes `partySize` free seats and writes the registration in one transaction, the registration
   * only if the person has none or an ended one (at `previousVersion`), with the service-standard
   * measurement events given (same transaction). Refused: which condition failed.
   */
  takeSeats(
    registration: RegistrationRecord,
    previousVersion: number | null,
    measurements?: readonly MeasurementEvent[],
  ): Promise<SeatRefusal | null>;
  /**
   * Joins the session's waiting list: a sequence number taken atomically, then, in one
   * transaction, the session still full for this party (else 'seats_free': try to register) and
   * the registration written as waiting. Answers the place's sequence number and its position in
   * line at the moment of joining.
   */
  joinWaitingList(
    registration: RegistrationRecord,
    previousVersion: number | null,
  ): Promise<{ waitSeq: number; position: number } | 'seats_free' | 'already_registered'>;
  /** The first `limit` waiting registrations of a session, in line order (the waiting-list index). */
  waitingList(eventId: string, sessionId: string, limit: number): Promise<RegistrationState[]>;
  /** The place in line of the waiting registration with this sequence number (1 = next). */
  waitingPosition(eventId: string, sessionId: string, waitSeq: number): Promise<number>;
  /**
   * Ends a registration (cancelled / declined / expired / moved) from `expected` in one
   * transaction: the seats it held go back to the session — held for the waiting list when
   * someone waits (with a pending-offer marker), free otherwise — and a waiting one leaves the
   * count. False when the registration changed meanwhile.
   */
  release(next: RegistrationState, expected: RegistrationState): Promise<boolean>;
  /** Moves a registered party to another session of the event: old seats released, new ones taken. */
  moveSession(next: RegistrationState, expected: RegistrationState): Promise<'moved' | 'full' | 'changed'>;
  /** Gives a waiting party an offer from the session's held seats; false when either changed. */
  offer(next: RegistrationState, expected: RegistrationState): Promise<boolean>;
  /**
   * Turns held seats back into free ones when nobody waits any more (or, once the session has
   * started, `evenIfWaiting`); false when the session changed.
   */
  freeHeldSeats(session: SessionState, options?: { evenIfWaiting: boolean }): Promise<boolean>;
  /** Accepts an offer still open at `nowIso`; false when it is not. */
  acceptOffer(next: RegistrationState, expected: RegistrationState, nowIso: string): Promise<boolean>;
  /**
   * Takes the walk-in's seats from the session's free ones (never from seats held for the waiting
   * list), counts them checked in and records the walk-in, in one transaction; false when too few
   * seats are free.
   */
  addWalkIn(walkIn: Omit<WalkInRecord, 'walkInId'>): Promise<boolean>;
  walkInsOfEvent(eventId: string): Promise<WalkInState[]>;
  /** Records a pledge (a new item per pledge). */
  recordPledge(pledge: PledgeRecord): Promise<void>;
  /** A person's pledges to an event, oldest first. */
  pledgesOf(eventId: string, personKey: string): Promise<PledgeRecord[]>;
  /** Every pledge to an event (the report). */
  pledgesOfEvent(eventId: string): Promise<PledgeRecord[]>;
  /**
   * Records a checked-in registration's rating, once, and (for a low one) its customer-voice item in
   * the same transaction; false when the registration is not checked in or already rated.
   */
  rate(
    eventId: string,
    personKey: string,
    rating: EventRating,
    voiceItem: VoiceItemRecord | null,
    /** The rating in the measurement stream (`consultation.event_rated`, its score), written with it. */
    measurement?: MeasurementEvent,
  ): Promise<boolean>;
  /** Records the withdrawal of a registration's marketing consent; false when none is in force. */
  withdrawMarketingConsent(eventId: string, personKey: string, at: string): Promise<boolean>;
  /** Checks a registered party in: the registration `registered → checked_in`, the session's count up. */
  checkIn(next: RegistrationState, expected: RegistrationState): Promise<boolean>;
  /** Offers whose time ran out by `nowIso`. */
  expiredOffers(nowIso: string): Promise<RegistrationState[]>;
  /**
   * Offers still open after `nowIso` whose customer was not told yet (the open offers are the
   * outbox of the offer notices).
   */
  unnotifiedOffers(nowIso: string): Promise<RegistrationState[]>;
  /** Records that the customer was told of this offer; false when the offer is no longer open (or is another one). */
  markOfferNotified(offer: RegistrationState, at: string): Promise<boolean>;
  /** Sessions with seats freed for the waiting list and not yet offered (the pending-offer markers). */
  pendingOffers(): Promise<PendingOffer[]>;
  /**
   * Removes a session's pending-offer marker once nothing is left to offer, unless seats were
   * freed again since it was read (its `mark` moved on).
   */
  clearPendingOffer(pending: PendingOffer): Promise<void>;
}

import { randomUUID } from 'node:crypto';
import { isInBranchSubtree } from '@zhixiang/shared/auth/access';
import { AppError } from '@zhixiang/shared/errors';
import { BUSY_MESSAGE, ENDED_STATUSES, SEAT_HOLDING_STATUSES } from '@zhixiang/shared/events/schemas';
import { firstStartOf } from '@zhixiang/shared/events/view';
import type {
  CompanionRecord,
  EventAuditRecord,
  EventCover,
  EventRating,
  EventRecord,
  EventStore,
  PendingOffer,
  PledgeRecord,
  RegistrationRecord,
  RegistrationState,
  SeatRefusal,
  SessionState,
  WalkInRecord,
  WalkInState,
} from '@zhixiang/shared/ports/events';
import type { FieldCipher } from '@zhixiang/shared/ports/field-cipher';
import type { VoiceItemRecord } from '@zhixiang/shared/ports/voice';
import type { MeasurementEvent } from '@zhixiang/shared/standards/measure';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '../../platform/dynamodb/document-client';
import {
  cancellationCodes,
  conditionally,
  isConditionalCheckFailed,
  queryAll,
  retryingTransactionConflicts,
  type TableContext,
} from '../../platform/dynamodb/table';
import { measurementPut } from '../../platform/measurement/measurement-stream';
import { voiceItemPuts } from '../../voice/adapters/voice-store';

/**
 * Club events in the one table. One partition per event holds the event (`EVENT`), a seat counter
 * per session (`SESSION#<id>`), one registration per person (`REG#<personKey>`: the item itself
 * guards "one registration per person and event"), the walk-ins let in at the door
 * (`WALKIN#<id>`) and the sessions' pending-offer markers (`PENDINGOFFER#<id>`, the outbox of freed
 * seats not yet offered). Seats only ever change inside
 * a transaction whose condition keeps them non-negative, as callback seats do.
 * Indexes: gsi1 = published events by first start; a person's registrations; the pending-offer
 * markers. gsi2 = events by organising branch path; open offers by expiry (sparse; also the outbox
 * of the offer notices: an open offer without `offerNotifiedAt` was not told yet).
 * Key shapes: docs/dynamodb-access-patterns.md.
 */
const eventPk = (eventId: string) => `EVENT#${eventId}`;
const eventKey = (eventId: string) => ({ pk: eventPk(eventId), sk: 'EVENT' });
const sessionKey = (eventId: string, sessionId: string) => ({
  pk: eventPk(eventId),
  sk: `SESSION#${sessionId}`,
});
const registrationKey = (eventId: string, personKey: string) => ({
  pk: eventPk(eventId),
  sk: `REG#${personKey}`,
});
const pendingKey = (eventId: string, sessionId: string) => ({
  pk: eventPk(eventId),
  sk: `PENDINGOFFER#${sessionId}`,
});
const PUBLISHED = 'EVENTS#PUBLISHED';
const ORGANISED = 'EVENTS#ORGANISER';
const OFFERS = 'EVENTS#OFFERS';
const PENDING = 'EVENTS#PENDINGOFFERS';

/** Contended transactions on one session are retried this often before the person is asked to try again. */
const MAX_ATTEMPTS = 25;

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * The expression attribute names an operation uses (`#free` → `free`): seat counters are named
 * after what they count, and several of those words are reserved in DynamoDB's expressions.
 */
function named<
  T extends {
    UpdateExpression?: string;
    ConditionExpression?: string;
    ExpressionAttributeNames?: Record<string, string>;
  },
>(operation: T): T {
  const used =
    `${operation.UpdateExpression ?? ''} ${operation.ConditionExpression ?? ''}`.match(/#\w+/g) ?? [];
  if (used.length === 0) return operation;
  return {
    ...operation,
    ExpressionAttributeNames: Object.fromEntries(used.map((name) => [name, name.slice(1)])),
  };
}

function namedItem(item: TransactItem): TransactItem {
  if (item.Update) return { Update: named(item.Update) };
  if (item.Put) return { Put: named(item.Put) };
  if (item.ConditionCheck) return { ConditionCheck: named(item.ConditionCheck) };
  return item;
}

function eventItem(event: EventRecord): Record<string, unknown> {
  return {
    ...eventKey(event.eventId),
    entity: 'clubEvent',
    ...event,
    gsi2pk: ORGANISED,
    gsi2sk: `${event.organiserBranchPath}#${event.eventId}`,
    ...(event.status === 'published'
      ? { gsi1pk: PUBLISHED, gsi1sk: `${firstStartOf(event)}#${event.eventId}` }
      : {}),
  };
}

function strip<T>(item: Record<string, unknown>, ...extra: string[]): T {
  const out: Record<string, unknown> = {};
  const drop = new Set([
    'pk',
    'sk',
    'entity',
    'gsi1pk',
    'gsi1sk',
    'gsi2pk',
    'gsi2sk',
    'gsi3pk',
    'gsi3sk',
    ...extra,
  ]);
  for (const [k, v] of Object.entries(item)) if (!drop.has(k)) out[k] = v;
  return out as T;
}

const toSession = (item: Record<string, unknown>) => strip<SessionState>(item);
const toState = (item: Record<string, unknown>) => strip<RegistrationState>(item, 'companionsSealed');

/** The offer index's keys while an offer is open, none otherwise. */
function offerIndex(r: RegistrationState): Record<string, string> {
  return r.status === 'offered' && r.offerExpiresAt
    ? { gsi2pk: OFFERS, gsi2sk: `${r.offerExpiresAt}#${r.eventId}#${r.personKey}` }
    : {};
}

const waitingPk = (eventId: string, sessionId: string) => `EVENTWAIT#${eventId}#${sessionId}`;
const waitingSk = (waitSeq: number) => String(waitSeq).padStart(10, '0');

/** The waiting-list index's keys while the registration waits (a session's line in order), none otherwise. */
function waitingIndex(r: RegistrationState): Record<string, string> {
  return r.status === 'waiting' && r.waitSeq !== null
    ? { gsi3pk: waitingPk(r.eventId, r.sessionId), gsi3sk: waitingSk(r.waitSeq) }
    : {};
}

export class DynamoEventStore implements EventStore {
  constructor(
    private readonly ctx: TableContext,
    private readonly cipher: FieldCipher,
  ) {}

  async create(event: EventRecord, audit?: EventAuditRecord): Promise<boolean> {
    try {
      await this.send([
        {
          Put: {
            TableName: this.ctx.table,
            Item: eventItem(event),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...event.sessions.map((s) => this.sessionPut(event.eventId, s, 'attribute_not_exists(pk)')),
        ...(audit ? [this.auditPut(audit)] : []),
      ]);
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async replaceDraft(event: EventRecord, previous: EventRecord, audit: EventAuditRecord): Promise<boolean> {
    const kept = new Set(event.sessions.map((s) => s.sessionId));
    try {
      await this.send([
        {
          Put: {
            TableName: this.ctx.table,
            Item: eventItem(event),
            // A draft has no registrations, so its seat counters may be laid out afresh.
            ConditionExpression: '#status = :draft',
            ExpressionAttributeValues: { ':draft': 'draft' },
          },
        },
        ...event.sessions.map((s) => this.sessionPut(event.eventId, s)),
        ...previous.sessions
          .filter((s) => !kept.has(s.sessionId))
          .map(
            (s): TransactItem => ({
              Delete: { TableName: this.ctx.table, Key: sessionKey(event.eventId, s.sessionId) },
            }),
          ),
        this.auditPut(audit),
      ]);
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async publish(eventId: string, at: string, audit: EventAuditRecord): Promise<boolean> {
    const event = await this.get(eventId);
    if (event?.status !== 'draft') return false;
    try {
      await this.send([
        {
          Put: {
            TableName: this.ctx.table,
            Item: eventItem({ ...event, status: 'published', publishedAt: at }),
            ConditionExpression: '#status = :draft',
            ExpressionAttributeValues: { ':draft': 'draft' },
          },
        },
        this.auditPut(audit),
      ]);
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async setCover(eventId: string, cover: EventCover, audit: EventAuditRecord): Promise<boolean> {
    try {
      await this.send([
        {
          Update: {
            TableName: this.ctx.table,
            Key: eventKey(eventId),
            UpdateExpression: 'SET #cover = :cover',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':cover': cover },
          },
        },
        this.auditPut(audit),
      ]);
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async auditTrail(eventId: string): Promise<EventAuditRecord[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
      ExpressionAttributeValues: { ':pk': eventPk(eventId), ':audit': 'AUDIT#' },
      ConsistentRead: true,
    });
    return items.map((i) => strip<EventAuditRecord>(i));
  }

  /** A session's seat counter, all seats free (a new event, or a draft laid out again). */
  private sessionPut(eventId: string, s: EventRecord['sessions'][number], condition?: string): TransactItem {
    return {
      Put: {
        TableName: this.ctx.table,
        Item: {
          ...sessionKey(eventId, s.sessionId),
          entity: 'clubEventSession',
          eventId,
          sessionId: s.sessionId,
          capacity: s.capacity,
          free: s.capacity,
          held: 0,
          waiting: 0,
          waitSeq: 0,
          checkedIn: 0,
        },
        ...(condition ? { ConditionExpression: condition } : {}),
      },
    };
  }

  private auditPut(audit: EventAuditRecord): TransactItem {
    return {
      Put: {
        TableName: this.ctx.table,
        Item: {
          pk: eventPk(audit.eventId),
          sk: `AUDIT#${audit.at}#${randomUUID()}`,
          entity: 'clubEventAudit',
          ...audit,
        },
      },
    };
  }

  async get(eventId: string): Promise<EventRecord | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: eventKey(eventId), ConsistentRead: true }),
    );
    return Item ? strip<EventRecord>(Item) : null;
  }

  async listPublished(): Promise<EventRecord[]> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': PUBLISHED },
    });
    return items.map((i) => strip<EventRecord>(i));
  }

  async listByOrganiser(branchPathPrefix: string): Promise<EventRecord[]> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :prefix)',
      ExpressionAttributeValues: { ':pk': ORGANISED, ':prefix': branchPathPrefix },
    });
    // `HQ/SH` is a prefix of `HQ/SH1` too: keep the subtree only.
    return items
      .map((i) => strip<EventRecord>(i))
      .filter((e) => isInBranchSubtree(e.organiserBranchPath, branchPathPrefix));
  }

  async sessions(eventId: string): Promise<SessionState[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :session)',
      ExpressionAttributeValues: { ':pk': eventPk(eventId), ':session': 'SESSION#' },
      ConsistentRead: true,
    });
    return items.map(toSession);
  }

  async session(eventId: string, sessionId: string): Promise<SessionState | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({
        TableName: this.ctx.table,
        Key: sessionKey(eventId, sessionId),
        ConsistentRead: true,
      }),
    );
    return Item ? toSession(Item) : null;
  }

  async registration(eventId: string, personKey: string): Promise<RegistrationRecord | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({
        TableName: this.ctx.table,
        Key: registrationKey(eventId, personKey),
        ConsistentRead: true,
      }),
    );
    return Item ? this.toRecord(Item) : null;
  }

  async registrationsOf(userId: string): Promise<RegistrationRecord[]> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `EVENTREG#${userId}` },
      ScanIndexForward: false,
    });
    return Promise.all(items.map((i) => this.toRecord(i)));
  }

  async registrationsOfEvent(eventId: string): Promise<RegistrationState[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :reg)',
      ExpressionAttributeValues: { ':pk': eventPk(eventId), ':reg': 'REG#' },
      ConsistentRead: true,
    });
    return items.map(toState);
  }

  async waitingList(eventId: string, sessionId: string, limit: number): Promise<RegistrationState[]> {
    if (limit <= 0) return [];
    const { Items = [] } = await this.ctx.client.send(
      new QueryCommand({
        TableName: this.ctx.table,
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :pk',
        ExpressionAttributeValues: { ':pk': waitingPk(eventId, sessionId) },
        Limit: limit,
      }),
    );
    return Items.map(toState);
  }

  async waitingPosition(eventId: string, sessionId: string, waitSeq: number): Promise<number> {
    let position = 0;
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.ctx.client.send(
        new QueryCommand({
          TableName: this.ctx.table,
          IndexName: 'gsi3',
          KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk <= :mine',
          ExpressionAttributeValues: { ':pk': waitingPk(eventId, sessionId), ':mine': waitingSk(waitSeq) },
          Select: 'COUNT',
          ExclusiveStartKey,
        }),
      );
      position += page.Count ?? 0;
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return position;
  }

  async takeSeats(
    registration: RegistrationRecord,
    previousVersion: number | null,
    measurements: readonly MeasurementEvent[] = [],
  ): Promise<SeatRefusal | null> {
    const put = await this.registrationPut(registration, previousVersion);
    const failed = await this.transact(() => [
      {
        Update: {
          TableName: this.ctx.table,
          Key: sessionKey(registration.eventId, registration.sessionId),
          UpdateExpression: 'SET #free = #free - :n',
          ConditionExpression: '#free >= :n',
          ExpressionAttributeValues: { ':n': registration.partySize },
        },
      },
      put,
      ...measurements.map((event) => measurementPut(this.ctx, event)),
    ]);
    if (!failed) return null;
    return failed[1] ? 'already_registered' : 'full';
  }

  async joinWaitingList(
    registration: RegistrationRecord,
    previousVersion: number | null,
  ): Promise<{ waitSeq: number; position: number } | 'seats_free' | 'already_registered'> {
    // One single-item update takes the place in line: serialised by DynamoDB, never a conflict.
    let waitSeq: number;
    let position: number;
    try {
      const { Attributes } = await this.ctx.client.send(
        new UpdateCommand(
          named({
            TableName: this.ctx.table,
            Key: sessionKey(registration.eventId, registration.sessionId),
            UpdateExpression: 'ADD #waitSeq :one, #waiting :one',
            ConditionExpression: '#free < :n',
            ExpressionAttributeValues: { ':one': 1, ':n': registration.partySize },
            ReturnValues: 'UPDATED_NEW',
          }),
        ),
      );
      waitSeq = Number(Attributes?.waitSeq);
      // Everyone counted as waiting right after this update joined before: the place in line.
      position = Number(Attributes?.waiting);
    } catch (error) {
      if (isConditionalCheckFailed(error)) return 'seats_free';
      throw error;
    }
    const put = await this.registrationPut({ ...registration, status: 'waiting', waitSeq }, previousVersion);
    if (await conditionally(this.ctx, new PutCommand(named(put.Put!)))) return { waitSeq, position };
    // Already registered: the place taken is given back (its number stays unused).
    await this.ctx.client.send(
      new UpdateCommand(
        named({
          TableName: this.ctx.table,
          Key: sessionKey(registration.eventId, registration.sessionId),
          UpdateExpression: 'ADD #waiting :minus',
          ExpressionAttributeValues: { ':minus': -1 },
        }),
      ),
    );
    return 'already_registered';
  }

  async release(next: RegistrationState, expected: RegistrationState): Promise<boolean> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const items = await this.releaseItems(expected);
      const failed = await this.transact(() => [this.transition(next, expected), ...items]);
      if (!failed) return true;
      if (failed[0]) return false;
      // The session's waiting count moved between the read and the write: decide again.
    }
    throw new AppError('CONFLICT', BUSY_MESSAGE);
  }

  async moveSession(
    next: RegistrationState,
    expected: RegistrationState,
  ): Promise<'moved' | 'full' | 'changed'> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const items = await this.releaseItems(expected);
      const failed = await this.transact(() => [
        this.transition(next, expected),
        {
          Update: {
            TableName: this.ctx.table,
            Key: sessionKey(next.eventId, next.sessionId),
            UpdateExpression: 'SET #free = #free - :n',
            ConditionExpression: '#free >= :n',
            ExpressionAttributeValues: { ':n': next.partySize },
          },
        },
        ...items,
      ]);
      if (!failed) return 'moved';
      if (failed[0]) return 'changed';
      if (failed[1]) return 'full';
    }
    throw new AppError('CONFLICT', BUSY_MESSAGE);
  }

  async offer(next: RegistrationState, expected: RegistrationState): Promise<boolean> {
    const failed = await this.transact(() => [
      this.transition(next, expected),
      {
        Update: {
          TableName: this.ctx.table,
          Key: sessionKey(next.eventId, next.sessionId),
          UpdateExpression: 'ADD #held :minusSeats, #waiting :minusOne',
          ConditionExpression: '#held >= :seats',
          ExpressionAttributeValues: {
            ':seats': next.partySize,
            ':minusSeats': -next.partySize,
            ':minusOne': -1,
          },
        },
      },
    ]);
    return !failed;
  }

  async freeHeldSeats(session: SessionState, options?: { evenIfWaiting: boolean }): Promise<boolean> {
    const failed = await this.transact(() => [
      {
        Update: {
          TableName: this.ctx.table,
          Key: sessionKey(session.eventId, session.sessionId),
          UpdateExpression: 'SET #free = #free + #held, #held = :zero',
          ConditionExpression: options?.evenIfWaiting
            ? '#held = :held'
            : '#held = :held AND #waiting = :zero',
          ExpressionAttributeValues: { ':held': session.held, ':zero': 0 },
        },
      },
    ]);
    return !failed;
  }

  async acceptOffer(next: RegistrationState, expected: RegistrationState, nowIso: string): Promise<boolean> {
    const update = this.transition(next, expected);
    const failed = await this.transact(() => [
      {
        Update: {
          ...update.Update!,
          ConditionExpression: `${update.Update!.ConditionExpression} AND offerExpiresAt > :now`,
          ExpressionAttributeValues: { ...update.Update!.ExpressionAttributeValues, ':now': nowIso },
        },
      },
    ]);
    return !failed;
  }

  async recordPledge(pledge: PledgeRecord): Promise<void> {
    await this.ctx.client.send(
      new PutCommand({
        TableName: this.ctx.table,
        Item: {
          pk: eventPk(pledge.eventId),
          sk: `PLEDGE#${pledge.personKey}#${pledge.pledgedAt}#${randomUUID()}`,
          entity: 'clubEventPledge',
          ...pledge,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async pledgesOf(eventId: string, personKey: string): Promise<PledgeRecord[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :mine)',
      ExpressionAttributeValues: { ':pk': eventPk(eventId), ':mine': `PLEDGE#${personKey}#` },
      ConsistentRead: true,
    });
    return items.map((i) => strip<PledgeRecord>(i));
  }

  async pledgesOfEvent(eventId: string): Promise<PledgeRecord[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :pledge)',
      ExpressionAttributeValues: { ':pk': eventPk(eventId), ':pledge': 'PLEDGE#' },
    });
    return items.map((i) => strip<PledgeRecord>(i));
  }

  async addWalkIn(walkIn: Omit<WalkInRecord, 'walkInId'>): Promise<boolean> {
    const { name, mobile, ...rest } = walkIn;
    const state = { ...rest, walkInId: randomUUID() };
    const sealed = await this.cipher.encrypt(JSON.stringify({ name, mobile }));
    const failed = await this.transact(() => [
      {
        Update: {
          TableName: this.ctx.table,
          Key: sessionKey(walkIn.eventId, walkIn.sessionId),
          UpdateExpression: 'SET #free = #free - :n ADD #checkedIn :n',
          ConditionExpression: '#free >= :n',
          ExpressionAttributeValues: { ':n': walkIn.partySize },
        },
      },
      {
        Put: {
          TableName: this.ctx.table,
          Item: {
            pk: eventPk(walkIn.eventId),
            sk: `WALKIN#${state.walkInId}`,
            entity: 'clubEventWalkIn',
            ...state,
            personSealed: sealed,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ]);
    return !failed;
  }

  async walkInsOfEvent(eventId: string): Promise<WalkInState[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :walkIn)',
      ExpressionAttributeValues: { ':pk': eventPk(eventId), ':walkIn': 'WALKIN#' },
    });
    return items.map((i) => strip<WalkInState>(i, 'personSealed'));
  }

  async rate(
    eventId: string,
    personKey: string,
    rating: EventRating,
    voiceItem: VoiceItemRecord | null,
    measurement?: MeasurementEvent,
  ): Promise<boolean> {
    try {
      await this.send([
        {
          Update: {
            TableName: this.ctx.table,
            Key: registrationKey(eventId, personKey),
            UpdateExpression: 'SET #rating = :rating',
            ConditionExpression:
              '#status = :checkedIn AND (attribute_not_exists(#rating) OR #rating = :none)',
            ExpressionAttributeValues: { ':rating': rating, ':checkedIn': 'checked_in', ':none': null },
          },
        },
        // The service standards' satisfaction figures: the rating with its score, written with it.
        ...(measurement ? [measurementPut(this.ctx, measurement)] : []),
        // A low rating joins the customer-voice stream with the rating itself, or neither is written;
        // its announcement entry has the voice projection push it to the listening executives.
        ...(voiceItem ? voiceItemPuts(this.ctx.table, voiceItem) : []),
      ]);
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  withdrawMarketingConsent(eventId: string, personKey: string, at: string): Promise<boolean> {
    return conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: registrationKey(eventId, personKey),
        UpdateExpression: 'SET marketingConsentWithdrawnAt = :at',
        ConditionExpression:
          'attribute_exists(marketingConsentVersion) AND marketingConsentVersion <> :none AND ' +
          '(attribute_not_exists(marketingConsentWithdrawnAt) OR marketingConsentWithdrawnAt = :none)',
        ExpressionAttributeValues: { ':at': at, ':none': null },
      }),
    );
  }

  async checkIn(next: RegistrationState, expected: RegistrationState): Promise<boolean> {
    const failed = await this.transact(() => [
      this.transition(next, expected),
      {
        Update: {
          TableName: this.ctx.table,
          Key: sessionKey(next.eventId, next.sessionId),
          UpdateExpression: 'ADD #checkedIn :n',
          ExpressionAttributeValues: { ':n': next.partySize },
        },
      },
    ]);
    return !failed;
  }

  async expiredOffers(nowIso: string): Promise<RegistrationState[]> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk <= :now',
      ExpressionAttributeValues: { ':pk': OFFERS, ':now': nowIso },
    });
    return items.map(toState);
  }

  async unnotifiedOffers(nowIso: string): Promise<RegistrationState[]> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk > :now',
      FilterExpression: 'attribute_not_exists(offerNotifiedAt) OR offerNotifiedAt = :none',
      ExpressionAttributeValues: { ':pk': OFFERS, ':now': nowIso, ':none': null },
    });
    return items.map(toState);
  }

  markOfferNotified(offer: RegistrationState, at: string): Promise<boolean> {
    return conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: registrationKey(offer.eventId, offer.personKey),
        UpdateExpression: 'SET offerNotifiedAt = :at',
        // The same offer: still open, with the expiry the customer was told.
        ConditionExpression: '#status = :offered AND offerExpiresAt = :expiresAt',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':at': at, ':offered': 'offered', ':expiresAt': offer.offerExpiresAt },
      }),
    );
  }

  async pendingOffers(): Promise<PendingOffer[]> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': PENDING },
    });
    return items.map((i) => ({
      eventId: String(i.eventId),
      sessionId: String(i.sessionId),
      mark: Number(i.mark),
    }));
  }

  async clearPendingOffer(pending: PendingOffer): Promise<void> {
    await conditionally(
      this.ctx,
      new UpdateCommand(
        named({
          TableName: this.ctx.table,
          Key: pendingKey(pending.eventId, pending.sessionId),
          UpdateExpression: 'REMOVE gsi1pk, gsi1sk',
          ConditionExpression: '#mark = :mark',
          ExpressionAttributeValues: { ':mark': pending.mark },
        }),
      ),
    );
  }

  /**
   * What ending `expected` does to its session: seats it held go back — kept for the waiting list
   * (and a pending-offer marker raised) while someone waits, free otherwise, each on the
   * condition that the waiting count read still holds; leaving the list lowers the count (and
   * raises the marker, so seats held for nobody are freed).
   */
  private async releaseItems(expected: RegistrationState): Promise<TransactItem[]> {
    const key = sessionKey(expected.eventId, expected.sessionId);
    const marker: TransactItem = {
      Update: {
        TableName: this.ctx.table,
        Key: pendingKey(expected.eventId, expected.sessionId),
        UpdateExpression:
          'ADD #mark :one SET gsi1pk = :pk, gsi1sk = :sk, eventId = :e, sessionId = :s, entity = :entity',
        ExpressionAttributeValues: {
          ':one': 1,
          ':pk': PENDING,
          ':sk': `${expected.eventId}#${expected.sessionId}`,
          ':e': expected.eventId,
          ':s': expected.sessionId,
          ':entity': 'clubEventPendingOffer',
        },
      },
    };
    if (expected.status === 'waiting')
      return [
        {
          Update: {
            TableName: this.ctx.table,
            Key: key,
            UpdateExpression: 'ADD #waiting :minus',
            ExpressionAttributeValues: { ':minus': -1 },
          },
        },
        marker,
      ];
    if (!SEAT_HOLDING_STATUSES.includes(expected.status)) return [];
    const session = await this.session(expected.eventId, expected.sessionId);
    if (session && session.waiting > 0)
      return [
        {
          Update: {
            TableName: this.ctx.table,
            Key: key,
            UpdateExpression: 'ADD #held :n',
            ConditionExpression: '#waiting > :zero',
            ExpressionAttributeValues: { ':n': expected.partySize, ':zero': 0 },
          },
        },
        marker,
      ];
    return [
      {
        Update: {
          TableName: this.ctx.table,
          Key: key,
          UpdateExpression: 'ADD #free :n',
          ConditionExpression: '#waiting = :zero',
          ExpressionAttributeValues: { ':n': expected.partySize, ':zero': 0 },
        },
      },
    ];
  }

  /** The registration moved from `expected` (same version and status) to `next`'s state. */
  private transition(next: RegistrationState, expected: RegistrationState): TransactItem {
    const index = offerIndex(next);
    const sets = [
      '#status = :status',
      'sessionId = :sessionId',
      'waitSeq = :waitSeq',
      'offerExpiresAt = :offerExpiresAt',
      'updatedAt = :updatedAt',
      'version = :version',
      ...(index.gsi2pk ? ['gsi2pk = :gsi2pk', 'gsi2sk = :gsi2sk'] : []),
    ];
    return {
      Update: {
        TableName: this.ctx.table,
        Key: registrationKey(expected.eventId, expected.personKey),
        UpdateExpression: `SET ${sets.join(', ')} REMOVE gsi3pk, gsi3sk, offerNotifiedAt${index.gsi2pk ? '' : ', gsi2pk, gsi2sk'}`,
        ConditionExpression: 'version = :expectedVersion AND #status = :expectedStatus',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': next.status,
          ':sessionId': next.sessionId,
          ':waitSeq': next.waitSeq,
          ':offerExpiresAt': next.offerExpiresAt,
          ':updatedAt': next.updatedAt,
          ':version': expected.version + 1,
          ':expectedVersion': expected.version,
          ':expectedStatus': expected.status,
          ...(index.gsi2pk ? { ':gsi2pk': index.gsi2pk, ':gsi2sk': index.gsi2sk } : {}),
        },
      },
    };
  }

  /** A new registration, or one replacing the person's ended registration at `previousVersion`. */
  private async registrationPut(
    r: RegistrationRecord,
    previousVersion: number | null,
  ): Promise<TransactItem> {
    const { companions, ...state } = r;
    return {
      Put: {
        TableName: this.ctx.table,
        Item: {
          ...registrationKey(r.eventId, r.personKey),
          entity: 'clubEventRegistration',
          ...state,
          companionsSealed: companions.length ? await this.cipher.encrypt(JSON.stringify(companions)) : null,
          gsi1pk: `EVENTREG#${r.userId}`,
          gsi1sk: `${r.registeredAt}#${r.eventId}`,
          ...offerIndex(r),
          ...waitingIndex(r),
        },
        ...(previousVersion === null
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : {
              ConditionExpression: `version = :previous AND #status IN (${ENDED_STATUSES.map((_, i) => `:ended${i}`).join(', ')})`,
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':previous': previousVersion,
                ...Object.fromEntries(ENDED_STATUSES.map((s, i) => [`:ended${i}`, s])),
              },
            }),
      },
    };
  }

  private async toRecord(item: Record<string, unknown>): Promise<RegistrationRecord> {
    const sealed = item.companionsSealed as string | null | undefined;
    const companions: CompanionRecord[] = sealed ? JSON.parse(await this.cipher.decrypt(sealed)) : [];
    return { ...toState(item), companions };
  }

  private send(items: TransactItem[]) {
    return this.ctx.client.send(new TransactWriteCommand({ TransactItems: items.map(namedItem) }));
  }

  /**
   * Runs one TransactWriteItems: null when it went through, else which items' conditions failed.
   * A conflict with a concurrent transaction on the same session says nothing about seats and is
   * retried with jitter.
   */
  private async transact(items: () => TransactItem[]): Promise<boolean[] | null> {
    let batch: TransactItem[] = [];
    try {
      await retryingTransactionConflicts(() => {
        batch = items();
        return this.send(batch);
      }, MAX_ATTEMPTS);
      return null;
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes.length === 0) {
        if (!isConditionalCheckFailed(error)) throw error;
        return batch.map(() => true);
      }
      const failed = codes.map((code) => code === 'ConditionalCheckFailed');
      if (failed.some(Boolean)) return failed;
      throw new AppError('CONFLICT', BUSY_MESSAGE, { cause: error });
    }
  }
}

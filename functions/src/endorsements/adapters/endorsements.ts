import { isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { CreateEndorsementRequest } from '@zhixiang/shared/endorsement/application';
import { endorsementMeasurement } from '@zhixiang/shared/endorsement/measurement';
import type {
  DomainEventRecord,
  DraftedTarget,
  EndorsementEventRecord,
  EndorsementRecord,
} from '@zhixiang/shared/endorsement/model';
import {
  APPLICATION_CHANGED_MESSAGE,
  DOCUMENT_SIGNED_MEANWHILE_MESSAGE,
  POLICY_CHANGED_MESSAGE,
  SUBMISSION_IN_PROGRESS_MESSAGE,
} from '@zhixiang/shared/endorsement/model';
import { isFinal } from '@zhixiang/shared/endorsement/state-machine';
import { AppError } from '@zhixiang/shared/errors';
import type {
  EndorsementCommit,
  EndorsementRepository,
  OpenApplicationSlot,
} from '@zhixiang/shared/ports/endorsements';
import type { FieldCipher } from '@zhixiang/shared/ports/field-cipher';
import { createDocumentRepository, type DynamoDocumentRepository } from '../../documents/adapters/documents';
import { DynamoPayoutInstructions } from '../../payments/adapters/payout-instructions';
import {
  DeleteCommand,
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
  entityItem,
  orNull,
  orUndefined,
  queryAll,
  retryingTransactionConflicts,
  type TableContext,
} from '../../platform/dynamodb/table';
import { measurementPut } from '../../platform/measurement/measurement-stream';
import type { DynamoCustomerRepository } from '../../platform/records/customers';
import { getItem } from '../../platform/records/point-reads';
import type { DynamoPolicyRepository } from '../../platform/records/policies';
import { createRecordRepositories } from '../../platform/records/repositories';
import type { SubmissionIdempotency } from './submission-idempotency';

/** Tries of one transaction cancelled only by a concurrent one (two reports of one payment, two staff). */
const TRANSACTION_ATTEMPTS = 6;

/*
 * Endorsement applications (保全申请), one partition each: the application (`sk=ENDORSEMENT`) and its
 * audit trail (`EVENT#<at>#<seq>`, written once, never updated). Indexes: gsi1 = the holder's
 * applications, newest first (我的申请, the agent's view of a customer); gsi2 = 保全审核, the
 * applications awaiting review by branch path then submission time (sparse: while submitted;
 * `begins_with` = a subtree). The domain-event outbox: `DOMAINEVENT#<eventId>`, pending on gsi1
 * (`OUTBOX#PENDING`, sparse) until a consumer takes it. The items keep the entity markers
 * (`endorsement`, `endorsementEvent`, `domainEvent`: `entityItem`); every key prefix queried here
 * belongs to one of them alone, so the queries need no filter. Key shapes:
 * docs/dynamodb-access-patterns.md.
 */

/**
 * An application as stored. The request is ciphertext at rest (it may hold a new phone,
 * beneficiaries' ID numbers, a card number); change rows and figures are stored masked. Nested
 * parts are maps: written whole, read whole, never queried.
 */
export interface ApplicationAttributes {
  applicationId: string;
  type: EndorsementRecord['type'];
  status: EndorsementRecord['status'];
  policyNo: string;
  productName: string;
  holderId: string;
  holder: EndorsementRecord['holder'];
  insured: EndorsementRecord['insured'];
  branchPath: string;
  policyVersion: number;
  requestCipher: string;
  channel: EndorsementRecord['channel'];
  changes: EndorsementRecord['changes'];
  figures: EndorsementRecord['figures'];
  figureRows: EndorsementRecord['figureRows'];
  reviewReasons: string[];
  documentId: string;
  consentDocumentId?: string;
  insuredConsented: boolean;
  phoneConfirmed?: boolean;
  preparedBy: EndorsementRecord['preparedBy'];
  decision?: NonNullable<EndorsementRecord['decision']>;
  payment?: NonNullable<EndorsementRecord['payment']>;
  /** The payout's status and masked account (the account itself is on the instruction, encrypted). */
  payout?: NonNullable<EndorsementRecord['payout']>;
  createdAt: number;
  updatedAt: number;
  submittedAt?: number;
  version: number;
  /** The draft's policy and parties (JSON, encrypted): see `EndorsementRecord.drafted`. */
  draftedCipher?: string;
  /** The audit trail so far (a copy written by the same transactions as the event items). */
  timeline?: EndorsementEventRecord[];
  holdsOpenSlot?: boolean;
  trustee?: NonNullable<EndorsementRecord['trustee']>;
  counterAct?: NonNullable<EndorsementRecord['counterAct']>;
  /** Present only while submitted and awaiting staff review: the sparse review-queue index. */
  reviewQueue?: 'PENDING';
  reviewSortKey?: string;
}

/** An audit event as stored: the record without its null attributes. */
type EventAttributes = {
  [K in keyof EndorsementEventRecord]: null extends EndorsementEventRecord[K]
    ? NonNullable<EndorsementEventRecord[K]> | undefined
    : EndorsementEventRecord[K];
};

/** An outbox item as stored; the consumer adds when it took the event, failed deliveries and the last reason. */
interface DomainEventAttributes extends Omit<DomainEventRecord, 'amountCents' | 'reason'> {
  amountCents?: number;
  reason?: string;
  outbox?: 'PENDING';
  consumedAt?: number;
  attempts?: number;
  lastError?: string;
}

/** The review queue's partition on gsi2 (`reviewQueue` is `PENDING` while submitted). */
const REVIEW_QUEUE = 'ENDORSEMENTREVIEW#PENDING';

const applicationKey = (applicationId: string) => ({ pk: `ENDORSEMENT#${applicationId}`, sk: 'ENDORSEMENT' });

/** The slot of "one open application per type and policy": `applicationId` holds it while open. */
const openApplicationKey = (slot: OpenApplicationSlot) => ({
  pk: `OPENENDORSEMENT#${slot.policyNo}#${slot.type}`,
  sk: 'OPEN',
});

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export class DynamoEndorsementRepository implements EndorsementRepository {
  constructor(
    private readonly policies: Pick<DynamoPolicyRepository, 'transactPut' | 'transactVersionCheck'>,
    private readonly customers: Pick<DynamoCustomerRepository, 'transactPut'>,
    private readonly documents: Pick<
      DynamoDocumentRepository,
      'transactDiscardUnsigned' | 'transactVoidSigned'
    >,
    private readonly cipher: FieldCipher,
    private readonly ctx: TableContext,
    /** The payments context's instructions, written in the same transaction as a payout's effect. */
    private readonly payouts: Pick<DynamoPayoutInstructions, 'transactItems'>,
    /** Null where nothing is submitted (the outbox consumer). */
    private readonly idempotency: Pick<SubmissionIdempotency, 'transactPut'> | null,
  ) {}

  async get(applicationId: string): Promise<EndorsementRecord | null> {
    // A plain GetItem on the precomputed key (every endorsement route reads the application first).
    const item = await getItem(this.ctx, applicationKey(applicationId));
    return item ? this.toRecord(item as unknown as ApplicationAttributes) : null;
  }

  async listByHolder(customerId: string): Promise<EndorsementRecord[]> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `CUSTOMER#${customerId}#ENDORSEMENTS` },
      ScanIndexForward: false,
    });
    return Promise.all(items.map((item) => this.toRecord(item as unknown as ApplicationAttributes)));
  }

  async listAwaitingReview(branchPath: string): Promise<EndorsementRecord[]> {
    // An empty path (the whole company) is the whole queue: DynamoDB refuses an empty key value.
    const items = (await queryAll(
      this.ctx,
      branchPath
        ? {
            IndexName: 'gsi2',
            KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :branch)',
            ExpressionAttributeValues: { ':pk': REVIEW_QUEUE, ':branch': branchPath },
          }
        : {
            IndexName: 'gsi2',
            KeyConditionExpression: 'gsi2pk = :pk',
            ExpressionAttributeValues: { ':pk': REVIEW_QUEUE },
          },
    )) as unknown as ApplicationAttributes[];
    // begins_with("HQ/SH") also matches "HQ/SH1/…": keep the true subtree only.
    const inSubtree = items.filter((item) => isInBranchSubtree(item.branchPath, branchPath));
    const records = await Promise.all(inSubtree.map((item) => this.toRecord(item)));
    return records.sort((a, b) => (a.submittedAt ?? 0) - (b.submittedAt ?? 0));
  }

  async listEvents(applicationId: string): Promise<EndorsementEventRecord[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :events)',
      ExpressionAttributeValues: { ':pk': applicationKey(applicationId).pk, ':events': 'EVENT#' },
    });
    return items.map((item) => toEvent(item as unknown as EventAttributes));
  }

  async create(application: EndorsementRecord, events: EndorsementEventRecord[]): Promise<void> {
    await this.transact(
      [
        {
          Put: {
            TableName: this.ctx.table,
            Item: applicationItem(await this.toItem({ ...application, timeline: appendEvents([], events) })),
            ConditionExpression: 'attribute_not_exists(applicationId)',
          },
        },
        ...events.flatMap((event) => this.eventPuts(event, application)),
      ],
      { 0: APPLICATION_CHANGED_MESSAGE },
    );
  }

  async commit(change: EndorsementCommit): Promise<EndorsementRecord> {
    const { timeline } = change.application;
    const stored: EndorsementRecord = {
      ...change.application,
      version: change.expectedVersion + 1,
      // The copy of the trail goes on only where it is whole (applications drafted since it was kept).
      timeline: timeline ? appendEvents(timeline, change.events) : null,
    };
    // The draft's copy of the policy and parties serves its submission only: it goes once submitted
    // or final, so the parties' details are not kept twice for longer than that.
    if (stored.submittedAt !== null || isFinal(stored.status)) stored.drafted = null;
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.ctx.table,
          Item: applicationItem(await this.toItem(stored)),
          ConditionExpression: '#version = :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':version': change.expectedVersion },
        },
      },
    ];
    const messages: Record<number, string> = { 0: APPLICATION_CHANGED_MESSAGE };
    if (change.policy) {
      messages[items.length] = POLICY_CHANGED_MESSAGE;
      items.push(await this.policies.transactPut(change.policy));
    } else if (change.policyVersionCheck) {
      messages[items.length] = POLICY_CHANGED_MESSAGE;
      items.push(
        this.policies.transactVersionCheck(
          change.policyVersionCheck.policyNo,
          change.policyVersionCheck.version,
        ),
      );
    }
    if (change.holder) {
      messages[items.length] = POLICY_CHANGED_MESSAGE;
      items.push(await this.customers.transactPut(change.holder, change.holderPhoneBefore ?? null));
    }
    for (const documentId of change.discardUnsignedDocuments ?? []) {
      messages[items.length] = DOCUMENT_SIGNED_MEANWHILE_MESSAGE;
      items.push(this.documents.transactDiscardUnsigned(documentId, change.application.updatedAt));
    }
    const voiding = change.voidSignedDocuments;
    for (const documentId of voiding?.documentIds ?? []) {
      messages[items.length] = APPLICATION_CHANGED_MESSAGE;
      items.push(
        ...this.documents.transactVoidSigned(
          documentId,
          {
            reason: voiding?.reason ?? '',
            at: change.application.updatedAt,
            byUserId: voiding?.byUserId ?? null,
          },
          voiding?.byRole ?? null,
        ),
      );
    }
    if (change.idempotency) {
      messages[items.length] = SUBMISSION_IN_PROGRESS_MESSAGE;
      if (!this.idempotency) throw new Error('this wiring records no Idempotency-Key');
      items.push(this.idempotency.transactPut(change.idempotency));
    }
    // A final application frees its type on the policy in the same transaction. Only one that
    // holds the slot: one opened before the slot existed must not refuse its own transition (its
    // slot, if any, may be another application's). A missing slot is fine (a failed create gave it
    // back); another application's refuses, as the application then cannot be the open one.
    const releasesSlot = isFinal(stored.status) && stored.holdsOpenSlot === true;
    if (releasesSlot) {
      messages[items.length] = APPLICATION_CHANGED_MESSAGE;
      items.push({
        Delete: {
          TableName: this.ctx.table,
          Key: openApplicationKey(stored),
          ConditionExpression: 'attribute_not_exists(pk) OR applicationId = :id',
          ExpressionAttributeValues: { ':id': stored.applicationId },
        },
      });
    }
    if (change.payoutInstructions?.length) {
      const payoutItems = await this.payouts.transactItems(change.payoutInstructions);
      for (const item of payoutItems) {
        messages[items.length] = APPLICATION_CHANGED_MESSAGE;
        items.push(item);
      }
    }
    for (const event of change.events) items.push(...this.eventPuts(event, stored));
    for (const event of change.outbox ?? [])
      items.push({ Put: { TableName: this.ctx.table, Item: pendingDomainEventItem(event) } });
    await this.transact(items, messages, change.idempotency ? SUBMISSION_IN_PROGRESS_MESSAGE : undefined);
    // An application opened before the slot existed: a conditional release after the commit (a
    // failed one only leaves a stale slot, which the next create takes over).
    if (isFinal(stored.status) && !releasesSlot)
      await this.releaseOpenApplication(stored, stored.applicationId).catch(() => undefined);
    return stored;
  }

  async reserveOpenApplication(
    slot: OpenApplicationSlot,
    applicationId: string,
    at: number,
    replacing?: string,
  ): Promise<{ applicationId: string; reservedAt: number } | null> {
    const reserved = await conditionally(
      this.ctx,
      new PutCommand({
        TableName: this.ctx.table,
        Item: { ...openApplicationKey(slot), ...slot, applicationId, reservedAt: at },
        ConditionExpression: replacing ? 'applicationId = :replacing' : 'attribute_not_exists(pk)',
        ...(replacing ? { ExpressionAttributeValues: { ':replacing': replacing } } : {}),
      }),
    );
    if (reserved) return null;
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: openApplicationKey(slot), ConsistentRead: true }),
    );
    // Released in between: try again as a plain reservation.
    if (!Item) return this.reserveOpenApplication(slot, applicationId, at);
    return { applicationId: Item.applicationId as string, reservedAt: Item.reservedAt as number };
  }

  async releaseOpenApplication(slot: OpenApplicationSlot, applicationId: string): Promise<void> {
    await conditionally(
      this.ctx,
      new DeleteCommand({
        TableName: this.ctx.table,
        Key: openApplicationKey(slot),
        ConditionExpression: 'applicationId = :id',
        ExpressionAttributeValues: { ':id': applicationId },
      }),
    );
  }

  async listPendingDomainEvents(limit: number): Promise<DomainEventRecord[]> {
    // One page of at most `limit`, oldest first.
    const { Items } = await this.ctx.client.send(
      new QueryCommand({
        TableName: this.ctx.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': 'OUTBOX#PENDING' },
        Limit: limit,
      }),
    );
    return (Items ?? []).map((item) => toDomainEvent(item as unknown as DomainEventAttributes));
  }

  async markDomainEventConsumed(eventId: string, at: number): Promise<boolean> {
    // The index keys go with `outbox`: the item leaves the sparse index in the same write.
    return conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: domainEventKey(eventId),
        UpdateExpression: 'SET consumedAt = :at REMOVE outbox, gsi1pk, gsi1sk',
        ConditionExpression: 'attribute_exists(gsi1pk)',
        ExpressionAttributeValues: { ':at': at },
      }),
    );
  }

  async recordDomainEventFailure(eventId: string, reason: string): Promise<void> {
    // Conditional so that a failure counted after another consumer took the event recreates nothing.
    await conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: domainEventKey(eventId),
        UpdateExpression: 'ADD attempts :one SET lastError = :reason',
        ConditionExpression: 'attribute_exists(gsi1pk)',
        ExpressionAttributeValues: { ':one': 1, ':reason': reason.slice(0, 500) },
      }),
    );
  }

  /** The audit event and its measurement event (the service standards' stream), written together. */
  private eventPuts(event: EndorsementEventRecord, application: EndorsementRecord): TransactItem[] {
    return [this.eventPut(event), measurementPut(this.ctx, endorsementMeasurement(event, application))];
  }

  private eventPut(event: EndorsementEventRecord): TransactItem {
    return {
      Put: {
        TableName: this.ctx.table,
        Item: eventItem(event),
        // Append-only: an event is never overwritten.
        ConditionExpression: 'attribute_not_exists(seq)',
      },
    };
  }

  /** A refused condition names its item: the application, or the policy / holder behind it. */
  /** `collision`: the message when another transaction held one of the items at that moment. */
  private async transact(
    items: TransactItem[],
    messages: Record<number, string>,
    collision?: string,
  ): Promise<void> {
    try {
      await retryingTransactionConflicts(
        () => this.ctx.client.send(new TransactWriteCommand({ TransactItems: items })),
        TRANSACTION_ATTEMPTS,
      );
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes.length > 0) {
        const failed = codes.indexOf('ConditionalCheckFailed');
        if (failed >= 0)
          throw new AppError('CONFLICT', messages[failed] ?? APPLICATION_CHANGED_MESSAGE, {
            cause: error,
            logMessage: `endorsement transaction refused at item ${failed}`,
          });
        if (codes.includes('TransactionConflict'))
          throw new AppError('CONFLICT', collision ?? messages[1] ?? APPLICATION_CHANGED_MESSAGE, {
            cause: error,
            logMessage: 'endorsement transaction collided with another one',
          });
      }
      throw error;
    }
  }

  async toItem(record: EndorsementRecord): Promise<ApplicationAttributes> {
    const awaitingReview = record.status === 'submitted';
    return {
      applicationId: record.applicationId,
      type: record.type,
      status: record.status,
      policyNo: record.policyNo,
      productName: record.productName,
      holderId: record.holder.customerId,
      holder: record.holder,
      insured: record.insured,
      branchPath: record.branchPath,
      policyVersion: record.policyVersion,
      requestCipher: await this.cipher.encrypt(JSON.stringify(record.request)),
      channel: record.channel,
      changes: record.changes,
      figures: record.figures,
      figureRows: record.figureRows,
      reviewReasons: record.reviewReasons,
      documentId: record.documentId,
      consentDocumentId: orUndefined(record.consentDocumentId),
      insuredConsented: record.insuredConsented,
      phoneConfirmed: orUndefined(record.phoneConfirmed),
      preparedBy: record.preparedBy,
      decision: orUndefined(record.decision),
      payment: orUndefined(record.payment),
      payout: orUndefined(record.payout),
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      submittedAt: orUndefined(record.submittedAt),
      version: record.version,
      draftedCipher: record.drafted ? await this.cipher.encrypt(JSON.stringify(record.drafted)) : undefined,
      timeline: orUndefined(record.timeline),
      holdsOpenSlot: record.holdsOpenSlot || undefined,
      trustee: orUndefined(record.trustee),
      counterAct: orUndefined(record.counterAct),
      reviewQueue: awaitingReview ? 'PENDING' : undefined,
      reviewSortKey: awaitingReview
        ? `${record.branchPath}#${record.submittedAt ?? record.updatedAt}#${record.applicationId}`
        : undefined,
    };
  }

  private async toRecord(item: ApplicationAttributes): Promise<EndorsementRecord> {
    const [request, drafted] = await Promise.all([
      this.cipher.decrypt(item.requestCipher),
      item.draftedCipher ? this.cipher.decrypt(item.draftedCipher) : null,
    ]);
    return {
      applicationId: item.applicationId,
      type: item.type,
      status: item.status,
      policyNo: item.policyNo,
      productName: item.productName,
      holder: item.holder,
      insured: item.insured,
      branchPath: item.branchPath,
      policyVersion: item.policyVersion,
      request: JSON.parse(request) as CreateEndorsementRequest,
      channel: item.channel,
      changes: item.changes,
      figures: item.figures,
      figureRows: item.figureRows,
      reviewReasons: item.reviewReasons,
      documentId: item.documentId,
      consentDocumentId: orNull(item.consentDocumentId),
      insuredConsented: item.insuredConsented,
      phoneConfirmed: orNull(item.phoneConfirmed),
      preparedBy: item.preparedBy,
      decision: orNull(item.decision),
      payment: orNull(item.payment),
      payout: orNull(item.payout),
      createdAt: item.createdAt,
      updatedAt: item.updatedAt,
      submittedAt: orNull(item.submittedAt),
      version: item.version,
      drafted: drafted ? (JSON.parse(drafted) as DraftedTarget) : null,
      timeline: orNull(item.timeline),
      holdsOpenSlot: item.holdsOpenSlot === true,
      trustee: orNull(item.trustee),
      counterAct: orNull(item.counterAct),
    };
  }
}

/*
 * The items the transactions write (`entityItem`): a submission writes eight. Seeds, benchmarks
 * and other code read and write the same items, so their shapes do not change; the unit test
 * `endorsement-items.test.ts` holds them to literal items.
 */

/** The application's item: its attributes (`toItem`), keys and index keys. */
export function applicationItem(attributes: ApplicationAttributes): Record<string, unknown> {
  const review = attributes.reviewQueue
    ? { gsi2pk: `ENDORSEMENTREVIEW#${attributes.reviewQueue}`, gsi2sk: attributes.reviewSortKey }
    : {};
  return entityItem('endorsement', {
    ...attributes,
    ...applicationKey(attributes.applicationId),
    gsi1pk: `CUSTOMER#${attributes.holderId}#ENDORSEMENTS`,
    gsi1sk: `${attributes.createdAt}#${attributes.applicationId}`,
    ...review,
  });
}

/** An audit event's item (the user agent cut to 300 characters). */
export function eventItem(written: EndorsementEventRecord) {
  const event = storedEvent(written);
  return entityItem('endorsementEvent', {
    ...event,
    pk: `ENDORSEMENT#${event.applicationId}`,
    sk: `EVENT#${event.at}#${event.seq}`,
  });
}

/** An outbox item, pending on the sparse index until a consumer takes it. */
export function pendingDomainEventItem(event: DomainEventRecord) {
  return entityItem('domainEvent', {
    ...event,
    outbox: 'PENDING',
    ...domainEventKey(event.eventId),
    gsi1pk: 'OUTBOX#PENDING',
    gsi1sk: `${event.at}#${event.eventId}`,
  });
}

/** An event as stored: the user agent cut to 300 characters. */
function storedEvent(event: EndorsementEventRecord): EndorsementEventRecord {
  return { ...event, userAgent: event.userAgent?.slice(0, 300) ?? null };
}

/** The trail with `events` added, in time order (as the Query of the event items returns it). */
function appendEvents(
  timeline: readonly EndorsementEventRecord[],
  events: readonly EndorsementEventRecord[],
): EndorsementEventRecord[] {
  return [...timeline, ...events.map(storedEvent)].sort(byTime);
}

function byTime(a: EndorsementEventRecord, b: EndorsementEventRecord): number {
  return a.at - b.at || a.seq.localeCompare(b.seq);
}

function toEvent(item: EventAttributes): EndorsementEventRecord {
  return {
    applicationId: item.applicationId,
    at: item.at,
    seq: item.seq,
    type: item.type,
    fromStatus: orNull(item.fromStatus),
    toStatus: orNull(item.toStatus),
    actorUserId: item.actorUserId,
    actorRole: item.actorRole,
    actorName: item.actorName,
    onBehalfOf: orNull(item.onBehalfOf),
    sourceIp: orNull(item.sourceIp),
    userAgent: orNull(item.userAgent),
    verificationId: orNull(item.verificationId),
    before: orNull(item.before),
    after: orNull(item.after),
    detail: orNull(item.detail),
  };
}

const domainEventKey = (eventId: string) => ({ pk: `DOMAINEVENT#${eventId}`, sk: 'DOMAINEVENT' });

function toDomainEvent(item: DomainEventAttributes): DomainEventRecord {
  return {
    eventId: item.eventId,
    type: item.type,
    at: item.at,
    applicationId: item.applicationId,
    policyNo: item.policyNo,
    endorsementType: item.endorsementType,
    holderId: item.holderId,
    amountCents: orNull(item.amountCents),
    reason: orNull(item.reason),
  };
}

/**
 * The records the endorsement engine reads and writes: the shared records, the documents and the
 * applications over one table. The API's wiring and the outbox consumer's build them the same way.
 */
export function createEndorsementRepositories(
  table: TableContext,
  fieldCipher: FieldCipher,
  submissionIdempotency: Pick<SubmissionIdempotency, 'transactPut'> | null = null,
) {
  const records = createRecordRepositories(table, fieldCipher);
  const documents = createDocumentRepository(table);
  return {
    ...records,
    documents,
    endorsements: new DynamoEndorsementRepository(
      records.policies,
      records.customers,
      documents,
      fieldCipher,
      table,
      new DynamoPayoutInstructions(table, fieldCipher),
      submissionIdempotency,
    ),
  };
}

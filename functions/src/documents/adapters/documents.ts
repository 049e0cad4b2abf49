import { randomBytes } from 'node:crypto';
import {
  ALREADY_SIGNED_MESSAGE,
  AUDIT_EVENT_TYPES,
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  type DocumentAuditEvent,
  type DocumentRecord,
  signerOf,
  type VoidedRecord,
} from '@zhixiang/shared/documents/model';
import { AppError } from '@zhixiang/shared/errors';
import type { DocumentRepository } from '@zhixiang/shared/ports/documents';
import { Entity } from 'electrodb';
import {
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '../../platform/dynamodb/document-client';
import {
  ALL_PAGES,
  conditionally,
  isConditionalCheckFailed,
  orNull,
  orUndefined,
  SERVICE_NAME,
  type TableContext,
} from '../../platform/dynamodb/table';

/**
 * An electronic document (an application 申请书 or a 批单). Nested parts (parties, change rows, signature, sealed PDF) are
 * stored as maps of `any`: they are written once and read whole, never queried.
 */
export const documentSchema = {
  model: { entity: 'document', version: '1', service: SERVICE_NAME },
  attributes: {
    documentId: { type: 'string', required: true },
    /** Absent on records stored before applications and 批单 were separate documents. */
    kind: { type: DOCUMENT_KINDS },
    title: { type: 'string', required: true },
    changeType: { type: 'string', required: true },
    policyNo: { type: 'string', required: true },
    productName: { type: 'string', required: true },
    holderId: { type: 'string', required: true },
    holder: { type: 'any', required: true },
    insured: { type: 'any', required: true },
    branchPath: { type: 'string', required: true },
    changes: { type: 'any', required: true },
    effectiveDate: { type: 'string', required: true },
    annotation: { type: 'string', required: true },
    purpose: { type: 'string', required: true },
    contentHash: { type: 'string', required: true },
    status: { type: DOCUMENT_STATUSES, required: true },
    createdAt: { type: 'number', required: true },
    createdBy: { type: 'string', required: true },
    signerRole: { type: ['holder', 'insured'] as const },
    signature: { type: 'any' },
    sealed: { type: 'any' },
    applicationDocumentId: { type: 'string' },
    endorsementDocumentId: { type: 'string' },
    effectiveAt: { type: 'number' },
    /** { reason, at, byUserId } once voided. */
    voided: { type: 'any' },
    /** The sealed PDF's SHA-256, set once sealed: the sparse index of verification. */
    sealedSha256: { type: 'string' },
    /** The signer holding the signing (claimSigning) and until when; gone once signed. */
    signingClaimId: { type: 'string' },
    signingClaimUntil: { type: 'number' },
    version: { type: 'number', required: true },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['documentId'], template: 'DOCUMENT#${documentId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'DOCUMENT', casing: 'none' },
    },
    // 我的批单: the policyholder's documents, newest first.
    byHolder: {
      index: 'gsi1',
      pk: {
        field: 'gsi1pk',
        composite: ['holderId'],
        template: 'CUSTOMER#${holderId}#DOCUMENTS',
        casing: 'none',
      },
      sk: {
        field: 'gsi1sk',
        composite: ['createdAt', 'documentId'],
        template: '${createdAt}#${documentId}',
        casing: 'none',
      },
    },
    // POST /documents/verify: an uploaded file's SHA-256 → the document we issued (sparse: sealed only).
    bySealedHash: {
      index: 'gsi2',
      pk: {
        field: 'gsi2pk',
        composite: ['sealedSha256'],
        template: 'DOCHASH#${sealedSha256}',
        casing: 'none',
      },
      sk: { field: 'gsi2sk', composite: [], template: 'DOCUMENT', casing: 'none' },
    },
  },
} as const;

/** One audit event, in the document's partition so the trail is one Query in time order. */
export const documentEventSchema = {
  model: { entity: 'documentEvent', version: '1', service: SERVICE_NAME },
  attributes: {
    documentId: { type: 'string', required: true },
    at: { type: 'number', required: true },
    /** Orders events of the same millisecond and keeps two of them from colliding. */
    seq: { type: 'string', required: true },
    type: { type: AUDIT_EVENT_TYPES, required: true },
    actorUserId: { type: 'string' },
    actorRole: { type: 'string' },
    sourceIp: { type: 'string' },
    userAgent: { type: 'string' },
    hashBefore: { type: 'string' },
    hashAfter: { type: 'string' },
    detail: { type: 'string' },
  },
  indexes: {
    byDocument: {
      pk: { field: 'pk', composite: ['documentId'], template: 'DOCUMENT#${documentId}', casing: 'none' },
      sk: { field: 'sk', composite: ['at', 'seq'], template: 'AUDIT#${at}#${seq}', casing: 'none' },
    },
  },
} as const;

export function createDocumentEntity(ctx: TableContext) {
  return new Entity(documentSchema, ctx);
}
export function createDocumentEventEntity(ctx: TableContext) {
  return new Entity(documentEventSchema, ctx);
}
type DocumentEntity = ReturnType<typeof createDocumentEntity>;
type EventEntity = ReturnType<typeof createDocumentEventEntity>;
type DocumentItem = NonNullable<Awaited<ReturnType<ReturnType<DocumentEntity['get']>['go']>>['data']>;
type EventItem = NonNullable<Awaited<ReturnType<ReturnType<EventEntity['get']>['go']>>['data']>;
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export class DynamoDocumentRepository implements DocumentRepository {
  constructor(
    private readonly documents: DocumentEntity,
    private readonly events: EventEntity,
    private readonly ctx: TableContext,
  ) {}

  async create(document: DocumentRecord, created: DocumentAuditEvent): Promise<void> {
    await this.transact(
      [
        {
          Put: this.documents
            .put(toItem(document))
            .where((attr, op) => op.notExists(attr.documentId))
            .params() as TransactItem['Put'],
        },
        { Put: this.events.put(toEventItem(created)).params() as TransactItem['Put'] },
      ],
      '批单号已存在',
    );
  }

  async get(documentId: string): Promise<DocumentRecord | null> {
    const { data } = await this.documents.get({ documentId }).go();
    return data ? toRecord(data) : null;
  }

  async listByHolder(customerId: string): Promise<DocumentRecord[]> {
    const { data } = await this.documents.query
      .byHolder({ holderId: customerId })
      .go({ ...ALL_PAGES, order: 'desc' });
    return data.map(toRecord);
  }

  async findBySealedHash(sha256: string): Promise<DocumentRecord | null> {
    const { data } = await this.documents.query.bySealedHash({ sealedSha256: sha256 }).go({ limit: 1 });
    return data[0] ? toRecord(data[0]) : null;
  }

  async claimSigning(input: Parameters<DocumentRepository['claimSigning']>[0]): Promise<boolean> {
    return conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: documentKey(input.documentId),
        UpdateExpression: 'SET signingClaimId = :claim, signingClaimUntil = :until',
        ConditionExpression:
          '#status = :awaiting AND version = :version AND (attribute_not_exists(signingClaimUntil) OR signingClaimUntil < :now)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':claim': input.claimId,
          ':until': input.until,
          ':awaiting': 'awaiting_signature',
          ':version': input.expectedVersion,
          ':now': input.now,
        },
      }),
    );
  }

  async releaseSigning(documentId: string, claimId: string): Promise<void> {
    await conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: documentKey(documentId),
        UpdateExpression: 'REMOVE signingClaimId, signingClaimUntil',
        ConditionExpression: 'signingClaimId = :claim',
        ExpressionAttributeValues: { ':claim': claimId },
      }),
    );
  }

  async completeSigning(
    input: Parameters<DocumentRepository['completeSigning']>[0],
  ): Promise<DocumentRecord> {
    const current = await this.get(input.documentId);
    if (!current) throw new AppError('NOT_FOUND', '未找到该批单');
    const signed: DocumentRecord = {
      ...current,
      status: 'signed',
      signature: input.signature,
      sealed: input.sealed,
      version: input.expectedVersion + 1,
    };
    await this.transact(
      [
        {
          Put: this.documents
            .put(toItem(signed))
            .where(
              (attr, op) =>
                `${op.eq(attr.version, input.expectedVersion)} AND ${op.eq(attr.status, 'awaiting_signature')} AND ${op.eq(attr.signingClaimId, input.claimId)}`,
            )
            .params() as TransactItem['Put'],
        },
        ...input.events.map((event) => ({
          Put: this.events.put(toEventItem(event)).params() as TransactItem['Put'],
        })),
      ],
      ALREADY_SIGNED_MESSAGE,
    );
    return signed;
  }

  /**
   * As one item of a caller's transaction: deletes the document only while it is still unsigned
   * and nobody is signing it at `now` (an endorsement application cancelled before signing
   * discards its draft 批单; a signature under way refuses the cancellation instead).
   */
  transactDiscardUnsigned(documentId: string, now: number): TransactItem {
    const params = this.documents
      .delete({ documentId })
      .where(
        (attr, op) =>
          `${op.eq(attr.status, 'awaiting_signature')} AND (${op.notExists(attr.signingClaimUntil)} OR ${op.lt(attr.signingClaimUntil, now)})`,
      )
      .params() as TransactItem['Delete'];
    return { Delete: params };
  }

  /**
   * As items of a caller's transaction: a signed document becomes voided with the reason and time
   * (a cancelled or rejected application), and its `voided` event is appended. The document must
   * still be signed: anything else refuses the caller's whole transaction.
   */
  transactVoidSigned(documentId: string, voided: VoidedRecord, byRole: string | null): TransactItem[] {
    const event: DocumentAuditEvent = {
      documentId,
      type: 'voided',
      at: voided.at,
      actorUserId: voided.byUserId,
      actorRole: byRole,
      sourceIp: null,
      userAgent: null,
      hashBefore: null,
      hashAfter: null,
      detail: voided.reason,
    };
    return [this.voidUpdate(documentId, voided, ['signed']), this.eventPut(event)];
  }

  async voidDocument(input: Parameters<DocumentRepository['voidDocument']>[0]): Promise<DocumentRecord> {
    await this.transact(
      [this.voidUpdate(input.documentId, input.voided, ['signed', 'effective']), this.eventPut(input.event)],
      '该文件已作废或尚未签署，不能作废',
    );
    const stored = await this.get(input.documentId);
    if (!stored) throw new AppError('NOT_FOUND', '未找到该文件');
    return stored;
  }

  async issueEndorsement(input: Parameters<DocumentRepository['issueEndorsement']>[0]): Promise<boolean> {
    const items: TransactItem[] = [
      {
        Put: this.documents
          .put(toItem(input.endorsement))
          .where((attr, op) => op.notExists(attr.documentId))
          .params() as TransactItem['Put'],
      },
      ...input.events.map((event) => this.eventPut(event)),
    ];
    for (const application of input.applications)
      items.push(
        {
          Update: {
            TableName: this.ctx.table,
            Key: documentKey(application.documentId),
            UpdateExpression:
              'SET #status = :effective, endorsementDocumentId = :endorsement, effectiveAt = :at ADD version :one',
            ConditionExpression: '#status = :signed',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':effective': 'effective',
              ':signed': 'signed',
              ':endorsement': input.endorsement.documentId,
              ':at': application.effectiveAt,
              ':one': 1,
            },
          },
        },
        this.eventPut(application.event),
      );
    try {
      await this.ctx.client.send(new TransactWriteCommand({ TransactItems: items }));
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error) && (await this.get(input.endorsement.documentId))) return false;
      throw error;
    }
  }

  private voidUpdate(
    documentId: string,
    voided: VoidedRecord,
    from: DocumentRecord['status'][],
  ): TransactItem {
    const values = Object.fromEntries(from.map((status, i) => [`:from${i}`, status]));
    return {
      Update: {
        TableName: this.ctx.table,
        Key: documentKey(documentId),
        UpdateExpression: 'SET #status = :voided, voided = :record ADD version :one',
        ConditionExpression: `#status IN (${Object.keys(values).join(', ')})`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ...values,
          ':voided': 'voided',
          ':record': { reason: voided.reason, at: voided.at, byUserId: voided.byUserId },
          ':one': 1,
        },
      },
    };
  }

  private eventPut(event: DocumentAuditEvent): TransactItem {
    return { Put: this.events.put(toEventItem(event)).params() as TransactItem['Put'] };
  }

  async appendEvent(event: DocumentAuditEvent): Promise<void> {
    await this.events.put(toEventItem(event)).go({ response: 'none' });
  }

  async listEvents(documentId: string): Promise<DocumentAuditEvent[]> {
    const { data } = await this.events.query.byDocument({ documentId }).go(ALL_PAGES);
    return data.map(toEvent);
  }

  /** A refused condition on the first item (the document) becomes CONFLICT with `message`. */
  private async transact(items: TransactItem[], message: string): Promise<void> {
    try {
      await this.ctx.client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (isConditionalCheckFailed(error)) throw new AppError('CONFLICT', message, { cause: error });
      throw error;
    }
  }
}

function toItem(record: DocumentRecord) {
  return {
    documentId: record.documentId,
    kind: record.kind,
    title: record.title,
    changeType: record.changeType,
    policyNo: record.policyNo,
    productName: record.productName,
    // 我的批单 lists a document for whoever signs it (the insured, for a consent document).
    holderId: signerOf(record).customerId,
    holder: record.holder,
    insured: record.insured,
    branchPath: record.branchPath,
    changes: record.changes,
    effectiveDate: record.effectiveDate,
    annotation: record.annotation,
    purpose: record.purpose,
    contentHash: record.contentHash,
    status: record.status,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    signerRole: record.signerRole,
    signature: orUndefined(record.signature),
    sealed: orUndefined(record.sealed),
    sealedSha256: record.sealed?.sha256,
    applicationDocumentId: record.applicationDocumentId,
    endorsementDocumentId: record.endorsementDocumentId,
    effectiveAt: record.effectiveAt,
    voided: record.voided,
    version: record.version,
  };
}

const documentKey = (documentId: string) => ({ pk: `DOCUMENT#${documentId}`, sk: 'DOCUMENT' });

function toRecord(item: DocumentItem): DocumentRecord {
  return {
    documentId: item.documentId,
    ...(item.kind ? { kind: item.kind } : {}),
    title: item.title,
    changeType: item.changeType,
    policyNo: item.policyNo,
    productName: item.productName,
    holder: item.holder as DocumentRecord['holder'],
    insured: item.insured as DocumentRecord['insured'],
    branchPath: item.branchPath,
    changes: item.changes as DocumentRecord['changes'],
    effectiveDate: item.effectiveDate,
    annotation: item.annotation,
    purpose: item.purpose,
    contentHash: item.contentHash,
    status: item.status,
    createdAt: item.createdAt,
    createdBy: item.createdBy,
    ...(item.signerRole ? { signerRole: item.signerRole } : {}),
    signature: orNull(item.signature as DocumentRecord['signature'] | undefined),
    sealed: orNull(item.sealed as DocumentRecord['sealed'] | undefined),
    ...(item.applicationDocumentId ? { applicationDocumentId: item.applicationDocumentId } : {}),
    ...(item.endorsementDocumentId ? { endorsementDocumentId: item.endorsementDocumentId } : {}),
    ...(item.effectiveAt ? { effectiveAt: item.effectiveAt } : {}),
    ...(item.voided ? { voided: item.voided as VoidedRecord } : {}),
    version: item.version,
  };
}

function toEventItem(event: DocumentAuditEvent) {
  return {
    documentId: event.documentId,
    at: event.at,
    seq: `${AUDIT_EVENT_TYPES.indexOf(event.type)}${randomBytes(3).toString('hex')}`,
    type: event.type,
    actorUserId: orUndefined(event.actorUserId),
    actorRole: orUndefined(event.actorRole),
    sourceIp: orUndefined(event.sourceIp),
    userAgent: orUndefined(event.userAgent),
    hashBefore: orUndefined(event.hashBefore),
    hashAfter: orUndefined(event.hashAfter),
    detail: orUndefined(event.detail),
  };
}

function toEvent(item: EventItem): DocumentAuditEvent {
  return {
    documentId: item.documentId,
    type: item.type,
    at: item.at,
    actorUserId: orNull(item.actorUserId),
    actorRole: orNull(item.actorRole),
    sourceIp: orNull(item.sourceIp),
    userAgent: orNull(item.userAgent),
    hashBefore: orNull(item.hashBefore),
    hashAfter: orNull(item.hashAfter),
    detail: orNull(item.detail),
  };
}

export function createDocumentRepository(ctx: TableContext): DynamoDocumentRepository {
  return new DynamoDocumentRepository(createDocumentEntity(ctx), createDocumentEventEntity(ctx), ctx);
}

import { randomBytes } from 'node:crypto';
import {
  ALREADY_SIGNED_MESSAGE,
  AUDIT_EVENT_TYPES,
  type AuditEventType,
  type DocumentAuditEvent,
  type DocumentRecord,
  type SealedPdfRecord,
  type SignatureRecord,
  signerOf,
  type VoidedRecord,
} from '@zhixiang/shared/documents/model';
import { AppError } from '@zhixiang/shared/errors';
import type { DocumentRepository } from '@zhixiang/shared/ports/documents';
import {
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '../../platform/dynamodb/document-client';
import {
  conditionally,
  entityItem,
  isConditionalCheckFailed,
  orNull,
  orUndefined,
  queryAll,
  type TableContext,
} from '../../platform/dynamodb/table';
import { getItem } from '../../platform/records/point-reads';

/**
 * Electronic documents (an application 申请书 or a 批单) and their audit trails, in one partition
 * per document: the document (`sk=DOCUMENT`) and its append-only events (`AUDIT#<at>#<seq>`).
 * Indexes: gsi1 = 我的批单, the signer's documents newest first (`CUSTOMER#<holderId>#DOCUMENTS`,
 * `<createdAt>#<documentId>`); gsi2 = POST /documents/verify, a sealed PDF's SHA-256 → the document
 * we issued (`DOCHASH#<sha256>`, `DOCUMENT`; sparse: sealed only). The items keep the entity
 * markers `document` / `documentEvent` (`entityItem`); each key prefix belongs to these two
 * entities alone, so the queries need no filter. Key shapes: docs/dynamodb-access-patterns.md.
 */

/**
 * A document as stored. Nested parts (parties, change rows, signature, sealed PDF) are maps: they
 * are written once and read whole, never queried.
 */
export interface DocumentAttributes extends Omit<DocumentRecord, 'signature' | 'sealed'> {
  /** Whoever signs it (the insured, for a consent document): 我的批单 lists it for them. */
  holderId: string;
  signature?: SignatureRecord;
  sealed?: SealedPdfRecord;
  /** The sealed PDF's SHA-256, set once sealed: the sparse index of verification. */
  sealedSha256?: string;
  /** The signer holding the signing (claimSigning) and until when; gone once signed. */
  signingClaimId?: string;
  signingClaimUntil?: number;
}

/** One audit event as stored; `seq` orders events of the same millisecond and keeps two from colliding. */
export interface DocumentEventAttributes {
  documentId: string;
  at: number;
  seq: string;
  type: AuditEventType;
  actorUserId?: string;
  actorRole?: string;
  sourceIp?: string;
  userAgent?: string;
  hashBefore?: string;
  hashAfter?: string;
  detail?: string;
}

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const documentKey = (documentId: string) => ({ pk: `DOCUMENT#${documentId}`, sk: 'DOCUMENT' });

/** The document's item: its attributes, keys and index keys (gsi2 only once sealed). */
export function documentItem(attributes: DocumentAttributes): Record<string, unknown> {
  return entityItem('document', {
    ...attributes,
    ...documentKey(attributes.documentId),
    gsi1pk: `CUSTOMER#${attributes.holderId}#DOCUMENTS`,
    gsi1sk: `${attributes.createdAt}#${attributes.documentId}`,
    ...(attributes.sealedSha256 !== undefined
      ? { gsi2pk: `DOCHASH#${attributes.sealedSha256}`, gsi2sk: 'DOCUMENT' }
      : {}),
  });
}

/** An audit event's item, in its document's partition. */
export function documentEventItem(attributes: DocumentEventAttributes): Record<string, unknown> {
  return entityItem('documentEvent', {
    ...attributes,
    pk: `DOCUMENT#${attributes.documentId}`,
    sk: `AUDIT#${attributes.at}#${attributes.seq}`,
  });
}

export class DynamoDocumentRepository implements DocumentRepository {
  constructor(private readonly ctx: TableContext) {}

  async create(document: DocumentRecord, created: DocumentAuditEvent): Promise<void> {
    await this.transact([this.createPut(document), this.eventPut(created)], '批单号已存在');
  }

  async get(documentId: string): Promise<DocumentRecord | null> {
    // A plain GetItem on the precomputed key: the key holds documents only.
    const item = await getItem(this.ctx, documentKey(documentId));
    return item ? toRecord(item as unknown as DocumentAttributes) : null;
  }

  async listByHolder(customerId: string): Promise<DocumentRecord[]> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `CUSTOMER#${customerId}#DOCUMENTS` },
      ScanIndexForward: false,
    });
    return items.map((item) => toRecord(item as unknown as DocumentAttributes));
  }

  async findBySealedHash(sha256: string): Promise<DocumentRecord | null> {
    const { Items } = await this.ctx.client.send(
      new QueryCommand({
        TableName: this.ctx.table,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk = :sk',
        ExpressionAttributeValues: { ':pk': `DOCHASH#${sha256}`, ':sk': 'DOCUMENT' },
        Limit: 1,
      }),
    );
    const item = Items?.[0];
    return item ? toRecord(item as unknown as DocumentAttributes) : null;
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
          Put: {
            TableName: this.ctx.table,
            Item: documentItem(toItem(signed)),
            // Still the version read, awaiting signature and claimed by this signer.
            ConditionExpression: '#version = :version AND #status = :awaiting AND #claim = :claim',
            ExpressionAttributeNames: {
              '#version': 'version',
              '#status': 'status',
              '#claim': 'signingClaimId',
            },
            ExpressionAttributeValues: {
              ':version': input.expectedVersion,
              ':awaiting': 'awaiting_signature',
              ':claim': input.claimId,
            },
          },
        },
        ...input.events.map((event) => this.eventPut(event)),
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
    return {
      Delete: {
        TableName: this.ctx.table,
        Key: documentKey(documentId),
        ConditionExpression: '#status = :awaiting AND (attribute_not_exists(#until) OR #until < :now)',
        ExpressionAttributeNames: { '#status': 'status', '#until': 'signingClaimUntil' },
        ExpressionAttributeValues: { ':awaiting': 'awaiting_signature', ':now': now },
      },
    };
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
      this.createPut(input.endorsement),
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

  /** A new document: created only if its number is free. */
  private createPut(document: DocumentRecord): TransactItem {
    return {
      Put: {
        TableName: this.ctx.table,
        Item: documentItem(toItem(document)),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** An audit event, written unconditionally (its `seq` is random: two events never collide). */
  private eventPut(event: DocumentAuditEvent): TransactItem {
    return { Put: { TableName: this.ctx.table, Item: documentEventItem(toEventItem(event)) } };
  }

  async appendEvent(event: DocumentAuditEvent): Promise<void> {
    await this.ctx.client.send(
      new PutCommand({ TableName: this.ctx.table, Item: documentEventItem(toEventItem(event)) }),
    );
  }

  async listEvents(documentId: string): Promise<DocumentAuditEvent[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
      ExpressionAttributeValues: { ':pk': `DOCUMENT#${documentId}`, ':audit': 'AUDIT#' },
    });
    return items.map((item) => toEvent(item as unknown as DocumentEventAttributes));
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

function toItem(record: DocumentRecord): DocumentAttributes {
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
    trustee: record.trustee,
    counter: record.counter,
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

function toRecord(item: DocumentAttributes): DocumentRecord {
  return {
    documentId: item.documentId,
    ...(item.kind ? { kind: item.kind } : {}),
    title: item.title,
    changeType: item.changeType,
    policyNo: item.policyNo,
    productName: item.productName,
    holder: item.holder,
    insured: item.insured,
    branchPath: item.branchPath,
    changes: item.changes,
    effectiveDate: item.effectiveDate,
    annotation: item.annotation,
    purpose: item.purpose,
    contentHash: item.contentHash,
    status: item.status,
    createdAt: item.createdAt,
    createdBy: item.createdBy,
    ...(item.signerRole ? { signerRole: item.signerRole } : {}),
    ...(item.trustee ? { trustee: item.trustee } : {}),
    ...(item.counter ? { counter: item.counter } : {}),
    signature: orNull(item.signature),
    sealed: orNull(item.sealed),
    ...(item.applicationDocumentId ? { applicationDocumentId: item.applicationDocumentId } : {}),
    ...(item.endorsementDocumentId ? { endorsementDocumentId: item.endorsementDocumentId } : {}),
    ...(item.effectiveAt ? { effectiveAt: item.effectiveAt } : {}),
    ...(item.voided ? { voided: item.voided } : {}),
    version: item.version,
  };
}

function toEventItem(event: DocumentAuditEvent): DocumentEventAttributes {
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

function toEvent(item: DocumentEventAttributes): DocumentAuditEvent {
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
  return new DynamoDocumentRepository(ctx);
}

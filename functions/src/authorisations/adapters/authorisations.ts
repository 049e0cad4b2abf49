import { randomUUID } from 'node:crypto';
import { isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { PowerOfAttorney } from '@zhixiang/shared/authorisations/power-of-attorney';
import type {
  AuthorisationAuditEvent,
  AuthorisationRecord,
  AuthorisationStore,
  DecisionLetterEntry,
} from '@zhixiang/shared/ports/authorisations';
import type { FieldCipher } from '@zhixiang/shared/ports/field-cipher';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '../../platform/dynamodb/document-client';
import { conditionally, queryAll, type TableContext } from '../../platform/dynamodb/table';

/**
 * Video authorisations in the one table: one item each (`AUTHORISATION#<id>` / `AUTHORISATION`),
 * its power of attorney encrypted as a whole by the field cipher, and its audit trail beside it
 * (`AUDIT#<at>#<uuid>`, append-only). gsi1 = a customer's authorisations by creation; gsi2 (sparse:
 * submitted only) = the review queue by review branch path, and the decision letters' outbox; gsi3
 * (sparse) = rejected recordings by the end of their appeal window, and the evidence locked for
 * open-ended policies (whose lock the retention job extends) by id. Key shapes:
 * docs/dynamodb-access-patterns.md.
 */
const key = (authorisationId: string) => ({ pk: `AUTHORISATION#${authorisationId}`, sk: 'AUTHORISATION' });
const byCustomer = (customerId: string) => `AUTHORISATIONS#CUSTOMER#${customerId}`;
const REVIEW_QUEUE = 'AUTHORISATIONS#REVIEW';
const LETTERS_PENDING = 'AUTHORISATIONS#LETTERS#PENDING';
const PURGE_DUE = 'AUTHORISATIONS#PURGE';
const RETENTION_OPEN = 'AUTHORISATIONS#RETENTION#OPEN';
const letterKey = (authorisationId: string) => ({ pk: key(authorisationId).pk, sk: 'DECISIONLETTER' });
/** The trustee's link to an authorisation bound to them, written with the binding. */
const trusteeLinkKey = (userId: string, authorisationId: string) => ({
  pk: `TRUSTEE#${userId}`,
  sk: `AUTHORISATION#${authorisationId}`,
});
const auditKey = (authorisationId: string, event: AuthorisationAuditEvent) => ({
  pk: key(authorisationId).pk,
  sk: `AUDIT#${event.at}#${randomUUID()}`,
});

type Item = Omit<AuthorisationRecord, 'poa'> & { sealedPoa: string };

export class DynamoAuthorisationStore implements AuthorisationStore {
  constructor(
    private readonly ctx: TableContext,
    private readonly cipher: FieldCipher,
  ) {}

  async get(authorisationId: string): Promise<AuthorisationRecord | null> {
    const { Item: item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: key(authorisationId), ConsistentRead: true }),
    );
    return item ? this.toRecord(item as Item) : null;
  }

  async listByCustomer(customerId: string): Promise<AuthorisationRecord[]> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': byCustomer(customerId) },
      ScanIndexForward: false,
    });
    return Promise.all(items.map((item) => this.toRecord(item as Item)));
  }

  async listByTrustee(userId: string): Promise<AuthorisationRecord[]> {
    const links = await queryAll(this.ctx, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `TRUSTEE#${userId}`, ':prefix': 'AUTHORISATION#' },
      ScanIndexForward: false,
    });
    const records = await Promise.all(links.map((link) => this.get(String(link.authorisationId))));
    return records
      .filter((r): r is AuthorisationRecord => r !== null && r.trustee?.userId === userId)
      .sort((a, b) => (b.trustee?.boundAt ?? '').localeCompare(a.trustee?.boundAt ?? ''));
  }

  async put(
    record: AuthorisationRecord,
    expectedVersion: number | null,
    effects?: { audit: AuthorisationAuditEvent; letter?: DecisionLetterEntry },
  ): Promise<boolean> {
    const { poa, ...rest } = record;
    const put = {
      TableName: this.ctx.table,
      Item: {
        ...key(record.authorisationId),
        gsi1pk: byCustomer(record.customerId),
        gsi1sk: record.createdAt,
        ...(record.status === 'submitted'
          ? {
              gsi2pk: REVIEW_QUEUE,
              gsi2sk: `${record.reviewBranchPath}#${record.submittedAt}#${record.authorisationId}`,
            }
          : {}),
        ...(record.purgeAfter && record.recording && !record.recording.purgedAt
          ? { gsi3pk: PURGE_DUE, gsi3sk: `${record.purgeAfter}#${record.authorisationId}` }
          : record.status !== 'rejected' && record.recording?.openEndedPolicyNos?.length
            ? { gsi3pk: RETENTION_OPEN, gsi3sk: record.authorisationId }
            : {}),
        ...rest,
        sealedPoa: await this.cipher.encrypt(JSON.stringify(poa)),
      },
      ...(expectedVersion === null
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expected': expectedVersion },
          }),
    };
    if (!effects) return conditionally(this.ctx, new PutCommand(put));
    const { audit, letter } = effects;
    return conditionally(
      this.ctx,
      new TransactWriteCommand({
        TransactItems: [
          { Put: put },
          {
            Put: {
              TableName: this.ctx.table,
              Item: { ...auditKey(record.authorisationId, audit), ...audit },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          // A trustee's binding: their link, once per trustee and authorisation.
          ...(audit.action === 'trustee_bound' && record.trustee
            ? [
                {
                  Put: {
                    TableName: this.ctx.table,
                    Item: {
                      ...trusteeLinkKey(record.trustee.userId, record.authorisationId),
                      authorisationId: record.authorisationId,
                      boundAt: record.trustee.boundAt,
                    },
                    ConditionExpression: 'attribute_not_exists(pk)',
                  },
                },
              ]
            : []),
          ...(letter
            ? [
                {
                  Put: {
                    TableName: this.ctx.table,
                    Item: {
                      ...letterKey(letter.authorisationId),
                      gsi2pk: LETTERS_PENDING,
                      gsi2sk: `${letter.decidedAt}#${letter.authorisationId}`,
                      status: 'pending',
                      ...letter,
                    },
                    ConditionExpression: 'attribute_not_exists(pk)',
                  },
                },
              ]
            : []),
        ],
      }),
    );
  }

  async recordPart(authorisationId: string, s3UploadId: string, partNumber: number, etag: string) {
    return conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: key(authorisationId),
        UpdateExpression: 'SET #upload.#parts.#part = :etag',
        ConditionExpression: '#upload.#s3UploadId = :uploadId',
        ExpressionAttributeNames: {
          '#upload': 'videoUpload',
          '#parts': 'parts',
          '#part': String(partNumber),
          '#s3UploadId': 's3UploadId',
        },
        ExpressionAttributeValues: { ':etag': etag, ':uploadId': s3UploadId },
      }),
    );
  }

  async listSubmitted(branchPath: string): Promise<AuthorisationRecord[]> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :path)',
      ExpressionAttributeValues: { ':pk': REVIEW_QUEUE, ':path': branchPath },
    });
    const records = await Promise.all(items.map((item) => this.toRecord(item as Item)));
    return records
      .filter((r) => isInBranchSubtree(r.reviewBranchPath, branchPath))
      .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
  }

  async appendAudit(authorisationId: string, event: AuthorisationAuditEvent): Promise<void> {
    await this.ctx.client.send(
      new PutCommand({ TableName: this.ctx.table, Item: { ...auditKey(authorisationId, event), ...event } }),
    );
  }

  async listAudit(authorisationId: string): Promise<AuthorisationAuditEvent[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
      ExpressionAttributeValues: { ':pk': key(authorisationId).pk, ':audit': 'AUDIT#' },
    });
    return items.map((item) => ({
      action: item.action as AuthorisationAuditEvent['action'],
      byUserId: String(item.byUserId),
      at: String(item.at),
    }));
  }

  async listOpenEndedRetention(limit: number, after?: string): Promise<AuthorisationRecord[]> {
    const { Items = [] } = await this.ctx.client.send(
      new QueryCommand({
        TableName: this.ctx.table,
        IndexName: 'gsi3',
        KeyConditionExpression: after ? 'gsi3pk = :pk AND gsi3sk > :after' : 'gsi3pk = :pk',
        ExpressionAttributeValues: { ':pk': RETENTION_OPEN, ...(after ? { ':after': after } : {}) },
        Limit: limit,
      }),
    );
    return Promise.all(Items.map((item) => this.toRecord(item as Item)));
  }

  async listDueForPurge(now: string, limit: number): Promise<AuthorisationRecord[]> {
    const { Items = [] } = await this.ctx.client.send(
      new QueryCommand({
        TableName: this.ctx.table,
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk <= :now',
        ExpressionAttributeValues: { ':pk': PURGE_DUE, ':now': `${now}#~` },
        Limit: limit,
      }),
    );
    return Promise.all(Items.map((item) => this.toRecord(item as Item)));
  }

  async listPendingDecisionLetters(limit: number): Promise<DecisionLetterEntry[]> {
    const { Items = [] } = await this.ctx.client.send(
      new QueryCommand({
        TableName: this.ctx.table,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': LETTERS_PENDING },
        Limit: limit,
      }),
    );
    return Items.map((item) => ({
      authorisationId: String(item.authorisationId),
      customerId: String(item.customerId),
      decidedAt: String(item.decidedAt),
    }));
  }

  markDecisionLetterIssued(authorisationId: string, letterId: string, at: number): Promise<boolean> {
    // The entry leaves the pending index in the same write that records the letter.
    return conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: letterKey(authorisationId),
        UpdateExpression: 'SET #status = :issued, letterId = :letterId, issuedAt = :at REMOVE gsi2pk, gsi2sk',
        ConditionExpression: 'attribute_exists(gsi2pk)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':issued': 'issued', ':letterId': letterId, ':at': at },
      }),
    );
  }

  async recordDecisionLetterFailure(authorisationId: string, reason: string): Promise<void> {
    await conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: letterKey(authorisationId),
        UpdateExpression: 'ADD attempts :one SET lastError = :reason',
        ConditionExpression: 'attribute_exists(gsi2pk)',
        ExpressionAttributeValues: { ':one': 1, ':reason': reason.slice(0, 500) },
      }),
    );
  }

  private async toRecord(item: Item): Promise<AuthorisationRecord> {
    const { sealedPoa, ...rest } = item;
    const {
      pk: _pk,
      sk: _sk,
      gsi1pk: _g1,
      gsi1sk: _g1s,
      gsi2pk: _g2,
      gsi2sk: _g2s,
      gsi3pk: _g3,
      gsi3sk: _g3s,
      ...record
    } = rest as typeof rest & Record<string, unknown>;
    return {
      ...(record as Omit<AuthorisationRecord, 'poa'>),
      poa: JSON.parse(await this.cipher.decrypt(sealedPoa)) as PowerOfAttorney,
    };
  }
}

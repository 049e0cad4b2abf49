import type { IdCardCheck } from '@zhixiang/shared/identity/id-card';
import type { VerificationMethod, VerificationPurpose } from '@zhixiang/shared/ports/identity-proofs';
import type {
  FaceAttempt,
  IdCardCheckRecord,
  IdentityReviewRecord,
  IdentityReviewStore,
  IdentityUpload,
  IdentityUploadStore,
  IdentityVerificationStore,
  VerificationRecord,
} from '@zhixiang/shared/ports/identity-verifications';
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
  type TableContext,
  toTtlSeconds,
} from '../../platform/dynamodb/table';
import { getItem } from '../../platform/records/point-reads';

/** Open sessions are kept a day past their verify_id for support questions, then collected. */
const ATTEMPT_RETENTION_MS = 24 * 3600_000;
const FAILURE_DAY_RETENTION_MS = 2 * 24 * 3600_000;

/**
 * The identity context's items, one entity marker each (`__edb_e__`, see `entityItem`); key shapes in docs/dynamodb-access-patterns.md, and every
 * item held to literal expected items by identity-items.test.ts. Each partition and index
 * key prefix below holds one entity only, so queries need no entity filter.
 *
 * - `identityVerification`: the verification log, one item per finished attempt, written once (a
 *   conditional put) and never updated; no TTL — it is evidence for the endorsement it authorised
 *   (保险法 Art. 87). A customer's history newest first (`IDVERIFY#<customerId>`), and gsi1 for
 *   IdentityProofs.requireVerified: the newest record for exactly one customer and purpose.
 * - `faceAttempt`: an open face session (getverifyid done, result not yet queried); completed once.
 * - `faceFailureDay`: failed face comparisons of one customer on one Shanghai day; the lock is
 *   `failures >= 5`.
 * - `sandboxFaceAnswer`: local stage only, a 「模拟人脸核身」 session per verify_id — who opened it,
 *   and the outcome the tester picked (absent until answered).
 * - `identityUpload`: a presigned upload, which customer and user the server-chosen key belongs
 *   to. Gone with the file.
 * - `idCardCheck`: what an ID card read said (number masked); evidence for the verification it led
 *   to, no TTL.
 * - `identityReview`: staff review requests; pending ones are found by branch path (gsi1, oldest
 *   first; a decided review moves to `IDREVIEWS#approved/rejected`), a customer's newest one for a
 *   purpose by gsi2.
 */
export const identityKeys = {
  record: (customerId: string, at: number, verificationId: string) => ({
    pk: `IDVERIFY#${customerId}`,
    sk: `V#${at}#${verificationId}`,
  }),
  faceAttempt: (attemptId: string) => ({ pk: `FACEATTEMPT#${attemptId}`, sk: 'ATTEMPT' }),
  faceFailureDay: (customerId: string, day: string) => ({ pk: `FACEFAIL#${customerId}`, sk: `DAY#${day}` }),
  sandboxFaceAnswer: (verifyId: string) => ({ pk: `SANDBOXFACE#${verifyId}`, sk: 'ANSWER' }),
  upload: (uploadId: string) => ({ pk: `IDUPLOAD#${uploadId}`, sk: 'UPLOAD' }),
  idCardCheck: (customerId: string, checkId: string) => ({
    pk: `IDCARDCHECK#${customerId}`,
    sk: `CHECK#${checkId}`,
  }),
  review: (reviewId: string) => ({ pk: `IDREVIEW#${reviewId}`, sk: 'REVIEW' }),
};

/** The log item of one finished attempt (device fields absent when unknown or empty). */
export function verificationRecordItem(record: VerificationRecord): Record<string, unknown> {
  return entityItem('identityVerification', {
    ...identityKeys.record(record.customerId, record.at, record.verificationId),
    gsi1pk: `IDVERIFY#${record.customerId}#${record.purpose}`,
    gsi1sk: `V#${record.at}#${record.verificationId}`,
    verificationId: record.verificationId,
    customerId: record.customerId,
    purpose: record.purpose,
    method: record.method,
    result: record.result,
    reason: record.reason,
    actorUserId: record.actorUserId,
    actorRole: record.actorRole,
    providerRefs: record.providerRefs,
    providerResult: record.providerResult,
    at: record.at,
    deviceUserAgent: record.device.userAgent || undefined,
    deviceIp: record.device.ip || undefined,
  });
}

/** An open face session; `validUntil` is the session's end, `expiresAt` the TTL a day later. */
export function faceAttemptItem(attempt: FaceAttempt): Record<string, unknown> {
  return entityItem('faceAttempt', {
    ...identityKeys.faceAttempt(attempt.attemptId),
    attemptId: attempt.attemptId,
    customerId: attempt.customerId,
    purpose: attempt.purpose,
    userId: attempt.userId,
    userRole: attempt.userRole,
    openid: attempt.openid,
    outSeqNo: attempt.outSeqNo,
    verifyId: attempt.verifyId,
    provider: attempt.provider,
    createdAt: attempt.createdAt,
    validUntil: attempt.expiresAt,
    expiresAt: toTtlSeconds(attempt.expiresAt + ATTEMPT_RETENTION_MS),
  });
}

export function uploadItem(upload: IdentityUpload, expiresAt: number): Record<string, unknown> {
  return entityItem('identityUpload', {
    ...identityKeys.upload(upload.uploadId),
    uploadId: upload.uploadId,
    customerId: upload.customerId,
    userId: upload.userId,
    kind: upload.kind,
    key: upload.key,
    createdAt: upload.createdAt,
    expiresAt: toTtlSeconds(expiresAt),
  });
}

export function idCardCheckItem(record: IdCardCheckRecord): Record<string, unknown> {
  return entityItem('idCardCheck', {
    ...identityKeys.idCardCheck(record.customerId, record.checkId),
    checkId: record.checkId,
    customerId: record.customerId,
    userId: record.userId,
    frontUploadId: record.frontUploadId,
    backUploadId: record.backUploadId,
    provider: record.provider,
    passed: record.passed,
    idNumberMasked: record.idNumberMasked,
    validUntil: record.validUntil,
    checks: record.checks,
    at: record.at,
  });
}

/** A review request with its queue key `<branchPath>|<submittedAt>|<reviewId>` (a subtree is a begins_with). */
export function reviewItem(review: IdentityReviewRecord): Record<string, unknown> {
  const queueKey = `${review.branchPath}|${review.submittedAt}|${review.reviewId}`;
  return entityItem('identityReview', {
    ...identityKeys.review(review.reviewId),
    gsi1pk: `IDREVIEWS#${review.status}`,
    gsi1sk: queueKey,
    gsi2pk: `IDREVIEWS#${review.customerId}#${review.purpose}`,
    gsi2sk: `R#${review.submittedAt}`,
    reviewId: review.reviewId,
    customerId: review.customerId,
    branchPath: review.branchPath,
    purpose: review.purpose,
    submittedBy: review.submittedBy,
    frontUploadId: review.frontUploadId,
    backUploadId: review.backUploadId,
    videoUploadId: review.videoUploadId,
    status: review.status,
    reason: review.reason,
    decidedBy: review.decidedBy,
    submittedAt: review.submittedAt,
    decidedAt: review.decidedAt,
    deviceUserAgent: review.device.userAgent || undefined,
    deviceIp: review.device.ip || undefined,
    trustee: review.trustee,
    queueKey,
  });
}

export function sandboxFaceAnswerItem(
  verifyId: string,
  userId: string,
  now: number,
): Record<string, unknown> {
  return entityItem('sandboxFaceAnswer', {
    ...identityKeys.sandboxFaceAnswer(verifyId),
    verifyId,
    userId,
    expiresAt: toTtlSeconds(now + ATTEMPT_RETENTION_MS),
  });
}

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A conditional put of a new item (a create): refused when the key is taken. */
function createItem(ctx: TableContext, Item: Record<string, unknown>) {
  return { TableName: ctx.table, Item, ConditionExpression: 'attribute_not_exists(pk)' };
}

/** The newest item of an index partition (Query descending, limit 1). */
async function newest(
  ctx: TableContext,
  index: 'gsi1' | 'gsi2',
  pk: string,
  skPrefix: string,
): Promise<Record<string, unknown> | undefined> {
  const { Items } = await ctx.client.send(
    new QueryCommand({
      TableName: ctx.table,
      IndexName: index,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': `${index}pk`, '#sk': `${index}sk` },
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      ScanIndexForward: false,
      Limit: 1,
    }),
  );
  return Items?.[0];
}

export class DynamoIdentityVerificationStore implements IdentityVerificationStore {
  constructor(private readonly ctx: TableContext) {}

  async createFaceAttempt(attempt: FaceAttempt): Promise<void> {
    await this.ctx.client.send(new PutCommand(createItem(this.ctx, faceAttemptItem(attempt))));
  }

  async getFaceAttempt(attemptId: string): Promise<(FaceAttempt & { completedAt: number | null }) | null> {
    const item = await getItem(this.ctx, identityKeys.faceAttempt(attemptId));
    if (!item) return null;
    const data = item as unknown as FaceAttemptItem;
    return {
      attemptId: data.attemptId,
      customerId: data.customerId,
      purpose: data.purpose,
      userId: data.userId,
      userRole: data.userRole,
      openid: orNull(data.openid),
      outSeqNo: data.outSeqNo,
      verifyId: data.verifyId,
      provider: data.provider,
      createdAt: data.createdAt,
      expiresAt: data.validUntil,
      completedAt: orNull(data.completedAt),
    };
  }

  async completeFaceAttempt(input: {
    attemptId: string;
    record: VerificationRecord;
    countsAsFailure: boolean;
    day: string;
    maxFailures: number;
  }): Promise<'recorded' | 'already_completed' | 'locked'> {
    const { record, day } = input;
    const TransactItems: TransactItem[] = [
      {
        // Completed once: the attempt must exist and not be completed yet.
        Update: {
          TableName: this.ctx.table,
          Key: identityKeys.faceAttempt(input.attemptId),
          UpdateExpression: 'SET #completedAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#completedAt)',
          ExpressionAttributeNames: { '#completedAt': 'completedAt' },
          ExpressionAttributeValues: { ':at': record.at },
        },
      },
      { Put: createItem(this.ctx, verificationRecordItem(record)) },
      {
        // The day's counter, created by its first write (hence its attributes and markers set
        // each time). A failure always counts; a success (adding 0) only while the day's failures
        // are below the limit.
        Update: {
          TableName: this.ctx.table,
          Key: identityKeys.faceFailureDay(record.customerId, day),
          UpdateExpression:
            'SET #expiresAt = :ttl, #customerId = :customerId, #day = :day, #e = :e, #v = :v ADD #failures :n',
          ...(input.countsAsFailure
            ? {}
            : { ConditionExpression: 'attribute_not_exists(#failures) OR #failures < :max' }),
          ExpressionAttributeNames: {
            '#expiresAt': 'expiresAt',
            '#customerId': 'customerId',
            '#day': 'day',
            '#e': '__edb_e__',
            '#v': '__edb_v__',
            '#failures': 'failures',
          },
          ExpressionAttributeValues: {
            ':ttl': toTtlSeconds(record.at + FAILURE_DAY_RETENTION_MS),
            ':customerId': record.customerId,
            ':day': day,
            ':e': 'faceFailureDay',
            ':v': '1',
            ':n': input.countsAsFailure ? 1 : 0,
            ...(input.countsAsFailure ? {} : { ':max': input.maxFailures }),
          },
        },
      },
    ];
    try {
      await this.ctx.client.send(new TransactWriteCommand({ TransactItems }));
      return 'recorded';
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      const codes = cancellationCodes(error);
      if (codes[2] === 'ConditionalCheckFailed') return 'locked';
      if (codes[0] === 'ConditionalCheckFailed') return 'already_completed';
      throw error;
    }
  }

  async append(record: VerificationRecord): Promise<void> {
    await this.ctx.client.send(new PutCommand(createItem(this.ctx, verificationRecordItem(record))));
  }

  async listSince(customerId: string, since: number): Promise<VerificationRecord[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'pk = :pk AND sk >= :from',
      ExpressionAttributeValues: { ':pk': `IDVERIFY#${customerId}`, ':from': `V#${since}` },
      ScanIndexForward: false,
    });
    return items.map(toRecord);
  }

  async latestForPurpose(customerId: string, purpose: string): Promise<VerificationRecord | null> {
    const first = await newest(this.ctx, 'gsi1', `IDVERIFY#${customerId}#${purpose}`, 'V#');
    return first ? toRecord(first) : null;
  }

  async faceFailures(customerId: string, day: string): Promise<number> {
    const item = await getItem(this.ctx, identityKeys.faceFailureDay(customerId, day));
    return (item?.failures as number | undefined) ?? 0;
  }
}

interface FaceAttemptItem {
  attemptId: string;
  customerId: string;
  purpose: VerificationPurpose;
  userId: string;
  userRole: string;
  openid?: string;
  outSeqNo: string;
  verifyId: string;
  provider: FaceAttempt['provider'];
  createdAt: number;
  validUntil: number;
  completedAt?: number;
}

interface RecordItem {
  verificationId: string;
  customerId: string;
  purpose: VerificationPurpose;
  method: VerificationMethod;
  result: VerificationRecord['result'];
  reason?: string;
  actorUserId: string;
  actorRole: string;
  providerRefs: Record<string, string>;
  providerResult?: number;
  at: number;
  deviceUserAgent?: string;
  deviceIp?: string;
}

function toRecord(raw: Record<string, unknown>): VerificationRecord {
  const item = raw as unknown as RecordItem;
  return {
    verificationId: item.verificationId,
    customerId: item.customerId,
    purpose: item.purpose,
    method: item.method,
    result: item.result,
    reason: orNull(item.reason),
    actorUserId: item.actorUserId,
    actorRole: item.actorRole,
    providerRefs: item.providerRefs,
    providerResult: orNull(item.providerResult),
    at: item.at,
    device: { userAgent: orNull(item.deviceUserAgent), ip: orNull(item.deviceIp) },
  };
}

export class DynamoIdentityUploadStore implements IdentityUploadStore {
  constructor(private readonly ctx: TableContext) {}

  async createUpload(upload: IdentityUpload, expiresAt: number): Promise<void> {
    await this.ctx.client.send(new PutCommand(createItem(this.ctx, uploadItem(upload, expiresAt))));
  }

  async getUpload(uploadId: string): Promise<IdentityUpload | null> {
    const item = await getItem(this.ctx, identityKeys.upload(uploadId));
    if (!item) return null;
    const data = item as unknown as IdentityUpload;
    return {
      uploadId: data.uploadId,
      customerId: data.customerId,
      userId: data.userId,
      kind: data.kind,
      key: data.key,
      createdAt: data.createdAt,
    };
  }

  async recordIdCardCheck(record: IdCardCheckRecord): Promise<void> {
    await this.ctx.client.send(new PutCommand(createItem(this.ctx, idCardCheckItem(record))));
  }

  async getIdCardCheck(customerId: string, checkId: string): Promise<IdCardCheckRecord | null> {
    const item = await getItem(this.ctx, identityKeys.idCardCheck(customerId, checkId));
    return item ? toIdCardCheck(item) : null;
  }

  async listIdCardChecks(customerId: string): Promise<IdCardCheckRecord[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `IDCARDCHECK#${customerId}`, ':prefix': 'CHECK#' },
    });
    return items.map(toIdCardCheck);
  }
}

function toIdCardCheck(raw: Record<string, unknown>): IdCardCheckRecord {
  const data = raw as unknown as Omit<IdCardCheckRecord, 'idNumberMasked' | 'validUntil'> & {
    idNumberMasked?: string;
    validUntil?: string;
  };
  return {
    checkId: data.checkId,
    customerId: data.customerId,
    userId: data.userId,
    frontUploadId: data.frontUploadId,
    backUploadId: data.backUploadId,
    provider: data.provider,
    passed: data.passed,
    idNumberMasked: orNull(data.idNumberMasked),
    validUntil: orNull(data.validUntil),
    checks: data.checks as IdCardCheck[],
    at: data.at,
  };
}

export class DynamoIdentityReviewStore implements IdentityReviewStore {
  constructor(private readonly ctx: TableContext) {}

  async submit(review: IdentityReviewRecord): Promise<void> {
    await this.ctx.client.send(new PutCommand(createItem(this.ctx, reviewItem(review))));
  }

  async get(reviewId: string): Promise<IdentityReviewRecord | null> {
    const item = await getItem(this.ctx, identityKeys.review(reviewId));
    return item ? toReview(item) : null;
  }

  async listPending(pathPrefix: string): Promise<IdentityReviewRecord[]> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi1',
      KeyConditionExpression: pathPrefix ? 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)' : 'gsi1pk = :pk',
      ExpressionAttributeValues: {
        ':pk': 'IDREVIEWS#pending',
        ...(pathPrefix ? { ':prefix': pathPrefix } : {}),
      },
    });
    return items.map(toReview);
  }

  async latestForPurpose(customerId: string, purpose: string): Promise<IdentityReviewRecord | null> {
    const first = await newest(this.ctx, 'gsi2', `IDREVIEWS#${customerId}#${purpose}`, 'R#');
    return first ? toReview(first) : null;
  }

  /** The decided review replaces the pending one (moving it off the pending queue's gsi1 key). */
  async decide(decided: IdentityReviewRecord, record: VerificationRecord): Promise<boolean> {
    return conditionally(
      this.ctx,
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.ctx.table,
              Item: reviewItem(decided),
              ConditionExpression: '#status = :pending',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':pending': 'pending' },
            },
          },
          { Put: createItem(this.ctx, verificationRecordItem(record)) },
        ],
      }),
    );
  }
}

function toReview(raw: Record<string, unknown>): IdentityReviewRecord {
  const item = raw as unknown as Omit<
    IdentityReviewRecord,
    'reason' | 'decidedBy' | 'decidedAt' | 'device'
  > & {
    reason?: string;
    decidedBy?: string;
    decidedAt?: number;
    deviceUserAgent?: string;
    deviceIp?: string;
  };
  return {
    reviewId: item.reviewId,
    customerId: item.customerId,
    branchPath: item.branchPath,
    purpose: item.purpose,
    submittedBy: item.submittedBy,
    frontUploadId: item.frontUploadId,
    backUploadId: item.backUploadId,
    videoUploadId: item.videoUploadId,
    status: item.status,
    reason: orNull(item.reason),
    decidedBy: orNull(item.decidedBy),
    submittedAt: item.submittedAt,
    decidedAt: orNull(item.decidedAt),
    device: { userAgent: orNull(item.deviceUserAgent), ip: orNull(item.deviceIp) },
    ...(item.trustee ? { trustee: item.trustee } : {}),
  };
}

export class DynamoSandboxFaceAnswers {
  constructor(private readonly ctx: TableContext) {}

  async open(verifyId: string, userId: string, now: number): Promise<void> {
    await this.ctx.client.send(
      new PutCommand({ TableName: this.ctx.table, Item: sandboxFaceAnswerItem(verifyId, userId, now) }),
    );
  }

  async get(verifyId: string): Promise<{ userId: string | null; verifyRet: number | null } | null> {
    const item = await getItem(this.ctx, identityKeys.sandboxFaceAnswer(verifyId));
    return item
      ? {
          userId: (item.userId as string | undefined) ?? null,
          verifyRet: (item.verifyRet as number | undefined) ?? null,
        }
      : null;
  }

  /** The tester's answer to an opened session (refused when none was opened). */
  async answer(verifyId: string, verifyRet: number, now: number): Promise<void> {
    await this.ctx.client.send(
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: identityKeys.sandboxFaceAnswer(verifyId),
        UpdateExpression: 'SET verifyRet = :verifyRet, expiresAt = :ttl',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: {
          ':verifyRet': verifyRet,
          ':ttl': toTtlSeconds(now + ATTEMPT_RETENTION_MS),
        },
      }),
    );
  }
}

export function createIdentityVerificationStores(ctx: TableContext) {
  return {
    verifications: new DynamoIdentityVerificationStore(ctx),
    sandboxFaceAnswers: new DynamoSandboxFaceAnswers(ctx),
    uploads: new DynamoIdentityUploadStore(ctx),
    reviews: new DynamoIdentityReviewStore(ctx),
  };
}

import { type IdCardCheck, UPLOAD_KINDS } from '@zhixiang/shared/identity/id-card';
import type { VerificationMethod } from '@zhixiang/shared/ports/identity-proofs';
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
import { Entity } from 'electrodb';
import {
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '../../platform/dynamodb/document-client';
import {
  cancellationCodes,
  isConditionalCheckFailed,
  orNull,
  orUndefined,
  SERVICE_NAME,
  type TableContext,
} from '../../platform/dynamodb/table';

const ttl = { type: 'number', field: 'expiresAt' } as const;
const toTtl = (epochMs: number) => Math.ceil(epochMs / 1000);
const METHODS = [
  'face',
  'agent_attestation',
  'staff_review',
] as const satisfies readonly VerificationMethod[];

/**
 * The verification log: one item per finished attempt, written once (a conditional create) and
 * never updated; no TTL — it is evidence for the endorsement it authorised (保险法 Art. 87).
 */
const verificationRecordSchema = {
  model: { entity: 'identityVerification', version: '1', service: SERVICE_NAME },
  attributes: {
    verificationId: { type: 'string', required: true },
    customerId: { type: 'string', required: true },
    purpose: { type: 'string', required: true },
    method: { type: METHODS, required: true },
    result: { type: ['success', 'failure'] as const, required: true },
    reason: { type: 'string' },
    actorUserId: { type: 'string', required: true },
    actorRole: { type: 'string', required: true },
    providerRefs: { type: 'any', required: true },
    providerResult: { type: 'number' },
    at: { type: 'number', required: true },
    deviceUserAgent: { type: 'string' },
    deviceIp: { type: 'string' },
  },
  indexes: {
    // A customer's history, newest first: "verified for another purpose?" and the status page.
    byCustomer: {
      pk: { field: 'pk', composite: ['customerId'], template: 'IDVERIFY#${customerId}', casing: 'none' },
      sk: {
        field: 'sk',
        composite: ['at', 'verificationId'],
        template: 'V#${at}#${verificationId}',
        casing: 'none',
      },
    },
    // IdentityProofs.requireVerified: the newest record for exactly one customer and purpose.
    byPurpose: {
      index: 'gsi1',
      pk: {
        field: 'gsi1pk',
        composite: ['customerId', 'purpose'],
        template: 'IDVERIFY#${customerId}#${purpose}',
        casing: 'none',
      },
      sk: {
        field: 'gsi1sk',
        composite: ['at', 'verificationId'],
        template: 'V#${at}#${verificationId}',
        casing: 'none',
      },
    },
  },
} as const;

// An open face session (getverifyid done, result not yet queried); completed once.
const faceAttemptSchema = {
  model: { entity: 'faceAttempt', version: '1', service: SERVICE_NAME },
  attributes: {
    attemptId: { type: 'string', required: true },
    customerId: { type: 'string', required: true },
    purpose: { type: 'string', required: true },
    userId: { type: 'string', required: true },
    userRole: { type: 'string', required: true },
    openid: { type: 'string' },
    outSeqNo: { type: 'string', required: true },
    verifyId: { type: 'string', required: true },
    provider: { type: ['wechat', 'sandbox'] as const, required: true },
    createdAt: { type: 'number', required: true },
    validUntil: { type: 'number', required: true },
    completedAt: { type: 'number' },
    ttl,
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['attemptId'], template: 'FACEATTEMPT#${attemptId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'ATTEMPT', casing: 'none' },
    },
  },
} as const;

// Failed face comparisons of one customer on one Shanghai day: the lock is `failures >= 5`.
const faceFailureDaySchema = {
  model: { entity: 'faceFailureDay', version: '1', service: SERVICE_NAME },
  attributes: {
    customerId: { type: 'string', required: true },
    day: { type: 'string', required: true },
    failures: { type: 'number' },
    ttl,
  },
  indexes: {
    byDay: {
      pk: { field: 'pk', composite: ['customerId'], template: 'FACEFAIL#${customerId}', casing: 'none' },
      sk: { field: 'sk', composite: ['day'], template: 'DAY#${day}', casing: 'none' },
    },
  },
} as const;

// Local stage only: a 「模拟人脸核身」 session per verify_id — who opened it, and the outcome the
// tester picked (absent until answered).
const sandboxFaceAnswerSchema = {
  model: { entity: 'sandboxFaceAnswer', version: '1', service: SERVICE_NAME },
  attributes: {
    verifyId: { type: 'string', required: true },
    userId: { type: 'string' },
    verifyRet: { type: 'number' },
    ttl,
  },
  indexes: {
    byVerifyId: {
      pk: { field: 'pk', composite: ['verifyId'], template: 'SANDBOXFACE#${verifyId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'ANSWER', casing: 'none' },
    },
  },
} as const;

// A presigned upload: which customer and user the server-chosen key belongs to. Gone with the file.
const identityUploadSchema = {
  model: { entity: 'identityUpload', version: '1', service: SERVICE_NAME },
  attributes: {
    uploadId: { type: 'string', required: true },
    customerId: { type: 'string', required: true },
    userId: { type: 'string', required: true },
    kind: { type: UPLOAD_KINDS, required: true },
    key: { type: 'string', required: true },
    createdAt: { type: 'number', required: true },
    ttl,
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['uploadId'], template: 'IDUPLOAD#${uploadId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'UPLOAD', casing: 'none' },
    },
  },
} as const;

// What an ID card read said (number masked); evidence for the verification it led to, no TTL.
const idCardCheckSchema = {
  model: { entity: 'idCardCheck', version: '1', service: SERVICE_NAME },
  attributes: {
    checkId: { type: 'string', required: true },
    customerId: { type: 'string', required: true },
    userId: { type: 'string', required: true },
    frontUploadId: { type: 'string', required: true },
    backUploadId: { type: 'string', required: true },
    provider: { type: 'string', required: true },
    passed: { type: 'boolean', required: true },
    idNumberMasked: { type: 'string' },
    validUntil: { type: 'string' },
    checks: { type: 'any', required: true },
    at: { type: 'number', required: true },
  },
  indexes: {
    byCustomer: {
      pk: { field: 'pk', composite: ['customerId'], template: 'IDCARDCHECK#${customerId}', casing: 'none' },
      sk: { field: 'sk', composite: ['checkId'], template: 'CHECK#${checkId}', casing: 'none' },
    },
  },
} as const;

// Staff review requests: pending ones are found by branch path (gsi1), a customer's by purpose (gsi2).
const identityReviewSchema = {
  model: { entity: 'identityReview', version: '1', service: SERVICE_NAME },
  attributes: {
    reviewId: { type: 'string', required: true },
    customerId: { type: 'string', required: true },
    branchPath: { type: 'string', required: true },
    purpose: { type: 'string', required: true },
    submittedBy: { type: 'string', required: true },
    frontUploadId: { type: 'string', required: true },
    backUploadId: { type: 'string', required: true },
    videoUploadId: { type: 'string', required: true },
    status: { type: ['pending', 'approved', 'rejected'] as const, required: true },
    reason: { type: 'string' },
    decidedBy: { type: 'string' },
    submittedAt: { type: 'number', required: true },
    decidedAt: { type: 'number' },
    deviceUserAgent: { type: 'string' },
    deviceIp: { type: 'string' },
    // `<branchPath>|<submittedAt>|<reviewId>`: a branch subtree is a begins_with on the path.
    queueKey: { type: 'string', required: true },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['reviewId'], template: 'IDREVIEW#${reviewId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'REVIEW', casing: 'none' },
    },
    // The staff queue: pending reviews of a branch subtree, oldest first.
    byStatus: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['status'], template: 'IDREVIEWS#${status}', casing: 'none' },
      sk: { field: 'gsi1sk', composite: ['queueKey'], template: '${queueKey}', casing: 'none' },
    },
    // The verify page: the customer's newest review for one purpose.
    byPurpose: {
      index: 'gsi2',
      pk: {
        field: 'gsi2pk',
        composite: ['customerId', 'purpose'],
        template: 'IDREVIEWS#${customerId}#${purpose}',
        casing: 'none',
      },
      sk: { field: 'gsi2sk', composite: ['submittedAt'], template: 'R#${submittedAt}', casing: 'none' },
    },
  },
} as const;

export function createIdentityVerificationEntities(ctx: TableContext) {
  return {
    record: new Entity(verificationRecordSchema, ctx),
    faceAttempt: new Entity(faceAttemptSchema, ctx),
    faceFailureDay: new Entity(faceFailureDaySchema, ctx),
    sandboxFaceAnswer: new Entity(sandboxFaceAnswerSchema, ctx),
    upload: new Entity(identityUploadSchema, ctx),
    idCardCheck: new Entity(idCardCheckSchema, ctx),
    review: new Entity(identityReviewSchema, ctx),
  };
}
type Entities = ReturnType<typeof createIdentityVerificationEntities>;
type RecordItem = NonNullable<Awaited<ReturnType<ReturnType<Entities['record']['get']>['go']>>['data']>;
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Open sessions are kept a day past their verify_id for support questions, then collected. */
const ATTEMPT_RETENTION_MS = 24 * 3600_000;
const FAILURE_DAY_RETENTION_MS = 2 * 24 * 3600_000;

export class DynamoIdentityVerificationStore implements IdentityVerificationStore {
  constructor(
    private readonly entities: Entities,
    private readonly ctx: TableContext,
  ) {}

  async createFaceAttempt(attempt: FaceAttempt): Promise<void> {
    await this.entities.faceAttempt
      .create({
        attemptId: attempt.attemptId,
        customerId: attempt.customerId,
        purpose: attempt.purpose,
        userId: attempt.userId,
        userRole: attempt.userRole,
        openid: orUndefined(attempt.openid),
        outSeqNo: attempt.outSeqNo,
        verifyId: attempt.verifyId,
        provider: attempt.provider,
        createdAt: attempt.createdAt,
        validUntil: attempt.expiresAt,
        ttl: toTtl(attempt.expiresAt + ATTEMPT_RETENTION_MS),
      })
      .go();
  }

  async getFaceAttempt(attemptId: string): Promise<(FaceAttempt & { completedAt: number | null }) | null> {
    const { data } = await this.entities.faceAttempt.get({ attemptId }).go();
    if (!data) return null;
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
    const failureDay = this.entities.faceFailureDay
      .update({ customerId: record.customerId, day })
      .add({ failures: input.countsAsFailure ? 1 : 0 })
      .set({ ttl: toTtl(record.at + FAILURE_DAY_RETENTION_MS) });
    const TransactItems: TransactItem[] = [
      {
        Update: this.entities.faceAttempt
          .patch({ attemptId: input.attemptId })
          .set({ completedAt: record.at })
          .where((attr, op) => op.notExists(attr.completedAt))
          .params() as TransactItem['Update'],
      },
      { Put: this.entities.record.create(toItem(record)).params() as TransactItem['Put'] },
      {
        // A failure always counts; a success only while the day's failures are below the limit.
        Update: (input.countsAsFailure
          ? failureDay
          : failureDay.where(
              (attr, op) => `${op.notExists(attr.failures)} OR ${op.lt(attr.failures, input.maxFailures)}`,
            )
        ).params() as TransactItem['Update'],
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
    await this.entities.record.create(toItem(record)).go();
  }

  async listSince(customerId: string, since: number): Promise<VerificationRecord[]> {
    const { data } = await this.entities.record.query
      .byCustomer({ customerId })
      .gte({ at: since })
      .go({ order: 'desc', pages: 'all' });
    return data.map(toRecord);
  }

  async latestForPurpose(customerId: string, purpose: string): Promise<VerificationRecord | null> {
    const { data } = await this.entities.record.query
      .byPurpose({ customerId, purpose })
      .go({ order: 'desc', limit: 1 });
    const first = data[0];
    return first ? toRecord(first) : null;
  }

  async faceFailures(customerId: string, day: string): Promise<number> {
    const { data } = await this.entities.faceFailureDay.get({ customerId, day }).go();
    return data?.failures ?? 0;
  }
}

function toItem(record: VerificationRecord) {
  return {
    verificationId: record.verificationId,
    customerId: record.customerId,
    purpose: record.purpose,
    method: record.method,
    result: record.result,
    reason: orUndefined(record.reason),
    actorUserId: record.actorUserId,
    actorRole: record.actorRole,
    providerRefs: record.providerRefs,
    providerResult: orUndefined(record.providerResult),
    at: record.at,
    deviceUserAgent: orUndefined(record.device.userAgent) || undefined,
    deviceIp: orUndefined(record.device.ip) || undefined,
  };
}

function toRecord(item: RecordItem): VerificationRecord {
  return {
    verificationId: item.verificationId,
    customerId: item.customerId,
    purpose: item.purpose,
    method: item.method,
    result: item.result,
    reason: orNull(item.reason),
    actorUserId: item.actorUserId,
    actorRole: item.actorRole,
    providerRefs: item.providerRefs as Record<string, string>,
    providerResult: orNull(item.providerResult),
    at: item.at,
    device: { userAgent: orNull(item.deviceUserAgent), ip: orNull(item.deviceIp) },
  };
}

export class DynamoIdentityUploadStore implements IdentityUploadStore {
  constructor(private readonly entities: Entities) {}

  async createUpload(upload: IdentityUpload, expiresAt: number): Promise<void> {
    await this.entities.upload.create({ ...upload, ttl: toTtl(expiresAt) }).go();
  }

  async getUpload(uploadId: string): Promise<IdentityUpload | null> {
    const { data } = await this.entities.upload.get({ uploadId }).go();
    if (!data) return null;
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
    await this.entities.idCardCheck
      .create({
        ...record,
        idNumberMasked: orUndefined(record.idNumberMasked),
        validUntil: orUndefined(record.validUntil),
      })
      .go();
  }

  async getIdCardCheck(customerId: string, checkId: string): Promise<IdCardCheckRecord | null> {
    const { data } = await this.entities.idCardCheck.get({ customerId, checkId }).go();
    return data ? toIdCardCheck(data) : null;
  }

  async listIdCardChecks(customerId: string): Promise<IdCardCheckRecord[]> {
    const { data } = await this.entities.idCardCheck.query.byCustomer({ customerId }).go({ pages: 'all' });
    return data.map(toIdCardCheck);
  }
}

type IdCardCheckItem = NonNullable<
  Awaited<ReturnType<ReturnType<Entities['idCardCheck']['get']>['go']>>['data']
>;

function toIdCardCheck(data: IdCardCheckItem): IdCardCheckRecord {
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

type ReviewItem = NonNullable<Awaited<ReturnType<ReturnType<Entities['review']['get']>['go']>>['data']>;

export class DynamoIdentityReviewStore implements IdentityReviewStore {
  constructor(
    private readonly entities: Entities,
    private readonly ctx: TableContext,
  ) {}

  async submit(review: IdentityReviewRecord): Promise<void> {
    await this.entities.review.create(toReviewItem(review)).go();
  }

  async get(reviewId: string): Promise<IdentityReviewRecord | null> {
    const { data } = await this.entities.review.get({ reviewId }).go();
    return data ? toReview(data) : null;
  }

  async listPending(pathPrefix: string): Promise<IdentityReviewRecord[]> {
    const query = this.entities.review.query.byStatus({ status: 'pending' });
    const { data } = await (pathPrefix ? query.begins({ queueKey: pathPrefix }) : query).go({ pages: 'all' });
    return data.map(toReview);
  }

  async latestForPurpose(customerId: string, purpose: string): Promise<IdentityReviewRecord | null> {
    const { data } = await this.entities.review.query
      .byPurpose({ customerId, purpose })
      .go({ order: 'desc', limit: 1 });
    return data[0] ? toReview(data[0]) : null;
  }

  async decide(decided: IdentityReviewRecord, record: VerificationRecord): Promise<boolean> {
    const TransactItems: TransactItem[] = [
      {
        Put: this.entities.review
          .put(toReviewItem(decided))
          .where((attr, op) => op.eq(attr.status, 'pending'))
          .params() as TransactItem['Put'],
      },
      { Put: this.entities.record.create(toItem(record)).params() as TransactItem['Put'] },
    ];
    try {
      await this.ctx.client.send(new TransactWriteCommand({ TransactItems }));
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }
}

function toReviewItem(review: IdentityReviewRecord) {
  return {
    reviewId: review.reviewId,
    customerId: review.customerId,
    branchPath: review.branchPath,
    purpose: review.purpose,
    submittedBy: review.submittedBy,
    frontUploadId: review.frontUploadId,
    backUploadId: review.backUploadId,
    videoUploadId: review.videoUploadId,
    status: review.status,
    reason: orUndefined(review.reason),
    decidedBy: orUndefined(review.decidedBy),
    submittedAt: review.submittedAt,
    decidedAt: orUndefined(review.decidedAt),
    deviceUserAgent: orUndefined(review.device.userAgent) || undefined,
    deviceIp: orUndefined(review.device.ip) || undefined,
    queueKey: `${review.branchPath}|${review.submittedAt}|${review.reviewId}`,
  };
}

function toReview(item: ReviewItem): IdentityReviewRecord {
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
  };
}

export class DynamoSandboxFaceAnswers {
  constructor(private readonly entities: Entities) {}

  async open(verifyId: string, userId: string, now: number): Promise<void> {
    await this.entities.sandboxFaceAnswer
      .put({ verifyId, userId, ttl: toTtl(now + ATTEMPT_RETENTION_MS) })
      .go();
  }

  async get(verifyId: string): Promise<{ userId: string | null; verifyRet: number | null } | null> {
    const { data } = await this.entities.sandboxFaceAnswer.get({ verifyId }).go();
    return data ? { userId: data.userId ?? null, verifyRet: data.verifyRet ?? null } : null;
  }

  async answer(verifyId: string, verifyRet: number, now: number): Promise<void> {
    await this.entities.sandboxFaceAnswer
      .patch({ verifyId })
      .set({ verifyRet, ttl: toTtl(now + ATTEMPT_RETENTION_MS) })
      .go();
  }
}

export function createIdentityVerificationStores(ctx: TableContext) {
  const entities = createIdentityVerificationEntities(ctx);
  return {
    verifications: new DynamoIdentityVerificationStore(entities, ctx),
    sandboxFaceAnswers: new DynamoSandboxFaceAnswers(entities),
    uploads: new DynamoIdentityUploadStore(entities),
    reviews: new DynamoIdentityReviewStore(entities, ctx),
  };
}

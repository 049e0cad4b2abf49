import type { VerificationRecord } from '@zhixiang/shared/ports/identity-verifications';
import { describe, expect, it } from 'vitest';
import type { DynamoDocumentClient } from '../../platform/dynamodb/document-client';
import {
  createIdentityVerificationStores,
  faceAttemptItem,
  idCardCheckItem,
  reviewItem,
  sandboxFaceAnswerItem,
  uploadItem,
  verificationRecordItem,
} from './identity-verifications';

/**
 * The identity items as stored (keys, attributes, entity markers): other
 * code and older items share these shapes, so they are held here literally. No request is sent:
 * the transaction is captured from a client that only records it.
 */
const record: VerificationRecord = {
  verificationId: 'v1',
  customerId: 'c1',
  purpose: 'document:d1',
  method: 'face',
  result: 'success',
  reason: null,
  actorUserId: 'u1',
  actorRole: 'customer',
  providerRefs: { verifyId: 'x' },
  providerResult: 0,
  at: 1_700_000_000_000,
  device: { userAgent: 'UA', ip: '' },
};

const recordItem = {
  pk: 'IDVERIFY#c1',
  sk: 'V#1700000000000#v1',
  gsi1pk: 'IDVERIFY#c1#document:d1',
  gsi1sk: 'V#1700000000000#v1',
  verificationId: 'v1',
  customerId: 'c1',
  purpose: 'document:d1',
  method: 'face',
  result: 'success',
  actorUserId: 'u1',
  actorRole: 'customer',
  providerRefs: { verifyId: 'x' },
  providerResult: 0,
  at: 1_700_000_000_000,
  deviceUserAgent: 'UA',
  __edb_e__: 'identityVerification',
  __edb_v__: '1',
};

describe('identity items', () => {
  it('a verification record: by customer and time, gsi1 by customer and purpose, no absent field', () => {
    expect(verificationRecordItem(record)).toStrictEqual(recordItem);
  });

  it('a face attempt: its session end and the TTL a day later', () => {
    expect(
      faceAttemptItem({
        attemptId: 'a1',
        customerId: 'c1',
        purpose: 'p',
        userId: 'u1',
        userRole: 'customer',
        openid: null,
        outSeqNo: 'o1',
        verifyId: 'vid',
        provider: 'sandbox',
        createdAt: 1,
        expiresAt: 2_000,
      }),
    ).toStrictEqual({
      pk: 'FACEATTEMPT#a1',
      sk: 'ATTEMPT',
      attemptId: 'a1',
      customerId: 'c1',
      purpose: 'p',
      userId: 'u1',
      userRole: 'customer',
      outSeqNo: 'o1',
      verifyId: 'vid',
      provider: 'sandbox',
      createdAt: 1,
      validUntil: 2_000,
      expiresAt: 86_402,
      __edb_e__: 'faceAttempt',
      __edb_v__: '1',
    });
  });

  it('an upload ticket, an ID card check and a sandbox answer', () => {
    expect(
      uploadItem(
        {
          uploadId: 'up1',
          customerId: 'c1',
          userId: 'u1',
          kind: 'id_card_front',
          key: 'identity/k',
          createdAt: 1,
        },
        2_000,
      ),
    ).toStrictEqual({
      pk: 'IDUPLOAD#up1',
      sk: 'UPLOAD',
      uploadId: 'up1',
      customerId: 'c1',
      userId: 'u1',
      kind: 'id_card_front',
      key: 'identity/k',
      createdAt: 1,
      expiresAt: 2,
      __edb_e__: 'identityUpload',
      __edb_v__: '1',
    });
    expect(
      idCardCheckItem({
        checkId: 'ch1',
        customerId: 'c1',
        userId: 'u1',
        frontUploadId: 'f',
        backUploadId: 'b',
        provider: 'tesseract',
        passed: true,
        idNumberMasked: '1***',
        validUntil: null,
        checks: [],
        at: 3,
      }),
    ).toStrictEqual({
      pk: 'IDCARDCHECK#c1',
      sk: 'CHECK#ch1',
      checkId: 'ch1',
      customerId: 'c1',
      userId: 'u1',
      frontUploadId: 'f',
      backUploadId: 'b',
      provider: 'tesseract',
      passed: true,
      idNumberMasked: '1***',
      checks: [],
      at: 3,
      __edb_e__: 'idCardCheck',
      __edb_v__: '1',
    });
    expect(sandboxFaceAnswerItem('vid', 'u1', 1_000)).toStrictEqual({
      pk: 'SANDBOXFACE#vid',
      sk: 'ANSWER',
      verifyId: 'vid',
      userId: 'u1',
      expiresAt: 86_401,
      __edb_e__: 'sandboxFaceAnswer',
      __edb_v__: '1',
    });
  });

  it('a review: pending on the queue by branch path, decided under its status, gsi2 by purpose', () => {
    const review = {
      reviewId: 'r1',
      customerId: 'c1',
      branchPath: '/1/2',
      purpose: 'p',
      submittedBy: 'u1',
      frontUploadId: 'f',
      backUploadId: 'b',
      videoUploadId: 'v',
      status: 'pending' as const,
      reason: null,
      decidedBy: null,
      submittedAt: 10,
      decidedAt: null,
      device: { userAgent: null, ip: '1.2.3.4' },
    };
    const common = {
      pk: 'IDREVIEW#r1',
      sk: 'REVIEW',
      gsi1sk: '/1/2|10|r1',
      gsi2pk: 'IDREVIEWS#c1#p',
      gsi2sk: 'R#10',
      reviewId: 'r1',
      customerId: 'c1',
      branchPath: '/1/2',
      purpose: 'p',
      submittedBy: 'u1',
      frontUploadId: 'f',
      backUploadId: 'b',
      videoUploadId: 'v',
      submittedAt: 10,
      deviceIp: '1.2.3.4',
      queueKey: '/1/2|10|r1',
      __edb_e__: 'identityReview',
      __edb_v__: '1',
    };
    expect(reviewItem(review)).toStrictEqual({ ...common, gsi1pk: 'IDREVIEWS#pending', status: 'pending' });
    expect(reviewItem({ ...review, status: 'approved', decidedBy: 's1', decidedAt: 20 })).toStrictEqual({
      ...common,
      gsi1pk: 'IDREVIEWS#approved',
      status: 'approved',
      decidedBy: 's1',
      decidedAt: 20,
    });
  });

  it('completing a face attempt: once, the record created, the day counted (a success below the limit)', async () => {
    const sent: unknown[] = [];
    const client = {
      send: async (command: { input: unknown }) => {
        sent.push(command.input);
        return {};
      },
    } as unknown as DynamoDocumentClient;
    const { verifications } = createIdentityVerificationStores({ client, table: 'items' });
    const input = { attemptId: 'a1', record, day: '2026-12-05', maxFailures: 5 };
    expect(await verifications.completeFaceAttempt({ ...input, countsAsFailure: false })).toBe('recorded');
    expect(sent[0]).toStrictEqual({
      TransactItems: [
        {
          Update: {
            TableName: 'items',
            Key: { pk: 'FACEATTEMPT#a1', sk: 'ATTEMPT' },
            UpdateExpression: 'SET #completedAt = :at',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#completedAt)',
            ExpressionAttributeNames: { '#completedAt': 'completedAt' },
            ExpressionAttributeValues: { ':at': 1_700_000_000_000 },
          },
        },
        { Put: { TableName: 'items', Item: recordItem, ConditionExpression: 'attribute_not_exists(pk)' } },
        {
          Update: {
            TableName: 'items',
            Key: { pk: 'FACEFAIL#c1', sk: 'DAY#2026-12-05' },
            UpdateExpression:
              'SET #expiresAt = :ttl, #customerId = :customerId, #day = :day, #e = :e, #v = :v ADD #failures :n',
            ConditionExpression: 'attribute_not_exists(#failures) OR #failures < :max',
            ExpressionAttributeNames: {
              '#expiresAt': 'expiresAt',
              '#customerId': 'customerId',
              '#day': 'day',
              '#e': '__edb_e__',
              '#v': '__edb_v__',
              '#failures': 'failures',
            },
            ExpressionAttributeValues: {
              ':ttl': 1_700_172_800,
              ':customerId': 'c1',
              ':day': '2026-12-05',
              ':e': 'faceFailureDay',
              ':v': '1',
              ':n': 0,
              ':max': 5,
            },
          },
        },
      ],
    });
    await verifications.completeFaceAttempt({ ...input, countsAsFailure: true });
    const failure = (sent[1] as { TransactItems: { Update?: Record<string, unknown> }[] }).TransactItems[2];
    expect(failure?.Update?.ConditionExpression).toBeUndefined();
    expect(failure?.Update?.ExpressionAttributeValues).toMatchObject({ ':n': 1 });
    expect(failure?.Update?.ExpressionAttributeValues).not.toHaveProperty(':max');
  });
});

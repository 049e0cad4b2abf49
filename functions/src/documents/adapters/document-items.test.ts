import { describe, expect, it } from 'vitest';
import { type DocumentAttributes, documentEventItem, documentItem } from './documents';

/**
 * The document and audit-event items, exactly as the rest of the system reads them (seeds, other
 * contexts, the admin CLI): table and index keys, attributes, and the entity markers `__edb_e__` /
 * `__edb_v__` the items have always carried. No request is sent.
 */
const awaiting: DocumentAttributes = {
  documentId: 'PD20261205K7Q2M9',
  kind: 'application',
  title: '保险合同变更申请书',
  changeType: '保单借款',
  policyNo: '8811010100001',
  productName: '金福终身寿险（分红型）',
  holderId: 'C003',
  holder: { customerId: 'C001', name: '张伟', idNumberMasked: '3101**********1234' },
  insured: { customerId: 'C003', name: '张小伟', idNumberMasked: '3101**********5678' },
  branchPath: 'HQ/SH/PD',
  changes: [{ label: '借款金额', before: '', after: '¥10,000.00' }],
  effectiveDate: '2026-12-05',
  annotation: '本申请经本公司审核同意后生效。',
  purpose: 'endorsement:EA20261205ABCDEF',
  contentHash: 'c0ffee',
  status: 'awaiting_signature',
  createdAt: 1_764_900_000_000,
  createdBy: 'demo-customer-c001',
  signerRole: 'insured',
  version: 1,
};

const sealed = {
  key: 'documents/PD20261205K7Q2M9/S1.pdf',
  sha256: 'ab12cd34',
  bytes: 48_213,
  sealedAt: 1_764_900_120_000,
  certificateSubject: 'CN=测试保险股份有限公司',
  certificateSerial: '01',
};

const signature = {
  signatureId: 'S1',
  signerCustomerId: 'C003',
  signerName: '张小伟',
  signedByUserId: 'demo-customer-c003',
  hostedByAgentId: null,
  verificationId: 'V1',
  verificationMethod: 'face' as const,
  contentHash: 'c0ffee',
  signedAt: 1_764_900_110_000,
  sourceIp: '203.0.113.7',
  userAgent: null,
  strokesKey: 'uploads/S1/strokes.json',
  imageKey: 'uploads/S1/signature.png',
  imageSha256: 'beef',
};

describe('the document items', () => {
  it('an unsigned application: keys, the signer index, no verification index, no absent attribute', () => {
    expect(documentItem({ ...awaiting, sealed: undefined, voided: undefined })).toStrictEqual({
      ...awaiting,
      pk: 'DOCUMENT#PD20261205K7Q2M9',
      sk: 'DOCUMENT',
      gsi1pk: 'CUSTOMER#C003#DOCUMENTS',
      gsi1sk: '1764900000000#PD20261205K7Q2M9',
      __edb_e__: 'document',
      __edb_v__: '1',
    });
  });

  it('a signed and sealed one joins the verification index by the sealed PDF’s SHA-256', () => {
    const signed: DocumentAttributes = {
      ...awaiting,
      status: 'signed',
      signature,
      sealed,
      sealedSha256: sealed.sha256,
      version: 2,
    };
    expect(documentItem(signed)).toStrictEqual({
      ...signed,
      pk: 'DOCUMENT#PD20261205K7Q2M9',
      sk: 'DOCUMENT',
      gsi1pk: 'CUSTOMER#C003#DOCUMENTS',
      gsi1sk: '1764900000000#PD20261205K7Q2M9',
      gsi2pk: 'DOCHASH#ab12cd34',
      gsi2sk: 'DOCUMENT',
      __edb_e__: 'document',
      __edb_v__: '1',
    });
  });

  it('a voided 批单 of the older shape (no kind, no signer role) keeps exactly what it has', () => {
    const { kind: _kind, signerRole: _role, ...older } = awaiting;
    const voided: DocumentAttributes = {
      ...older,
      holderId: 'C001',
      status: 'voided',
      sealed,
      sealedSha256: sealed.sha256,
      applicationDocumentId: 'PA20261205K7Q2M9',
      effectiveAt: 1_764_900_200_000,
      voided: { reason: '录入错误', at: 1_764_900_300_000, byUserId: null },
      version: 3,
    };
    expect(documentItem(voided)).toStrictEqual({
      documentId: 'PD20261205K7Q2M9',
      title: '保险合同变更申请书',
      changeType: '保单借款',
      policyNo: '8811010100001',
      productName: '金福终身寿险（分红型）',
      holderId: 'C001',
      holder: awaiting.holder,
      insured: awaiting.insured,
      branchPath: 'HQ/SH/PD',
      changes: awaiting.changes,
      effectiveDate: '2026-12-05',
      annotation: '本申请经本公司审核同意后生效。',
      purpose: 'endorsement:EA20261205ABCDEF',
      contentHash: 'c0ffee',
      status: 'voided',
      createdAt: 1_764_900_000_000,
      createdBy: 'demo-customer-c001',
      sealed,
      sealedSha256: 'ab12cd34',
      applicationDocumentId: 'PA20261205K7Q2M9',
      effectiveAt: 1_764_900_200_000,
      voided: { reason: '录入错误', at: 1_764_900_300_000, byUserId: null },
      version: 3,
      pk: 'DOCUMENT#PD20261205K7Q2M9',
      sk: 'DOCUMENT',
      gsi1pk: 'CUSTOMER#C001#DOCUMENTS',
      gsi1sk: '1764900000000#PD20261205K7Q2M9',
      gsi2pk: 'DOCHASH#ab12cd34',
      gsi2sk: 'DOCUMENT',
      __edb_e__: 'document',
      __edb_v__: '1',
    });
  });
});

describe('the audit event items', () => {
  it('sit in the document’s partition in time order, with every attribute given', () => {
    const event = {
      documentId: 'PD20261205K7Q2M9',
      at: 1_764_900_110_000,
      seq: '3a1b2c3',
      type: 'signed' as const,
      actorUserId: 'demo-customer-c003',
      actorRole: 'customer',
      sourceIp: '203.0.113.7',
      userAgent: 'Mozilla/5.0 MicroMessenger',
      hashBefore: 'c0ffee',
      hashAfter: 'ab12cd34',
      detail: '人脸核身 V1',
    };
    expect(documentEventItem(event)).toStrictEqual({
      ...event,
      pk: 'DOCUMENT#PD20261205K7Q2M9',
      sk: 'AUDIT#1764900110000#3a1b2c3',
      __edb_e__: 'documentEvent',
      __edb_v__: '1',
    });
  });

  it('leave out what the event does not have', () => {
    expect(
      documentEventItem({
        documentId: 'PD20261205K7Q2M9',
        at: 1_764_900_000_000,
        seq: '0ffffff',
        type: 'created',
        actorUserId: undefined,
        detail: undefined,
      }),
    ).toStrictEqual({
      documentId: 'PD20261205K7Q2M9',
      at: 1_764_900_000_000,
      seq: '0ffffff',
      type: 'created',
      pk: 'DOCUMENT#PD20261205K7Q2M9',
      sk: 'AUDIT#1764900000000#0ffffff',
      __edb_e__: 'documentEvent',
      __edb_v__: '1',
    });
  });
});

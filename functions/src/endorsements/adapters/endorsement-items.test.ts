import type { DomainEventRecord, EndorsementEventRecord } from '@zhixiang/shared/endorsement/model';
import { describe, expect, it } from 'vitest';
import { applicationItem, eventItem, pendingDomainEventItem } from './endorsements';

/**
 * The endorsement items, exactly as the rest of the system reads them (seeds, benchmarks, other
 * contexts, the admin CLI): table and index keys, attributes, and the entity markers `__edb_e__` /
 * `__edb_v__` the items have always carried. No request is sent.
 */
const application: Parameters<typeof applicationItem>[0] = {
  applicationId: 'EA20261205ABCDEF',
  type: 'policy_loan',
  status: 'submitted',
  policyNo: '8811010100001',
  productName: '金福终身寿险（分红型）',
  holderId: 'C001',
  holder: { customerId: 'C001', name: '张伟' },
  insured: { customerId: 'C001', name: '张伟' },
  branchPath: 'HQ/SH/PD',
  policyVersion: 3,
  requestCipher: 'f1.1.iv.tag.body',
  channel: 'self_service',
  changes: [{ label: '借款金额', before: '', after: '¥10,000.00' }],
  figures: { amountCents: 1_000_000 },
  figureRows: [{ label: '年利率', value: '5.00%' }],
  reviewReasons: ['借款金额超过 ¥100,000.00'],
  documentId: 'PD20261205ABCDEF',
  consentDocumentId: undefined,
  insuredConsented: false,
  phoneConfirmed: undefined,
  preparedBy: { userId: 'demo-customer-c001', role: 'customer', name: '张伟', agentId: null },
  decision: undefined,
  payment: undefined,
  payout: undefined,
  createdAt: 1_764_900_000_000,
  updatedAt: 1_764_900_060_000,
  submittedAt: 1_764_900_060_000,
  version: 4,
  draftedCipher: 'f1.1.iv.tag.drafted',
  timeline: [],
  holdsOpenSlot: true,
  reviewQueue: 'PENDING',
  reviewSortKey: 'HQ/SH/PD#1764900060000#EA20261205ABCDEF',
};

const event: EndorsementEventRecord = {
  applicationId: 'EA20261205ABCDEF',
  at: 1_764_900_060_000,
  seq: '0a1b2c3d',
  type: 'submitted',
  fromStatus: 'signed',
  toStatus: 'submitted',
  actorUserId: 'demo-agent-a001',
  actorRole: 'agent',
  actorName: '王建国',
  onBehalfOf: { customerId: 'C001', name: '张伟' },
  sourceIp: '203.0.113.7',
  userAgent: 'x'.repeat(400),
  verificationId: null,
  before: '[]',
  after: null,
  detail: '提交保全审核：借款金额超过 ¥100,000.00',
};

const applicationKeys = {
  pk: 'ENDORSEMENT#EA20261205ABCDEF',
  sk: 'ENDORSEMENT',
  gsi1pk: 'CUSTOMER#C001#ENDORSEMENTS',
  gsi1sk: '1764900000000#EA20261205ABCDEF',
  __edb_e__: 'endorsement',
  __edb_v__: '1',
};

describe('the endorsement items the transactions write', () => {
  it('an application awaiting review: on the holder’s index and in the review queue by branch path', () => {
    // The attributes the application has, and nothing for those it lacks.
    const {
      consentDocumentId: _c,
      phoneConfirmed: _p,
      decision: _x,
      payment: _y,
      payout: _z,
      ...present
    } = application;
    expect(applicationItem(application)).toStrictEqual({
      ...present,
      ...applicationKeys,
      gsi2pk: 'ENDORSEMENTREVIEW#PENDING',
      gsi2sk: 'HQ/SH/PD#1764900060000#EA20261205ABCDEF',
    });
  });

  it('an application out of the queue has no review index; what it lacks stays absent', () => {
    const decision = { decision: 'approve' as const, reason: null, byUserId: 'S1', byName: '李审核', at: 5 };
    const issued = {
      ...application,
      status: 'document_issued' as const,
      consentDocumentId: 'PC20261205ABCDEF',
      phoneConfirmed: false,
      decision,
      draftedCipher: undefined,
      timeline: undefined,
      holdsOpenSlot: undefined,
      reviewQueue: undefined,
      reviewSortKey: undefined,
    };
    const {
      draftedCipher: _d,
      timeline: _t,
      holdsOpenSlot: _h,
      reviewQueue: _q,
      reviewSortKey: _s,
      consentDocumentId: _c,
      phoneConfirmed: _p,
      decision: _x,
      payment: _y,
      payout: _z,
      ...kept
    } = application;
    expect(applicationItem(issued)).toStrictEqual({
      ...kept,
      status: 'document_issued',
      consentDocumentId: 'PC20261205ABCDEF',
      phoneConfirmed: false,
      decision,
      ...applicationKeys,
    });
  });

  it('an audit event in the application’s partition, in time order (the user agent cut to 300 characters)', () => {
    const item = eventItem(event);
    // The null attributes absent, the user agent cut.
    const { verificationId: _v, after: _a, ...present } = event;
    expect(item).toStrictEqual({
      ...present,
      userAgent: 'x'.repeat(300),
      pk: 'ENDORSEMENT#EA20261205ABCDEF',
      sk: 'EVENT#1764900060000#0a1b2c3d',
      __edb_e__: 'endorsementEvent',
      __edb_v__: '1',
    });
    expect(String(item.userAgent)).toHaveLength(300);
  });

  it('a pending outbox item, with and without an amount or a reason', () => {
    const effective: DomainEventRecord = {
      eventId: '6f1c2e0a-8d4b-4f7e-9a51-2b3c4d5e6f70',
      type: 'endorsement.effective',
      at: 1_764_900_060_002,
      applicationId: 'EA20261205ABCDEF',
      policyNo: '8811010100001',
      endorsementType: 'policy_loan',
      holderId: 'C001',
      amountCents: 1_000_000,
      reason: null,
    };
    const keys = {
      outbox: 'PENDING',
      pk: 'DOMAINEVENT#6f1c2e0a-8d4b-4f7e-9a51-2b3c4d5e6f70',
      sk: 'DOMAINEVENT',
      gsi1pk: 'OUTBOX#PENDING',
      gsi1sk: '1764900060002#6f1c2e0a-8d4b-4f7e-9a51-2b3c4d5e6f70',
      __edb_e__: 'domainEvent',
      __edb_v__: '1',
    };
    const { amountCents: _a, reason: _r, ...bare } = effective;
    expect(pendingDomainEventItem(effective)).toStrictEqual({ ...bare, amountCents: 1_000_000, ...keys });
    expect(pendingDomainEventItem({ ...effective, amountCents: null })).toStrictEqual({ ...bare, ...keys });
    expect(
      pendingDomainEventItem({
        ...effective,
        type: 'endorsement.rejected',
        amountCents: null,
        reason: '客户年满60周岁，请到柜面办理',
      }),
    ).toStrictEqual({
      ...bare,
      type: 'endorsement.rejected',
      reason: '客户年满60周岁，请到柜面办理',
      ...keys,
    });
  });
});

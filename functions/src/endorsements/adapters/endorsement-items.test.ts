import type { DomainEventRecord, EndorsementEventRecord } from '@zhixiang/shared/endorsement/model';
import { describe, expect, it } from 'vitest';
import { DynamoDocumentClient } from '../../platform/dynamodb/document-client';
import { orUndefined } from '../../platform/dynamodb/table';
import {
  applicationItem,
  createEndorsementEntities,
  eventItem,
  pendingDomainEventItem,
} from './endorsements';

/**
 * The endorsement transactions write their items by hand (ElectroDB's request building cost
 * ≈ 0.5 ms an item); ElectroDB's queries read them back. Held here to be exactly the items
 * ElectroDB itself would write for the same records (no request is sent).
 */
const entities = createEndorsementEntities({
  client: new DynamoDocumentClient(),
  table: 'items',
});

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

describe('the endorsement items the transactions write', () => {
  it('are the application items ElectroDB writes, in the review queue and out of it', () => {
    for (const attributes of [
      application,
      {
        ...application,
        status: 'document_issued' as const,
        reviewQueue: undefined,
        reviewSortKey: undefined,
      },
    ])
      expect(applicationItem(attributes)).toEqual(entities.applications.put(attributes).params().Item);
  });

  it('are the audit event items ElectroDB writes (the user agent cut to 300 characters)', () => {
    const item = eventItem(event);
    expect(item).toEqual(
      entities.events
        .put({
          ...event,
          fromStatus: orUndefined(event.fromStatus),
          toStatus: orUndefined(event.toStatus),
          onBehalfOf: orUndefined(event.onBehalfOf),
          sourceIp: orUndefined(event.sourceIp),
          userAgent: event.userAgent?.slice(0, 300),
          verificationId: orUndefined(event.verificationId),
          before: orUndefined(event.before),
          after: orUndefined(event.after),
          detail: orUndefined(event.detail),
        })
        .params().Item,
    );
    expect(String(item.userAgent)).toHaveLength(300);
  });

  it('are the pending outbox items ElectroDB writes, with and without an amount or a reason', () => {
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
    const rejected: DomainEventRecord = {
      ...effective,
      type: 'endorsement.rejected',
      amountCents: null,
      reason: '客户年满60周岁，请到柜面办理',
    };
    for (const outbox of [effective, { ...effective, amountCents: null }, rejected])
      expect(pendingDomainEventItem(outbox)).toEqual(
        entities.domainEvents
          .put({
            ...outbox,
            amountCents: orUndefined(outbox.amountCents),
            reason: orUndefined(outbox.reason),
            outbox: 'PENDING',
          })
          .params().Item,
      );
  });
});

import type { EndorsementRecord } from '@zhixiang/shared/endorsement/model';
import { luhnCheckDigit } from '@zhixiang/shared/endorsement/renewal-account-change';
import type { EndorsementRepository } from '@zhixiang/shared/ports/endorsements';
import { eventSeq } from '../endorsements/use-cases/endorsement-deps';
import type { DemoData } from './demo-data';

/**
 * 李娜's dividend-option change that she withdrew before signing: the demo of a closed application
 * in 我的申请, and the application the authorisation matrix probes with other people's tokens
 * (every action on it is a 409 for her, a 404 for anyone else).
 */
export const DEMO_ENDORSEMENT_ID = 'EA20261125DEMO01';

/**
 * A card the demo customers may type as their own payee card (王芳's loan: her annuity has no
 * renewal account): a 中国工商银行 BIN from config/supported-banks.json with a valid Luhn digit.
 * The holder name typed with it must be the policyholder's.
 */
export const DEMO_PAYEE_CARD_NUMBER = `622202100012345678${luhnCheckDigit('622202100012345678')}`;

export async function seedDemoEndorsements(
  endorsements: EndorsementRepository,
  data: DemoData,
  createdAt: number,
): Promise<void> {
  if (await endorsements.get(DEMO_ENDORSEMENT_ID)) return;
  const policy = data.policies.find((p) => p.holderId === 'C002' && p.dividendOption === 'cash');
  const holder = data.customers.find((c) => c.customerId === 'C002');
  const product = data.products.find((p) => p.productCode === policy?.productCode);
  if (!policy || !holder || !product) return;
  const party = { customerId: holder.customerId, name: holder.name };
  const record: EndorsementRecord = {
    applicationId: DEMO_ENDORSEMENT_ID,
    type: 'dividend_option_change',
    status: 'cancelled',
    policyNo: policy.policyNo,
    productName: product.name,
    holder: party,
    insured: party,
    branchPath: policy.branchPath,
    policyVersion: policy.version,
    request: { type: 'dividend_option_change', dividendOption: 'accumulate' },
    channel: 'self_service',
    changes: [{ label: '红利领取方式', before: '现金领取', after: '累积生息' }],
    figures: {},
    figureRows: [],
    reviewReasons: [],
    // Its unsigned 批单 was discarded when she withdrew the application.
    documentId: 'PD20261125DEMO01',
    consentDocumentId: null,
    insuredConsented: false,
    phoneConfirmed: null,
    preparedBy: { userId: 'demo-customer-c002', role: 'customer', name: holder.name, agentId: null },
    decision: null,
    payment: null,
    createdAt,
    updatedAt: createdAt + 60_000,
    submittedAt: null,
    version: 2,
  };
  const actor = {
    actorUserId: 'demo-customer-c002',
    actorRole: 'customer' as const,
    actorName: holder.name,
    onBehalfOf: null,
    sourceIp: null,
    userAgent: null,
    verificationId: null,
    applicationId: DEMO_ENDORSEMENT_ID,
  };
  await endorsements.create(record, [
    {
      ...actor,
      at: createdAt,
      seq: eventSeq(),
      type: 'created',
      fromStatus: null,
      toStatus: 'draft',
      before: null,
      after: JSON.stringify(record.changes),
      detail: '红利领取方式变更',
    },
    {
      ...actor,
      at: createdAt + 60_000,
      seq: eventSeq(),
      type: 'cancelled',
      fromStatus: 'draft',
      toStatus: 'cancelled',
      before: null,
      after: null,
      detail: '撤销原因：暂不变更',
    },
  ]);
}

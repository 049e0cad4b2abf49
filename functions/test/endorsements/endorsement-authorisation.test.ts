import type {
  EndorsementApplication,
  EndorsementListResponse,
} from '@zhixiang/shared/endorsement/application';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CUSTOMERS } from '../../src/seed/demo-data';
import { DEMO_PAYEE_CARD_NUMBER } from '../../src/seed/demo-endorsements';
import { sampleStrokes } from '../documents/fixtures';
import { strokesToPng } from '../documents/signature-png';
import { demoPolicyNo, useEndorsementStack } from './endorsement-steps';
import { signedDrafts } from './signed-drafts';

/**
 * Every endorsement route with real applications and other people's tokens: another customer, an
 * unassigned agent and staff of another branch are refused and change nothing; the agent prepares
 * but never verifies or signs for the customer.
 */
const stack = useEndorsementStack();
const { steps } = stack;
const ZHANG_PL01 = demoPolicyNo('C001', 'PL01');
const WANG_AN02 = demoPolicyNo('C004', 'AN02');
const WU_PL03 = demoPolicyNo('C011', 'PL03');
let draft: EndorsementApplication;
let awaitingReview: string;

beforeAll(async () => {
  const created = await steps.create('demo-agent-a001', ZHANG_PL01, {
    type: 'dividend_option_change',
    dividendOption: 'cash',
  });
  expect(created.status, created.text).toBe(201);
  draft = created.body;
  [awaitingReview = ''] = await signedDrafts(
    stack.container(),
    'demo-customer-c004',
    WANG_AN02,
    {
      type: 'policy_loan',
      amountCents: 1_000_000,
      payeeCard: { cardHolderName: '王芳', cardNumber: DEMO_PAYEE_CARD_NUMBER },
    },
    1,
  );
  expect((await steps.submit('demo-customer-c004', awaitingReview)).body).toMatchObject({
    status: 'submitted',
  });
});

type Intruder = 'demo-customer-c011' | 'demo-agent-a003' | 'demo-staff-bj';
const INTRUDERS: Intruder[] = ['demo-customer-c011', 'demo-agent-a003', 'demo-staff-bj'];

describe('people with no business on an application', () => {
  const routes: Array<[string, 'GET' | 'POST', () => string, unknown, Record<Intruder, number>]> = [
    [
      'options',
      'GET',
      () => `/policies/${ZHANG_PL01}/endorsements/options`,
      undefined,
      { 'demo-customer-c011': 404, 'demo-agent-a003': 404, 'demo-staff-bj': 403 },
    ],
    [
      'create',
      'POST',
      () => `/policies/${ZHANG_PL01}/endorsements`,
      { type: 'dividend_option_change', dividendOption: 'offset_premium' },
      { 'demo-customer-c011': 404, 'demo-agent-a003': 404, 'demo-staff-bj': 403 },
    ],
    [
      'view',
      'GET',
      () => `/endorsements/${draft.applicationId}`,
      undefined,
      { 'demo-customer-c011': 404, 'demo-agent-a003': 404, 'demo-staff-bj': 404 },
    ],
    [
      'customer list',
      'GET',
      () => '/customers/C001/endorsements',
      undefined,
      { 'demo-customer-c011': 403, 'demo-agent-a003': 404, 'demo-staff-bj': 404 },
    ],
    [
      'phone code',
      'POST',
      () => `/endorsements/${draft.applicationId}/phone-code`,
      undefined,
      { 'demo-customer-c011': 404, 'demo-agent-a003': 404, 'demo-staff-bj': 403 },
    ],
    [
      'submit',
      'POST',
      () => `/endorsements/${draft.applicationId}/submit`,
      {},
      { 'demo-customer-c011': 404, 'demo-agent-a003': 404, 'demo-staff-bj': 403 },
    ],
    [
      'cancel',
      'POST',
      () => `/endorsements/${draft.applicationId}/cancel`,
      {},
      { 'demo-customer-c011': 404, 'demo-agent-a003': 404, 'demo-staff-bj': 403 },
    ],
    [
      'decide',
      'POST',
      () => `/staff/endorsements/${awaitingReview}/decision`,
      { decision: 'approve' },
      { 'demo-customer-c011': 403, 'demo-agent-a003': 403, 'demo-staff-bj': 404 },
    ],
  ];

  it.each(routes)('refuses them on %s and changes nothing', async (_, method, path, body, expected) => {
    const before = await Promise.all([
      stack.container().repositories.endorsements.get(draft.applicationId),
      stack.container().repositories.endorsements.get(awaitingReview),
      stack.container().repositories.endorsements.listByHolder('C001'),
    ]);
    for (const intruder of INTRUDERS) {
      const response = await stack.api().request(method, path(), {
        token: await steps.tokenOf(intruder),
        ...(body === undefined ? {} : { body }),
      });
      expect(response.status, `${intruder}: ${response.text}`).toBe(expected[intruder]);
      // A refusal reveals nothing of the application or its people.
      expect(response.text).not.toMatch(/张伟|王芳|鑫享人生/);
    }
    const after = await Promise.all([
      stack.container().repositories.endorsements.get(draft.applicationId),
      stack.container().repositories.endorsements.get(awaitingReview),
      stack.container().repositories.endorsements.listByHolder('C001'),
    ]);
    expect(after).toEqual(before);
  });

  it("keeps the queue to the staff member's subtree and 我的申请 to the customer's own", async () => {
    const beijing = await (await steps.as('demo-staff-bj')).get<{
      applications: { applicationId: string }[];
    }>('/staff/endorsements');
    expect(beijing.status).toBe(200);
    expect(beijing.body.applications.map((a) => a.applicationId)).not.toContain(awaitingReview);
    const pudong = await (await steps.as('demo-staff-sh-pd')).get<{
      applications: { applicationId: string }[];
    }>('/staff/endorsements');
    expect(pudong.body.applications.map((a) => a.applicationId)).toContain(awaitingReview);
    const other = await (await steps.as('demo-customer-c011')).get<EndorsementListResponse>(
      '/me/endorsements',
    );
    expect(other.body.applications.map((a) => a.applicationId)).not.toContain(draft.applicationId);
    for (const role of ['demo-agent-a001', 'demo-staff-sh'])
      expect((await (await steps.as(role)).get('/me/endorsements')).status).toBe(403);
  });
});

describe('the agent prepares, the customer proves and signs', () => {
  it('shows the agent the same application, and nothing moves until the customer verifies and signs', async () => {
    const agent = await steps.as('demo-agent-a001');
    const viewed = await agent.get<EndorsementApplication>(`/endorsements/${draft.applicationId}`);
    expect(viewed.body).toMatchObject({
      status: 'draft',
      nextStep: 'verify_identity',
      preparedBy: { role: 'agent' },
    });
    const early = await steps.submit('demo-agent-a001', draft.applicationId, {}, null);
    expect(early.status).toBe(409);

    // Hosting the signing screen without the customer's own verification for this purpose is refused.
    const uploadId = await steps.upload('demo-agent-a001', `/documents/${draft.documentId}`, {
      strokes: sampleStrokes(),
      image: strokesToPng(sampleStrokes()),
    });
    const detail = await agent.get<{ contentHash: string }>(`/documents/${draft.documentId}`);
    const sign = await agent.post(`/documents/${draft.documentId}/signature`, {
      uploadId,
      contentHash: detail.body.contentHash,
    });
    expect(sign.status).toBe(403);
    expect(sign.body).toMatchObject({ field: 'identity' });

    // The customer, on the agent's device: their own face for this application's purpose.
    await steps.verifyAndSign('demo-customer-c001', draft.documentId, 'demo-agent-a001');
    const signed = await agent.get<EndorsementApplication>(`/endorsements/${draft.applicationId}`);
    expect(signed.body).toMatchObject({ status: 'signed', nextStep: 'submit' });
    const signer = signed.body.timeline.find((e) => e.type === 'signed');
    expect(signer).toMatchObject({ actorRole: 'customer', onBehalfOf: null });
    expect(signer?.actor).toContain('张伟');
    expect(signer?.verificationId).toBeTruthy();
  });

  it('lets the consenting insured open the application but not act for the holder', async () => {
    const created = await steps.create('demo-customer-c011', WU_PL03, {
      type: 'beneficiary_change',
      beneficiaries: [
        {
          name: '吴刚',
          relation: '配偶',
          order: 1,
          shareBasisPoints: 10_000,
          idNumber: DEMO_CUSTOMERS.find((c) => c.customerId === 'C011')!.idNumber,
        },
      ],
    });
    expect(created.status, created.text).toBe(201);
    const insured = await steps.as('demo-customer-c012');
    expect((await insured.get(`/endorsements/${created.body.applicationId}`)).status).toBe(200);
    const cancel = await insured.post(`/endorsements/${created.body.applicationId}/cancel`, {});
    expect(cancel.status).toBe(403);
    expect(cancel.body).toMatchObject({ message: '保全申请须由投保人本人或其服务业务员办理' });
    // The insured of 吴刚's policy cannot start endorsements on it either.
    const options = await insured.get(`/policies/${WU_PL03}/endorsements/options`);
    expect(options.status).toBe(403);
  });
});

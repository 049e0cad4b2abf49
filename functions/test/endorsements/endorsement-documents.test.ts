import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  AuditTrailResponse,
  DocumentDetail,
  DocumentLinkResponse,
  DocumentListResponse,
  VerifyDocumentResponse,
} from '@zhixiang/shared/documents/schemas';
import type { EndorsementApplication } from '@zhixiang/shared/endorsement/application';
import { afterAll, describe, expect, it } from 'vitest';
import { deliverEndorsementEvents } from '../../src/endorsements/use-cases/deliver-endorsement-events';
import { deliverEndorsementEventsDeps } from '../../src/endorsements/wiring-delivery';
import { DEMO_PAYEE_CARD_NUMBER } from '../../src/seed/demo-endorsements';
import { demoPolicyNo, useEndorsementStack } from './endorsement-steps';

/**
 * The two documents of an endorsement, through the gateway, DynamoDB Local and s3rver: the
 * customer signs the application (申请书); the insurer's 批单 is issued and sealed only when the
 * change takes effect. A rejected or cancelled application leaves no 批单, and its signed 申请书
 * is voided (未生效) in our records and in the public verification.
 */
const stack = useEndorsementStack();
const { steps } = stack;
const WANG_AN02 = demoPolicyNo('C004', 'AN02');
const dir = mkdtempSync(join(tmpdir(), 'zx-endorsement-documents-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const loan = (amountCents: number) => ({
  type: 'policy_loan' as const,
  amountCents,
  payeeCard: { cardHolderName: '王芳', cardNumber: DEMO_PAYEE_CARD_NUMBER },
});

async function documentOf(userId: string, documentId: string): Promise<DocumentDetail> {
  const response = await (await steps.as(userId)).get<DocumentDetail>(`/documents/${documentId}`);
  expect(response.status, response.text).toBe(200);
  return response.body;
}

async function pdfOf(userId: string, documentId: string): Promise<Buffer> {
  const link = await (await steps.as(userId)).get<DocumentLinkResponse>(`/documents/${documentId}/file`);
  expect(link.status, link.text).toBe(200);
  return Buffer.from(await (await fetch(link.body.url)).arrayBuffer());
}

async function verify(pdf: Uint8Array): Promise<VerifyDocumentResponse> {
  const answer = await stack
    .api()
    .post<VerifyDocumentResponse>('/documents/verify', { pdfBase64: Buffer.from(pdf).toString('base64') });
  expect(answer.status, answer.text).toBe(200);
  return answer.body;
}

function pdfText(name: string, pdf: Buffer): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

/** Her documents of kind 批单 (none may exist for an application that never took effect). */
async function endorsementsOf(userId: string): Promise<DocumentListResponse['documents']> {
  const list = await (await steps.as(userId)).get<DocumentListResponse>('/me/documents');
  return list.body.documents.filter((d) => d.kind === 'endorsement');
}

const deliver = () => deliverEndorsementEvents(deliverEndorsementEventsDeps(stack.container()));

describe('王芳’s ¥50,000 loan, rejected by staff', () => {
  it('leaves no sealed 批单; her signed application shows and verifies as not effective (voided)', async () => {
    const { created, submitted } = await steps.complete('demo-customer-c004', WANG_AN02, loan(5_000_000));
    expect(submitted.body).toMatchObject({ status: 'submitted', nextStep: 'await_review' });
    const signed = await documentOf('demo-customer-c004', created.documentId);
    expect(signed).toMatchObject({ kind: 'application', status: 'signed', statusLabel: '已签署·待生效' });
    const pdf = await pdfOf('demo-customer-c004', created.documentId);
    const text = pdfText('rejected-application', pdf);
    expect(text).toContain('保险合同变更申请书');
    expect(text).toContain('¥50,000.00');
    expect(text).not.toMatch(/本公司同意|电子批单专用章/);

    const rejected = await (await steps.as('demo-staff-sh')).post<EndorsementApplication>(
      `/staff/endorsements/${created.applicationId}/decision`,
      { decision: 'reject', reason: '贷款用途说明不清' },
    );
    expect(rejected.status, rejected.text).toBe(200);
    expect(rejected.body.status).toBe('rejected');

    expect(await deliver()).toMatchObject({ endorsementsIssued: 0 });
    expect(await endorsementsOf('demo-customer-c004')).toEqual([]);
    const application = await documentOf('demo-customer-c004', created.documentId);
    expect(application).toMatchObject({
      kind: 'application',
      status: 'voided',
      statusLabel: '未生效',
      endorsementDocumentId: null,
      voided: { reason: expect.stringContaining('审核未通过') },
    });
    expect(application.voided?.reason).toContain('贷款用途说明不清');

    const answer = await verify(pdf);
    expect(answer).toMatchObject({
      verdict: 'voided',
      genuine: false,
      document: { documentId: created.documentId, kind: 'application', statusLabel: '未生效' },
    });
    expect(answer.message).toContain('该申请书已作废');
    expect(answer.message).toContain('审核未通过');

    const trail = await (await steps.as('demo-customer-c004')).get<AuditTrailResponse>(
      `/documents/${created.documentId}/audit-trail`,
    );
    expect(trail.body.events.find((e) => e.type === 'voided')).toMatchObject({
      label: '申请作废（未生效）',
      actor: '员工 demo-staff-sh',
    });
    expect(trail.body.events.find((e) => e.type === 'created')?.label).toBe('生成申请书');
  });
});

describe('a signed loan application cancelled before submission', () => {
  it('leaves no sealed 批单; the application shows and verifies as not effective (voided)', async () => {
    const created = await steps.create('demo-customer-c004', WANG_AN02, loan(3_000_000));
    expect(created.status, created.text).toBe(201);
    await steps.verifyAndSign('demo-customer-c004', created.body.documentId);
    const pdf = await pdfOf('demo-customer-c004', created.body.documentId);
    expect((await verify(pdf)).verdict).toBe('not_effective');

    const cancelled = await (await steps.as('demo-customer-c004')).post<EndorsementApplication>(
      `/endorsements/${created.body.applicationId}/cancel`,
      { reason: '暂不需要贷款' },
    );
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');

    expect(await deliver()).toMatchObject({ endorsementsIssued: 0 });
    expect(await endorsementsOf('demo-customer-c004')).toEqual([]);
    const application = await documentOf('demo-customer-c004', created.body.documentId);
    expect(application).toMatchObject({ status: 'voided', statusLabel: '未生效' });
    expect(application.voided?.reason).toMatch(/申请已撤销.*暂不需要贷款/);
    const answer = await verify(pdf);
    expect(answer).toMatchObject({ verdict: 'voided', genuine: false });
    expect(answer.message).toContain('申请已撤销');
  });
});

describe('a loan application approved by staff', () => {
  it('takes effect, and only then is the 批单 issued, sealed, linked from the application, and valid', async () => {
    const { created } = await steps.complete('demo-customer-c004', WANG_AN02, loan(2_000_000));
    // Approved but not yet delivered: still no 批单 anywhere.
    const approved = await (await steps.as('demo-staff-sh')).post<EndorsementApplication>(
      `/staff/endorsements/${created.applicationId}/decision`,
      { decision: 'approve', reason: '已电话核实本人意愿' },
    );
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.status).toBe('document_issued');
    expect(await endorsementsOf('demo-customer-c004')).toEqual([]);

    const report = await deliver();
    expect(report).toMatchObject({ endorsementsIssued: 1, failed: 0 });
    // A second run finds it issued and issues nothing again.
    expect(await deliver()).toMatchObject({ pending: 0, endorsementsIssued: 0 });

    const application = await documentOf('demo-customer-c004', created.documentId);
    expect(application).toMatchObject({ status: 'effective', statusLabel: '已生效' });
    const endorsementId = application.endorsementDocumentId ?? '';
    const endorsements = await endorsementsOf('demo-customer-c004');
    expect(endorsements.map((d) => d.documentId)).toEqual([endorsementId]);
    const endorsement = await documentOf('demo-customer-c004', endorsementId);
    expect(endorsement).toMatchObject({
      kind: 'endorsement',
      status: 'effective',
      applicationDocumentId: created.documentId,
      signature: null,
      changes: application.changes,
    });
    expect(endorsement.annotation).toContain(`变更申请书（${created.documentId}）`);
    expect(endorsement.annotation).toContain('本公司同意');

    const pdf = await pdfOf('demo-customer-c004', endorsementId);
    const text = pdfText('issued-endorsement', pdf);
    expect(text).toContain('保险合同变更批单');
    expect(text).toContain('¥20,000.00');
    expect(text).toContain(created.documentId);
    const answer = await verify(pdf);
    expect(answer).toMatchObject({
      verdict: 'valid',
      genuine: true,
      document: { documentId: endorsementId, kind: 'endorsement', applicationDocumentId: created.documentId },
    });
    const trail = await (await steps.as('demo-customer-c004')).get<AuditTrailResponse>(
      `/documents/${endorsementId}/audit-trail`,
    );
    expect(trail.body.events.map((e) => e.type).slice(0, 3)).toEqual(['created', 'sealed', 'delivered']);
    expect(trail.body.events[0]?.label).toBe('出具批单');
  });
});

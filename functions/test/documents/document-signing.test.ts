import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type {
  AuditTrailResponse,
  DocumentDetail,
  DocumentLinkResponse,
  DocumentListResponse,
  VerifyDocumentResponse,
} from '@zhixiang/shared/documents/schemas';
import type { SignatureStrokes } from '@zhixiang/shared/documents/signature-quality';
import type { EndorsementApplication } from '@zhixiang/shared/endorsement/application';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signingIdentityFrom } from '../../src/documents/adapters/signing/insurer-certificate';
import { createTestChain } from '../../src/documents/adapters/signing/local-test-ca';
import { sealPdf } from '../../src/documents/adapters/signing/seal-pdf';
import { prepareApplicationDocument } from '../../src/documents/use-cases/prepare-application-document';
import { voidDocument } from '../../src/documents/use-cases/void-document';
import { deliverEndorsementEvents } from '../../src/endorsements/use-cases/deliver-endorsement-events';
import { deliverEndorsementEventsDeps } from '../../src/endorsements/wiring-delivery';
import { DEMO_DOCUMENT_ID, DEMO_NEW_ADDRESS } from '../../src/seed/demo-documents';
import { createSystem, type System } from '../../src/system';
import { type ApiClient, createApiClient } from '../support/api-client';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { signingSession } from '../support/signing-session';
import { startTestGateway, type TestGateway } from '../support/test-gateway';
import { sampleStrokes } from './fixtures';
import { strokesToPng } from './signature-png';

/**
 * The signing journey through the real gateway, DynamoDB Local and s3rver: identity through the
 * identity feature's sandbox HTTP API, presigned uploads, server-side checks, the sealed PDF,
 * delivery to the right people only, the audit trail and the public verification.
 */
const dir = mkdtempSync(join(tmpdir(), 'zx-doc-signing-'));
let container: System;
let gateway: TestGateway;
let api: ApiClient;
const { as, verifyIdentity, upload } = signingSession(
  () => container,
  () => api,
);
const path = (suffix = '') => `/documents/${DEMO_DOCUMENT_ID}${suffix}`;

const straightLine: SignatureStrokes = {
  width: 600,
  height: 300,
  strokes: [Array.from({ length: 40 }, (_, i) => ({ x: 50 + i * 12, y: 100 + i * 3, t: i * 16 }))],
};

function pdfsig(file: string): string {
  try {
    return execFileSync('pdfsig', [file], { encoding: 'utf8' });
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? '');
  }
}

beforeAll(async () => {
  container = createSystem();
  await seedDemoDataOnce({ repositories: container.repositories });
  gateway = await startTestGateway();
  api = createApiClient(gateway.url);
});
afterAll(async () => {
  await gateway?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('张伟 signs his application (申请书) and receives it; the 批单 comes when it takes effect', () => {
  let detail: DocumentDetail;
  let pdf: Buffer;

  it('lists the document awaiting his signature in 我的批单', async () => {
    const list = await (await as('demo-customer-c001')).get<DocumentListResponse>('/me/documents');
    expect(list.status).toBe(200);
    expect(list.body.documents).toEqual([
      expect.objectContaining({
        documentId: DEMO_DOCUMENT_ID,
        kind: 'application',
        title: '保险合同变更申请书',
        status: 'awaiting_signature',
        statusLabel: '待签署',
        changeType: '联系方式变更',
      }),
    ]);
  });

  it('previews exactly what he signs: his address on record before, the new one after, his ID masked', async () => {
    const response = await (await as('demo-customer-c001')).get<DocumentDetail>(path());
    expect(response.status).toBe(200);
    detail = response.body;
    const application = (await container.repositories.endorsements.listByHolder('C001')).find(
      (a) => a.documentId === DEMO_DOCUMENT_ID,
    );
    expect(application).toMatchObject({ type: 'contact_change', status: 'draft' });
    expect(detail).toMatchObject({
      canSign: true,
      identityVerified: false,
      purpose: `endorsement:${application?.applicationId}`,
    });
    // The demo describes his data as it is on record, not a made-up "before".
    const zhang = await container.repositories.customers.get('C001');
    expect(detail.changes).toEqual([{ label: '联系地址', before: zhang?.address, after: DEMO_NEW_ADDRESS }]);
    expect(detail.annotation).not.toContain('本公司同意');
    expect(response.text).not.toContain(zhang?.idNumber ?? 'no id');
  });

  it('refuses to sign before his identity is verified for this document, pointing to verification', async () => {
    const uploadId = await upload('demo-customer-c001', path(), {
      strokes: sampleStrokes(),
      image: strokesToPng(sampleStrokes()),
    });
    const response = await (await as('demo-customer-c001')).post(path('/signature'), {
      uploadId,
      contentHash: detail.contentHash,
    });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'FORBIDDEN', field: 'identity' });
  });

  it('refuses a straight line, a missing upload, a file that is not a PNG and an oversized image', async () => {
    await verifyIdentity('demo-customer-c001', detail.purpose);
    const customer = await as('demo-customer-c001');
    const sign = (uploadId: string) =>
      customer.post(path('/signature'), { uploadId, contentHash: detail.contentHash });

    const line = await sign(
      await upload('demo-customer-c001', path(), {
        strokes: straightLine,
        image: strokesToPng(straightLine),
      }),
    );
    expect(line.status).toBe(400);
    expect(line.body).toMatchObject({ message: '签名过于简单，请重新签名', field: 'signature' });

    const missing = await sign(await upload('demo-customer-c001', path(), { strokes: sampleStrokes() }));
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ message: '未收到签名，请重新签名' });

    const notPng = await sign(
      await upload('demo-customer-c001', path(), {
        strokes: sampleStrokes(),
        image: new TextEncoder().encode('<svg/>'.repeat(20)),
      }),
    );
    expect(notPng.status).toBe(400);
    expect(notPng.body).toMatchObject({ message: '签名图片格式不正确，请重新签名' });

    const huge = new Uint8Array(600 * 1024);
    huge.set(strokesToPng(sampleStrokes()));
    const tooLarge = await sign(
      await upload('demo-customer-c001', path(), { strokes: sampleStrokes(), image: huge }),
    );
    expect(tooLarge.status).toBe(413);

    const stale = await customer.post(path('/signature'), {
      uploadId: '00000000-0000-4000-8000-000000000000',
      contentHash: 'f'.repeat(64),
    });
    expect(stale.status).toBe(409);
    expect((await customer.get<DocumentDetail>(path())).body.status).toBe('awaiting_signature');
  });

  it('signs once: the document is sealed and stored, a second signature is refused', async () => {
    const customer = await as('demo-customer-c001');
    const uploadId = await upload('demo-customer-c001', path(), {
      strokes: sampleStrokes(),
      image: strokesToPng(sampleStrokes()),
    });
    const signed = await customer.post<DocumentDetail>(path('/signature'), {
      uploadId,
      contentHash: detail.contentHash,
    });
    expect(signed.status, signed.text).toBe(200);
    expect(signed.body).toMatchObject({
      status: 'signed',
      statusLabel: '已签署·待生效',
      signature: { signerName: '张伟', hostedByAgent: false },
    });
    const again = await customer.post(path('/signature'), { uploadId, contentHash: detail.contentHash });
    expect(again.status).toBe(409);

    const link = await customer.get<DocumentLinkResponse>(path('/file'));
    expect(link.status).toBe(200);
    expect(Date.parse(link.body.expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);
    expect(link.body.url).toMatch(/X-Amz-Expires=300/);
    pdf = Buffer.from(await (await fetch(link.body.url)).arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(dir, 'signed.pdf');
    writeFileSync(file, pdf);
    expect(pdfsig(file)).toContain('Signature Validation: Signature is Valid.');
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('漕溪北路88号2201室');
    // It is his application, not the insurer's 批单: nothing on it says the insurer agrees.
    expect(text).toContain('保险合同变更申请书');
    expect(text).toContain('不表示');
    expect(text).not.toMatch(/本公司同意|电子批单专用章/);
  });

  it('is delivered to his assigned agent and Shanghai staff, to nobody else', async () => {
    for (const userId of ['demo-agent-a001', 'demo-staff-sh', 'demo-staff-hq', 'demo-admin']) {
      const user = await as(userId);
      expect((await user.get(path())).status, userId).toBe(200);
      expect((await user.get(path('/file'))).status, userId).toBe(200);
    }
    for (const userId of ['demo-customer-c011', 'demo-agent-a003', 'demo-staff-bj']) {
      const user = await as(userId);
      for (const suffix of ['', '/file', '/audit-trail']) {
        const response = await user.get(path(suffix));
        expect(response.status, `${userId} ${suffix}`).toBe(404);
        expect(response.body).toMatchObject({ message: '未找到该批单' });
      }
      expect((await user.post(path('/audit-certificate'))).status, userId).toBe(404);
    }
    expect(
      (await (await as('demo-customer-c011')).get<DocumentListResponse>('/me/documents')).body.documents,
    ).toEqual([]);
  });

  it('keeps an audit trail from creation to download with the hashes before and after', async () => {
    const trail = await (await as('demo-customer-c001')).get<AuditTrailResponse>(path('/audit-trail'));
    const types = trail.body.events.map((e) => e.type);
    for (const type of [
      'created',
      'viewed',
      'identity_verified',
      'signed',
      'sealed',
      'delivered',
      'downloaded',
    ])
      expect(types, type).toContain(type);
    const sealed = trail.body.events.find((e) => e.type === 'sealed');
    expect(sealed?.hashBefore).not.toBe(sealed?.hashAfter);
    expect(sealed?.hashAfter).toBe(
      (await (await as('demo-customer-c001')).get<DocumentDetail>(path())).body.pdf?.sha256,
    );
    expect(trail.body.events.find((e) => e.type === 'identity_verified')?.detail).toMatch(
      /方式 face，核验编号 \S+/,
    );
    expect(trail.body.events.find((e) => e.type === 'signed')?.userAgent).toBeTruthy();

    const certificate = await (await as('demo-staff-sh')).post<DocumentLinkResponse>(
      path('/audit-certificate'),
    );
    expect(certificate.status).toBe(200);
    const file = join(dir, 'audit.pdf');
    writeFileSync(file, Buffer.from(await (await fetch(certificate.body.url)).arrayBuffer()));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('电子签署审计证书');
    expect(text).toContain(DEMO_DOCUMENT_ID);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    expect(pdfsig(file)).toContain('Signature is Valid.');
  });

  it('verifies publicly: his signed application is not yet effective; a changed byte, unsigned, someone else’s', async () => {
    const verify = (bytes: Uint8Array) =>
      api.post<VerifyDocumentResponse>('/documents/verify', {
        pdfBase64: Buffer.from(bytes).toString('base64'),
      });
    const ours = await verify(pdf);
    expect(ours.status).toBe(200);
    expect(ours.body).toMatchObject({
      verdict: 'not_effective',
      genuine: false,
      message: expect.stringContaining('不是批单'),
      document: {
        documentId: DEMO_DOCUMENT_ID,
        kind: 'application',
        statusLabel: '已签署·待生效',
        holderNameMasked: '张*',
        endorsementDocumentId: null,
      },
    });
    expect(ours.text).not.toContain(detail.policyNo);

    const tampered = Buffer.from(pdf);
    const at = tampered.indexOf('stream\n') + 20;
    tampered[at] = (tampered[at] ?? 0) ^ 1;
    expect((await verify(tampered)).body).toMatchObject({
      verdict: 'modified',
      genuine: false,
      message: expect.stringContaining('改动'),
    });

    const unsigned = await PDFDocument.create();
    unsigned.addPage();
    expect((await verify(await unsigned.save())).body).toMatchObject({ verdict: 'unsigned', genuine: false });
    // Files that were never signed are "not a signed 批单", never "changed after signing": a
    // signature placeholder left unfilled, and contents that are no CMS signature at all.
    const zeroed = Buffer.from(pdf);
    const contentsAt = zeroed.indexOf('/Contents <') + '/Contents <'.length;
    zeroed.fill('0', contentsAt, zeroed.indexOf('>', contentsAt));
    const placeholder = Buffer.from(
      `%PDF-1.7\n1 0 obj << /Type /Sig /ByteRange [0 0 0 0] /Contents <${'0'.repeat(64)}> >> endobj\n%%EOF\n`,
    );
    const garbage = Buffer.from(pdf);
    garbage.fill('A', contentsAt, zeroed.indexOf('>', contentsAt));
    for (const notSigned of [zeroed, placeholder, garbage]) {
      const answer = await verify(notSigned);
      expect(answer.body).toMatchObject({ verdict: 'unsigned', genuine: false });
      expect(answer.body.message).toMatch(/^该文件不是已签章的电子批单/);
      expect(answer.body.message).not.toContain('改动');
    }

    const other = createTestChain({ ca: 'Another CA', leaf: 'Another Insurer' });
    const theirs = await PDFDocument.create();
    theirs.addPage();
    const { sealed } = await sealPdf(
      theirs,
      signingIdentityFrom({ p12: other.p12, passphrase: other.passphrase, trustedCaPem: [other.caPem] }),
      { widgetRect: [0, 0, 10, 10], signingTime: new Date() },
    );
    expect((await verify(sealed)).body).toMatchObject({ verdict: 'foreign_signature', genuine: false });

    const notPdf = await verify(new TextEncoder().encode('hello'));
    expect(notPdf.status).toBe(400);
    expect(notPdf.body).toMatchObject({ message: '请上传 PDF 格式的电子批单或申请书' });
    const tooBig = await api.post('/documents/verify', { pdfBase64: 'A'.repeat(3 * 1024 * 1024) });
    expect(tooBig.status).toBe(413);
  });

  let endorsementId: string;
  let endorsementPdf: Buffer;

  it('takes effect on submission: his record changes, and only then is the 批单 issued and sealed', async () => {
    const application = (await container.repositories.endorsements.listByHolder('C001')).find(
      (a) => a.documentId === DEMO_DOCUMENT_ID,
    );
    const customer = await as('demo-customer-c001');
    const submitted = await customer.post<EndorsementApplication>(
      `/endorsements/${application?.applicationId}/submit`,
      {},
    );
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body.status).toBe('document_issued');
    expect((await container.repositories.customers.get('C001'))?.address).toBe(DEMO_NEW_ADDRESS);
    // Until the outbox is consumed there is no 批单: the list holds his application only.
    const before = await customer.get<DocumentListResponse>('/me/documents');
    expect(before.body.documents.filter((d) => d.kind === 'endorsement')).toEqual([]);

    const report = await deliverEndorsementEvents(deliverEndorsementEventsDeps(container));
    expect(report).toMatchObject({ endorsementsIssued: 1, lettersIssued: 1, failed: 0 });
    const applicationView = (await customer.get<DocumentDetail>(path())).body;
    expect(applicationView).toMatchObject({
      kind: 'application',
      status: 'effective',
      statusLabel: '已生效',
    });
    endorsementId = applicationView.endorsementDocumentId ?? '';
    expect(endorsementId).toMatch(/^PD\d{8}[A-Z0-9]{6}$/);

    const endorsement = await customer.get<DocumentDetail>(`/documents/${endorsementId}`);
    expect(endorsement.body).toMatchObject({
      kind: 'endorsement',
      title: '保险合同变更批单',
      status: 'effective',
      statusLabel: '已生效',
      applicationDocumentId: DEMO_DOCUMENT_ID,
      canSign: false,
      signature: null,
      changes: applicationView.changes,
    });
    expect(endorsement.body.pdf?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const link = await customer.get<DocumentLinkResponse>(`/documents/${endorsementId}/file`);
    endorsementPdf = Buffer.from(await (await fetch(link.body.url)).arrayBuffer());
    const file = join(dir, 'endorsement.pdf');
    writeFileSync(file, endorsementPdf);
    expect(pdfsig(file)).toContain('Signature Validation: Signature is Valid.');
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('本公司同意');
    expect(text).toContain(DEMO_DOCUMENT_ID);
    expect(text).toContain('电子批单专用章');
    // The confirmation letter links the 批单, not the application.
    const letters = await container.letters.listByCustomer('C001');
    expect(letters.find((l) => l.letterType === 'endorsement_confirmation')?.documentId).toBe(endorsementId);
  });

  it('verifies the 批单 as valid and the application as in effect; a changed byte of the 批单 as modified', async () => {
    const verify = (bytes: Uint8Array) =>
      api.post<VerifyDocumentResponse>('/documents/verify', {
        pdfBase64: Buffer.from(bytes).toString('base64'),
      });
    expect((await verify(endorsementPdf)).body).toMatchObject({
      verdict: 'valid',
      genuine: true,
      message: expect.stringContaining('本公司出具的电子批单'),
      document: { documentId: endorsementId, kind: 'endorsement', applicationDocumentId: DEMO_DOCUMENT_ID },
    });
    expect((await verify(pdf)).body).toMatchObject({
      verdict: 'valid',
      document: { documentId: DEMO_DOCUMENT_ID, kind: 'application', endorsementDocumentId: endorsementId },
    });
    const tampered = Buffer.from(endorsementPdf);
    const at = tampered.indexOf('stream\n') + 20;
    tampered[at] = (tampered[at] ?? 0) ^ 1;
    expect((await verify(tampered)).body).toMatchObject({
      verdict: 'modified',
      genuine: false,
      document: null,
    });
  });

  it('a 批单 voided after issue verifies as 已作废 with the reason and the time, recorded in its trail', async () => {
    const reason = '批单信息有误，已重新出具';
    const voided = await voidDocument(container, {
      documentId: endorsementId,
      reason,
      byUserId: 'ops-admin',
    });
    expect(voided).toMatchObject({ status: 'voided', voided: { reason, byUserId: 'ops-admin' } });
    const answer = await api.post<VerifyDocumentResponse>('/documents/verify', {
      pdfBase64: endorsementPdf.toString('base64'),
    });
    expect(answer.body).toMatchObject({
      verdict: 'voided',
      genuine: false,
      document: {
        documentId: endorsementId,
        statusLabel: '已作废',
        voided: { reason, at: new Date(voided.voided?.at ?? 0).toISOString() },
      },
    });
    expect(answer.body.message).toContain('已作废');
    expect(answer.body.message).toContain(reason);
    expect(answer.body.message).toContain(formatShanghaiDateTime(voided.voided?.at ?? 0));
    const trail = await (await as('demo-customer-c001')).get<AuditTrailResponse>(
      `/documents/${endorsementId}/audit-trail`,
    );
    expect(trail.body.events.find((e) => e.type === 'voided')).toMatchObject({
      label: '批单作废',
      detail: expect.stringContaining(reason),
    });
    // Once voided it stays so: a second voiding is refused and changes nothing.
    await expect(
      voidDocument(container, { documentId: endorsementId, reason, byUserId: 'ops-admin' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });
});

describe('an agent hosts the signing for a customer present in person', () => {
  it('records the agent as host and the customer as signer', async () => {
    const policyNo = (await container.repositories.policies.listByCustomer('C001')).find(
      (p) => p.holderId === 'C001',
    )!.policyNo;
    const document = await prepareApplicationDocument(
      { repositories: container.repositories, now: () => Date.now() },
      {
        policyNo,
        changeType: '联系方式变更',
        changes: [{ label: '电子邮箱', before: 'zw@example.com', after: 'zhangwei@example.com' }],
        effectiveDate: '2026-11-26',
        createdBy: 'test',
      },
    );
    const documentPath = `/documents/${document.documentId}`;
    const agent = await as('demo-agent-a001');
    // Staff may open it but never host a signing.
    expect((await (await as('demo-staff-sh')).post(`${documentPath}/signature-upload`)).status).toBe(403);
    await verifyIdentity('demo-agent-a001', document.purpose, 'C001');
    const uploadId = await upload('demo-agent-a001', documentPath, {
      strokes: sampleStrokes(),
      image: strokesToPng(sampleStrokes()),
    });
    const signed = await agent.post<DocumentDetail>(`${documentPath}/signature`, {
      uploadId,
      contentHash: document.contentHash,
    });
    expect(signed.status, signed.text).toBe(200);
    expect(signed.body.signature).toMatchObject({ signerName: '张伟', hostedByAgent: true });
    const stored = await container.repositories.documents.get(document.documentId);
    expect(stored?.signature).toMatchObject({
      signerCustomerId: 'C001',
      signedByUserId: 'demo-agent-a001',
      hostedByAgentId: 'A001',
    });
  });
});

describe('five signatures at once', () => {
  it('seals one: one 200, four 409 that rendered nothing, exactly one sealed PDF in S3', async () => {
    const document = await prepareApplicationDocument(
      { repositories: container.repositories, now: () => Date.now() },
      {
        policyNo: await zhangWeiPolicyNo(),
        changeType: '联系方式变更',
        changes: [{ label: '邮政编码', before: '200120', after: '200031' }],
        effectiveDate: '2026-11-26',
        createdBy: 'test',
      },
    );
    const documentPath = `/documents/${document.documentId}`;
    await verifyIdentity('demo-customer-c001', document.purpose);
    const files = { strokes: sampleStrokes(), image: strokesToPng(sampleStrokes()) };
    const uploads = await Promise.all(
      Array.from({ length: 5 }, () => upload('demo-customer-c001', documentPath, files)),
    );
    const customer = await as('demo-customer-c001');
    const results = await Promise.all(
      uploads.map((uploadId) =>
        customer.post(`${documentPath}/signature`, { uploadId, contentHash: document.contentHash }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    for (const refused of results.filter((r) => r.status === 409))
      expect(refused.body).toMatchObject({ code: 'CONFLICT', message: '该申请书已签署，无需重复签名' });
    const events = await container.repositories.documents.listEvents(document.documentId);
    expect(events.filter((e) => e.type === 'signed')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'sealed')).toHaveLength(1);
    const stored = await container.repositories.documents.get(document.documentId);
    expect(await sealedPdfKeys(document.documentId)).toEqual([stored?.sealed?.key]);
  });

  it('is not stranded by a signer that crashed after claiming: the claim expires and the holder signs', async () => {
    const document = await prepareApplicationDocument(
      { repositories: container.repositories, now: () => Date.now() },
      {
        policyNo: await zhangWeiPolicyNo(),
        changeType: '联系方式变更',
        changes: [{ label: '邮政编码', before: '200120', after: '200032' }],
        effectiveDate: '2026-11-26',
        createdBy: 'test',
      },
    );
    // A signer claimed it a minute ago and never came back (its claim has run out).
    const crashedAt = Date.now() - 61_000;
    expect(
      await container.repositories.documents.claimSigning({
        documentId: document.documentId,
        expectedVersion: document.version,
        claimId: 'crashed-signer',
        now: crashedAt,
        until: crashedAt + 60_000,
      }),
    ).toBe(true);
    const documentPath = `/documents/${document.documentId}`;
    await verifyIdentity('demo-customer-c001', document.purpose);
    const uploadId = await upload('demo-customer-c001', documentPath, {
      strokes: sampleStrokes(),
      image: strokesToPng(sampleStrokes()),
    });
    const signed = await (await as('demo-customer-c001')).post(`${documentPath}/signature`, {
      uploadId,
      contentHash: document.contentHash,
    });
    expect(signed.status, signed.text).toBe(200);
    expect(await sealedPdfKeys(document.documentId)).toHaveLength(1);
  });
});

async function zhangWeiPolicyNo(): Promise<string> {
  return (await container.repositories.policies.listByCustomer('C001')).find((p) => p.holderId === 'C001')!
    .policyNo;
}

/** The sealed PDFs stored for a document (`documents/<id>/…`, audit certificates aside). */
async function sealedPdfKeys(documentId: string): Promise<string[]> {
  // The functions never list; the test reads the bucket with the SDK's own client.
  const listed = await new S3Client({ forcePathStyle: true }).send(
    new ListObjectsV2Command({ Bucket: container.config.bucketName, Prefix: `documents/${documentId}/` }),
  );
  return (listed.Contents ?? [])
    .map((object) => object.Key ?? '')
    .filter((key) => !key.includes('audit-certificate'));
}

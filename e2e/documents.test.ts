import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { voidDocument } from '../functions/src/documents/use-cases/void-document';
import { deliverEndorsementEvents } from '../functions/src/endorsements/use-cases/deliver-endorsement-events';
import { deliverEndorsementEventsDeps } from '../functions/src/endorsements/wiring-delivery';
import { DEMO_DOCUMENT_ID } from '../functions/src/seed/demo-documents';
import { getSystem } from '../functions/src/system';
import { newPhonePage, saveScreenshot } from './support/browser';
import {
  agreeToPrivacyGuide,
  demoAccessToken,
  drawOnSignaturePad,
  HANDWRITTEN_NAME,
  signInAsDemoUser,
  tapButton,
  verifyDocumentSignerOverHttp,
} from './support/journey-steps';
import { useE2eSession } from './support/session';

/**
 * The application (申请书) in the H5 build: 张伟 opens his demo address change from 我的批单,
 * verifies his identity (through the identity feature's sandbox HTTP API), signs with real mouse
 * strokes — a straight line is refused first — and the signed PDF opens; the public verify page
 * says it is a signed application that has not taken effect (not a 批单). Submitted, it takes
 * effect and the outbox consumer issues the sealed 批单, reached from the application: the page
 * says valid, then 已作废 (reason, time) once an operator voids it, and modified for a changed byte.
 */
const session = useE2eSession();

async function api<T>(path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${session.stack.apiUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function get<T>(path: string, token: string): Promise<T> {
  const response = await fetch(`${session.stack.apiUrl}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const text = await response.text();
  assert.ok(response.ok, `${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** The public verify page's answer for a file: its verdict and what it says. */
async function verifyOnPage(page: Page, file: string): Promise<{ verdict: string | null; text: string }> {
  await page.goto(`${session.stack.appUrl}/packages/documents/verify/index`);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('verify-choose').click(),
  ]);
  await chooser.setFiles(file);
  const result = page.getByTestId('verify-result');
  await result.waitFor();
  return { verdict: await result.getAttribute('data-verdict'), text: (await result.textContent()) ?? '' };
}

describe('the application (申请书) journey', () => {
  it('张伟 signs his application; the verify page says not yet effective, then valid for the 批单 issued on effect, voided, modified', async () => {
    const { context, page } = await newPhonePage(session.browser);
    try {
      await agreeToPrivacyGuide(page, session.stack.appUrl);
      await signInAsDemoUser(page, 'demo-customer-c001');
      await page.goto(`${session.stack.appUrl}/pages/me/index`);
      await page.locator('.nut-cell', { hasText: '我的批单' }).click();
      const item = page.getByTestId('document-item').first();
      await item.waitFor();
      assert.match((await item.textContent()) ?? '', /联系方式变更.*待签署/s);
      await item.click();

      // The preview shows exactly what is signed; identity comes first.
      await page.getByTestId('document-preview').waitFor();
      assert.match((await page.getByTestId('document-changes').textContent()) ?? '', /漕溪北路88号2201室/);
      await page.getByTestId('identity-needed').waitFor();
      await verifyDocumentSignerOverHttp(session.stack.apiUrl, 'demo-customer-c001', DEMO_DOCUMENT_ID);
      await page.reload();
      await page.getByTestId('go-sign').click();

      await page.getByTestId('sign-summary').waitFor();
      const signUrl = page.url();
      // A straight line is refused…
      await drawOnSignaturePad(page, [
        [
          [30, 60],
          [120, 70],
          [220, 80],
          [300, 90],
        ],
      ]);
      await page.getByTestId('submit-signature').click();
      const error = page.getByTestId('sign-error');
      await error.waitFor();
      assert.equal((await error.textContent())?.trim(), '签名过于简单，请重新签名');
      await saveScreenshot(page, 'documents-too-simple');

      // …a name is accepted.
      await tapButton(page, '清除');
      await drawOnSignaturePad(page, HANDWRITTEN_NAME);
      await page.getByTestId('submit-signature').click();
      const status = page.getByTestId('document-status');
      await page.waitForURL(/packages\/documents\/detail/);
      await page.getByText(/已签署·待生效：张伟 于/).waitFor({ timeout: 30_000 });
      assert.match((await status.textContent()) ?? '', /生效后，本公司另行出具批单/);
      await saveScreenshot(page, 'documents-signed');

      // The signing screen opened again (a reload, an old link) says it is signed and leads on to it.
      await page.goto(signUrl);
      await page.getByTestId('sign-already-signed').waitFor();
      await tapButton(page, '查看保险合同变更申请书');
      await page.waitForURL(/packages\/documents\/detail/);
      await page.getByText(/已签署·待生效：张伟 于/).waitFor();

      // The PDF opens in a new tab through a short-lived link.
      const [popup] = await Promise.all([
        page.waitForEvent('popup'),
        page.getByTestId('open-document').click(),
      ]);
      const pdfUrl = popup.url();
      assert.match(pdfUrl, /documents%2F|documents\//);
      assert.match(pdfUrl, /X-Amz-Expires=300/);
      const pdf = Buffer.from(await (await fetch(pdfUrl)).arrayBuffer());
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      await popup.close();
      const dir = mkdtempSync(join(tmpdir(), 'zx-e2e-doc-'));
      const file = join(dir, `${DEMO_DOCUMENT_ID}.pdf`);
      writeFileSync(file, pdf);
      let report = '';
      try {
        report = execFileSync('pdfsig', [file], { encoding: 'utf8' });
      } catch (failure) {
        report = String((failure as { stdout?: string }).stdout ?? '');
      }
      assert.match(report, /Signature is Valid/);

      // 我的批单 shows it signed and not yet effective; the public page says it is an application.
      await page.goto(`${session.stack.appUrl}/packages/documents/list/index`);
      await page.getByTestId('document-item').first().waitFor();
      assert.match(
        (await page.getByTestId('document-item').first().textContent()) ?? '',
        /已签署·待生效.*申请书号/s,
      );
      const applicationAnswer = await verifyOnPage(page, file);
      assert.equal(applicationAnswer.verdict, 'not_effective');
      assert.match(applicationAnswer.text, /变更申请书，尚未生效.*不是批单/s);
      await saveScreenshot(page, 'documents-verified');

      // Submitted, it takes effect; the outbox consumer (the local schedule's job) issues the 批单.
      const token = await demoAccessToken(session.stack.apiUrl, 'demo-customer-c001');
      const { purpose } = await get<{ purpose: string }>(`/documents/${DEMO_DOCUMENT_ID}`, token);
      await api(`/endorsements/${purpose.replace('endorsement:', '')}/submit`, {}, token);
      await deliverEndorsementEvents(deliverEndorsementEventsDeps(getSystem()));
      await page.goto(
        `${session.stack.appUrl}/packages/documents/detail/index?documentId=${DEMO_DOCUMENT_ID}`,
      );
      await page.getByText(/已生效：张伟 于.*本公司已出具批单/).waitFor();
      await page.getByTestId('open-related-document').click();
      await page.getByText(/已生效：本公司于 .* 出具并加盖电子签章/).waitFor();
      const endorsementId = /documentId=([A-Z0-9]+)/.exec(page.url())?.[1] ?? '';
      const link = await get<{ url: string }>(`/documents/${endorsementId}/file`, token);
      const endorsementFile = join(dir, `${endorsementId}.pdf`);
      writeFileSync(endorsementFile, Buffer.from(await (await fetch(link.url)).arrayBuffer()));

      const valid = await verifyOnPage(page, endorsementFile);
      assert.equal(valid.verdict, 'valid');
      assert.match(valid.text, /核验通过.*本公司出具的电子批单/s);
      await saveScreenshot(page, 'documents-endorsement-verified');

      // Voided after issue (an operator's act): the same file now answers 已作废 with reason and time.
      await voidDocument(getSystem(), {
        documentId: endorsementId,
        reason: '批单信息有误，已重新出具',
        byUserId: 'e2e-operator',
      });
      const voided = await verifyOnPage(page, endorsementFile);
      assert.equal(voided.verdict, 'voided');
      assert.match(voided.text, /^✗ 批单已作废.*作废时间.*作废原因\s*批单信息有误，已重新出具/s);
      await saveScreenshot(page, 'documents-endorsement-voided');

      // One byte changed after sealing: modified.
      const tampered = readFileSync(endorsementFile);
      const at = tampered.indexOf('stream\n') + 20;
      tampered[at] = (tampered[at] ?? 0) ^ 1;
      const tamperedFile = join(dir, 'tampered.pdf');
      writeFileSync(tamperedFile, tampered);
      const modified = await verifyOnPage(page, tamperedFile);
      assert.equal(modified.verdict, 'modified');
      assert.match(modified.text, /文件在签章后被改动过/);
    } finally {
      await saveScreenshot(page, 'documents-last');
      await context.close();
    }
  });
});

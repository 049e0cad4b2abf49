import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { brand } from '@zhixiang/shared/brand';
import {
  APPLICATION_STATUS_LABELS,
  AUDIT_EVENT_TYPES,
  auditEventLabel,
  DOCUMENT_STATUS_LABELS,
  type DocumentRecord,
} from '@zhixiang/shared/documents/model';
import { LETTER_TYPE_NAMES, type LetterType } from '@zhixiang/shared/letters/model';
import { composeLetter } from '@zhixiang/shared/letters/templates';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../local/local-paths';
import { renderAuditCertificate } from '../../src/documents/adapters/render-audit-certificate';
import { renderDocument } from '../../src/documents/adapters/render-document';
import {
  endorsementAnnotation,
  endorsementDocumentIdOf,
} from '../../src/documents/use-cases/issue-endorsement';
import { APPLICATION_DECLARATION } from '../../src/documents/use-cases/prepare-application-document';
import { STANDING_MESSAGES, VERIFY_MESSAGES } from '../../src/documents/use-cases/verify-document';
import { INSURED_CONSENT_ANNOTATION } from '../../src/endorsements/use-cases/create-endorsement';
import { renderLetter } from '../../src/letters/adapters/render-letter';
import { DOCUMENT_FONT_RELATIVE_PATH } from '../../src/platform/pdf/document-font';
import { sampleDocument, sampleStrokes } from './fixtures';
import { strokesToPng } from './signature-png';

/**
 * Every character a document can print has a glyph in the embedded font, or it prints as an
 * empty box (☒) while text extraction still reads it. Checked two ways:
 * - every string literal of the code and configuration that documents are made from (templates,
 *   renderers, formats, endorsement labels, the brand, banks, the demo data), so a template
 *   string added tomorrow is covered;
 * - each kind of document rendered, with amounts, empty fields and the audit trail, its text read
 *   back by pdftotext.
 */
const font = fontkit.create(readFileSync(join(repoRoot, DOCUMENT_FONT_RELATIVE_PATH)));
const hasGlyph = (char: string) => /\s/.test(char) || font.hasGlyphForCodePoint(char.codePointAt(0) ?? 0);

/** Where the printed text of documents and letters comes from. */
const SOURCES = [
  'functions/src/documents',
  'functions/src/letters',
  'functions/src/endorsements',
  'functions/src/platform/pdf',
  'functions/src/seed',
  'shared/src/documents',
  'shared/src/endorsement',
  'shared/src/letters',
  'shared/src/notices',
  'shared/src/format',
  'shared/src/policy',
  'shared/src/brand.ts',
  'config',
];

function filesUnder(path: string): string[] {
  const full = join(repoRoot, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full).flatMap((name) => filesUnder(join(path, name)));
}

/** The text of every string and template literal (not comments, not regular expressions). */
function stringLiterals(file: string): string[] {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  if (file.endsWith('.json')) {
    const strings: string[] = [];
    JSON.stringify(JSON.parse(text), (_key, value) => {
      if (typeof value === 'string') strings.push(value);
      return value;
    });
    return strings;
  }
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) out.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'zx-glyphs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pdfText(name: string, bytes: Uint8Array): string {
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

function missingIn(text: string): string[] {
  return [...new Set([...text].filter((char) => !hasGlyph(char)))];
}

describe('the document font covers what documents print', () => {
  it('has a glyph for every character of every string the documents are made from', () => {
    const files = SOURCES.flatMap(filesUnder).filter(
      (f) => /\.(ts|json)$/.test(f) && !f.endsWith('.test.ts'),
    );
    expect(files.length).toBeGreaterThan(100);
    const missing = new Map<string, string>();
    for (const file of files)
      for (const literal of stringLiterals(file))
        for (const char of missingIn(literal))
          missing.set(char, `U+${char.codePointAt(0)?.toString(16)} in ${file}`);
    expect(Object.fromEntries(missing)).toEqual({});
  });

  it('prints every letter type, with amounts and empty fields, without a missing glyph', async () => {
    for (const type of Object.keys(LETTER_TYPE_NAMES) as LetterType[]) {
      for (const facts of [
        {
          holderName: '欧阳娜娜',
          policyNo: 'P2026000123',
          productName: '鑫享人生终身寿险(分红型)',
          amountCents: 5_000_012,
          dueDate: '2026-12-31',
          nextDueDate: '2027-12-31',
          bankName: '中国工商银行',
          accountMasked: '**** **** **** 0123',
          documentId: 'PD20261125TEST01',
          changeType: '红利领取方式变更',
          effectiveDate: '2026-11-26',
          failureReason: '账户余额不足',
        },
        { holderName: '张伟', policyNo: 'P2026000123', productName: '金佑福重大疾病保险' },
      ]) {
        const content = composeLetter(type, facts, brand);
        const { pdf } = await renderLetter({ letterId: `L-${type}`, content, issuedAt: Date.now() }, brand);
        const text = pdfText(type, pdf);
        expect(text).toContain(content.title);
        expect(missingIn(text), type).toEqual([]);
        expect(missingIn(JSON.stringify(content)), type).toEqual([]);
      }
    }
  });

  it('prints an application, its 批单, a voided one and their audit certificates without a missing glyph', async () => {
    const application = sampleDocument({
      kind: 'application',
      title: '保险合同变更申请书',
      annotation: APPLICATION_DECLARATION,
      changeType: '保单贷款',
      changes: [
        { label: '贷款金额', before: '—', after: '¥50,000.00' },
        { label: '贷款期限', before: '—', after: '6 个月（2026年12月05日–2027年06月05日）' },
        { label: '收款账户', before: '—', after: '中国银行 **** 5678 · 王芳' },
      ],
    });
    const signedAt = Date.parse('2026-12-05T02:00:00Z');
    const applicationPdf = await renderDocument(
      application,
      { signaturePng: strokesToPng(sampleStrokes()), at: signedAt },
      brand,
    );
    const applicationText = pdfText('application', await applicationPdf.pdf.save());
    expect(applicationText).toContain('¥50,000.00');
    expect(applicationText).toContain('申请书');
    expect(applicationText).not.toContain('本公司同意');
    expect(missingIn(applicationText)).toEqual([]);

    const consent = sampleDocument({
      kind: 'application',
      signerRole: 'insured',
      title: '被保险人同意书',
      annotation: INSURED_CONSENT_ANNOTATION,
    });
    const consentPdf = await renderDocument(
      consent,
      { signaturePng: strokesToPng(sampleStrokes()), at: signedAt },
      brand,
    );
    expect(missingIn(pdfText('consent', await consentPdf.pdf.save()))).toEqual([]);

    const signedApplication = {
      ...application,
      signature: { signedAt, signerName: '王芳' } as DocumentRecord['signature'],
    };
    const endorsement = sampleDocument({
      kind: 'endorsement',
      documentId: endorsementDocumentIdOf(application.documentId, signedAt),
      applicationDocumentId: application.documentId,
      annotation: endorsementAnnotation(signedApplication),
      changes: application.changes,
      status: 'effective',
    });
    const endorsementPdf = await renderDocument(endorsement, { at: signedAt }, brand);
    const endorsementText = pdfText('endorsement', await endorsementPdf.pdf.save());
    expect(endorsementText).toContain('本公司同意');
    expect(endorsementText).toContain(application.documentId);
    expect(missingIn(endorsementText)).toEqual([]);

    // Every answer of the public verification, and the labels of both kinds, print too.
    for (const text of [
      ...Object.values(VERIFY_MESSAGES),
      ...Object.values(STANDING_MESSAGES),
      ...Object.values(APPLICATION_STATUS_LABELS),
      ...Object.values(DOCUMENT_STATUS_LABELS),
      ...AUDIT_EVENT_TYPES.flatMap((type) => [
        auditEventLabel('application', type),
        auditEventLabel('endorsement', type),
      ]),
    ])
      expect(missingIn(text), text).toEqual([]);

    const document: DocumentRecord = {
      ...endorsement,
      status: 'voided',
      voided: { reason: '批单内容有误，已重新出具', at: signedAt, byUserId: 'ops' },
    };
    const events = AUDIT_EVENT_TYPES.map((type, i) => ({
      documentId: document.documentId,
      type,
      at: Date.parse('2026-11-25T08:00:00Z') + i * 60_000,
      actorUserId: 'demo-customer-c001',
      actorRole: 'customer',
      sourceIp: '203.0.113.7',
      userAgent: 'Mozilla/5.0 MicroMessenger/8.0.57',
      hashBefore: 'a'.repeat(64),
      hashAfter: 'b'.repeat(64),
      detail: '刷脸认证 · 核验通过',
    }));
    for (const certified of [document, application]) {
      const certificate = await renderAuditCertificate(certified, events, brand, Date.now());
      const text = pdfText(`certificate-${certified.kind}`, await certificate.pdf.save());
      expect(text).toContain(certified.kind === 'application' ? '申请书号' : '批单号');
      expect(missingIn(text)).toEqual([]);
    }
  });
});

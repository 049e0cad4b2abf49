import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { brand } from '@zhixiang/shared/brand';
import { AUDIT_EVENT_TYPES } from '@zhixiang/shared/documents/model';
import { LETTER_TYPE_NAMES, type LetterType } from '@zhixiang/shared/letters/model';
import { composeLetter } from '@zhixiang/shared/letters/templates';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../local/local-paths';
import { renderAuditCertificate } from '../../src/documents/adapters/render-audit-certificate';
import { renderEndorsement } from '../../src/documents/adapters/render-endorsement';
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

  it('prints an endorsement with amounts and its audit certificate without a missing glyph', async () => {
    const document = sampleDocument({
      changeType: '保单贷款',
      changes: [
        { label: '贷款金额', before: '—', after: '¥50,000.00' },
        { label: '贷款期限', before: '—', after: '6 个月（2026年12月05日–2027年06月05日）' },
        { label: '收款账户', before: '—', after: '中国银行 **** 5678 · 王芳' },
      ],
    });
    const signature = { png: strokesToPng(sampleStrokes()), signedAt: Date.parse('2026-12-05T02:00:00Z') };
    const rendered = await renderEndorsement(document, signature, brand);
    const endorsementText = pdfText('endorsement', await rendered.pdf.save());
    expect(endorsementText).toContain('¥50,000.00');
    expect(missingIn(endorsementText)).toEqual([]);

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
    const certificate = await renderAuditCertificate(document, events, brand, Date.now());
    expect(missingIn(pdfText('certificate', await certificate.pdf.save()))).toEqual([]);
  });
});

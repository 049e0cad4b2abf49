import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brand } from '@zhixiang/shared/brand';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/documents/adapters/render-document';
import {
  type InsurerSigningIdentity,
  InsurerSigningKey,
  signingIdentityFrom,
} from '../../src/documents/adapters/signing/insurer-certificate';
import { createTestChain, LocalTestCaCertificates } from '../../src/documents/adapters/signing/local-test-ca';
import { sealPdf } from '../../src/documents/adapters/signing/seal-pdf';
import { checkPdfSignature } from '../../src/documents/adapters/signing/verify-pdf-signature';
import { sampleDocument, sampleStrokes } from './fixtures';
import { strokesToPng } from './signature-png';

/**
 * Render → seal → verify round trip of one endorsement, checked with poppler as an outside
 * reader: pdftotext finds every field, pdftoppm shows ink under every Chinese character (the
 * subsetting trap leaves glyphs blank while text extraction still works), pdfsig says valid.
 */
const dir = mkdtempSync(join(tmpdir(), 'zx-endorsement-'));
const document = sampleDocument();
let identity: InsurerSigningIdentity;
let sealed: Buffer;
let pdfPath: string;

async function sealedEndorsement(signer: InsurerSigningIdentity): Promise<Buffer> {
  const rendered = await renderDocument(
    document,
    { signaturePng: strokesToPng(sampleStrokes()), at: Date.parse('2026-11-25T09:30:00Z') },
    brand,
  );
  return (await sealPdf(rendered.pdf, signer, { widgetRect: rendered.sealRect, signingTime: new Date() }))
    .sealed;
}

function pdfsig(path: string): string {
  try {
    return execFileSync('pdfsig', [path], { encoding: 'utf8' });
  } catch (error) {
    // pdfsig exits non-zero on an invalid signature; its report is still on stdout.
    return String((error as { stdout?: string }).stdout ?? '');
  }
}

beforeAll(async () => {
  const ca = new LocalTestCaCertificates('local', join(dir, 'keys'));
  identity = await new InsurerSigningKey(ca, ca).get();
  // The second document of the process: the parsed font is shared between documents.
  await sealedEndorsement(identity);
  sealed = await sealedEndorsement(identity);
  pdfPath = join(dir, 'endorsement.pdf');
  writeFileSync(pdfPath, sealed);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the sealed endorsement PDF', () => {
  it('is one page well under 150 KB', () => {
    expect(sealed.length).toBeLessThan(150 * 1024);
    expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
  });

  it('carries every field as text', () => {
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    for (const expected of [
      brand.insurerName,
      document.title,
      document.documentId,
      document.policyNo,
      document.productName,
      '张伟',
      '1101**********002X',
      '联系方式变更',
      '上海市浦东新区世纪大道100号',
      '上海市徐汇区漕溪北路88号2201室',
      '2026年11月26日',
      '本批单是保险合同的组成部分',
      '签署日期：2026年11月25日',
      '电子批单专用章',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('11010519491231002X');
  });

  it('shows ink under every Chinese character on the rendered page', () => {
    const boxes = execFileSync('pdftotext', ['-bbox', pdfPath, '-'], { encoding: 'utf8' });
    // 144 dpi: two pixels per point of the bounding boxes' coordinates.
    const ppm = execFileSync('pdftoppm', ['-r', '144', '-f', '1', '-l', '1', '-gray', pdfPath], {
      maxBuffer: 16 * 1024 * 1024,
    });
    const image = readPgm(ppm);
    const words = [
      ...boxes.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)</g),
    ];
    let checked = 0;
    const blank: string[] = [];
    for (const [, x0, y0, x1, y1, word] of words) {
      const chars = [...(word as string)];
      const width = (Number(x1) - Number(x0)) / chars.length;
      chars.forEach((char, i) => {
        if (!/\p{Script=Han}/u.test(char)) return;
        checked++;
        const left = Number(x0) + i * width;
        if (inkIn(image, 2 * left, 2 * Number(y0), 2 * (left + width), 2 * Number(y1)) < 4) blank.push(char);
      });
    }
    expect(checked).toBeGreaterThan(150);
    expect(blank).toEqual([]);
  });

  it('verifies with our checker and with pdfsig', () => {
    const check = checkPdfSignature(sealed, identity.trustedCas);
    expect(check).toMatchObject({ status: 'valid', serialNumber: identity.serialNumber });
    const report = pdfsig(pdfPath);
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Signing Hash Algorithm: SHA-256');
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Total document signed');
  });

  it('fails both checks when one byte of the signed content changes', () => {
    const tampered = Buffer.from(sealed);
    // One byte inside the first content stream (the page's drawing), within the signed range.
    const at = tampered.indexOf('stream\n') + 20;
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    const tamperedPath = join(dir, 'tampered.pdf');
    writeFileSync(tamperedPath, tampered);
    expect(checkPdfSignature(tampered, identity.trustedCas)).toMatchObject({ status: 'modified' });
    const report = pdfsig(tamperedPath);
    expect(report).not.toContain('Signature is Valid');
    expect(report).toMatch(/Digest Mismatch|Signature is Invalid/);
  });

  it('tells a PDF signed by someone else from ours', async () => {
    const other = signingIdentityFrom({
      ...(() => {
        const chain = createTestChain({ ca: 'Some Other CA', leaf: 'Someone Else' });
        return { p12: chain.p12, passphrase: chain.passphrase, trustedCaPem: [chain.caPem] };
      })(),
    });
    const theirs = await sealedEndorsement(other);
    expect(checkPdfSignature(theirs, identity.trustedCas)).toMatchObject({
      status: 'foreign',
      subject: expect.stringContaining('Someone Else'),
    });
  });

  it('reports an unsigned PDF as unsigned', async () => {
    const rendered = await renderDocument(
      document,
      { signaturePng: strokesToPng(sampleStrokes()), at: 0 },
      brand,
    );
    expect(checkPdfSignature(await rendered.pdf.save(), identity.trustedCas)).toEqual({ status: 'unsigned' });
  });
});

interface Gray {
  width: number;
  height: number;
  pixels: Buffer;
}

/** pdftoppm -gray writes binary PGM: "P5\n<w> <h>\n255\n" then one byte per pixel. */
function readPgm(data: Buffer): Gray {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a PGM image');
  return { width: Number(header[1]), height: Number(header[2]), pixels: data.subarray(header[0].length) };
}

function inkIn(image: Gray, x0: number, y0: number, x1: number, y1: number): number {
  let ink = 0;
  for (let y = Math.floor(y0); y < Math.ceil(y1) && y < image.height; y++)
    for (let x = Math.floor(x0); x < Math.ceil(x1) && x < image.width; x++)
      if ((image.pixels[y * image.width + x] ?? 255) < 200) ink++;
  return ink;
}

import type { Brand } from '@zhixiang/shared/brand';
import { type DocumentRecord, documentNoun } from '@zhixiang/shared/documents/model';
import { formatDateCn, todayInShanghai } from '@zhixiang/shared/format/dates';
import { type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import {
  A4,
  createBrandedPdf,
  drawBrandHeader,
  drawParagraph,
  drawSeal,
  INK,
  MUTED,
  RULE,
  wrapText,
} from '../../platform/pdf/pdf-text';

const MARGIN = 48;

export interface RenderedDocument {
  pdf: PDFDocument;
  /** Where the insurer's signature widget goes: over the drawn seal, or the integrity box. */
  sealRect: [number, number, number, number];
}

/** What the page is dated by: the customer's drawn signature (an application) or the issue time (a 批单). */
export interface RenderTime {
  /** The customer's signature image; required for an application (and a record of before the kinds). */
  signaturePng?: Uint8Array;
  /** When it was signed (an application) or issued (a 批单). */
  at: number;
}

/**
 * Lays out one document on one A4 page: the insurer's header from the brand, the document and
 * policy numbers, holder and insured with masked IDs, the change table, then by kind:
 * - an application (申请书, 被保险人同意书): the declaration, the customer's drawn signature and
 *   date, and a box saying the insurer's digital signature only protects the file's integrity —
 *   no seal, nothing that says the insurer agrees;
 * - a 批单: the insurer's annotation (which names the signed application) and the company seal;
 * - a record stored before the two kinds: as it was then, the customer's signature and the seal.
 * The result still needs the insurer's digital signature (seal-pdf.ts).
 */
export async function renderDocument(
  document: DocumentRecord,
  time: RenderTime,
  brand: Brand,
): Promise<RenderedDocument> {
  const { pdf, font } = await createBrandedPdf(brand, `${document.title} ${document.documentId}`, time.at);
  pdf.setSubject(`${document.changeType} / ${document.policyNo}`);
  const page = pdf.addPage([A4.width, A4.height]);
  const contentWidth = A4.width - 2 * MARGIN;
  const application = document.kind === 'application';
  const noun = documentNoun(document);

  let y = drawHeader(page, font, brand, document);

  y = drawFacts(page, font, y - 18, [
    [`${noun}号`, document.documentId],
    ...(document.applicationDocumentId
      ? [['申请书号', document.applicationDocumentId] as [string, string]]
      : []),
    ['保单号', document.policyNo],
    ['险种名称', document.productName],
    ['投保人', `${document.holder.name}（证件号 ${document.holder.idNumberMasked}）`],
    ['被保险人', `${document.insured.name}（证件号 ${document.insured.idNumberMasked}）`],
    ['变更项目', document.changeType],
    [application ? '申请日期' : '生效日期', formatDateCn(document.effectiveDate)],
  ]);

  y = drawChangeTable(page, font, y - 16, document.changes, contentWidth);

  page.drawText(application ? '申请人声明' : '批注', { x: MARGIN, y: y - 24, size: 11, font, color: INK });
  y = drawParagraph(page, document.annotation, {
    x: MARGIN,
    y: y - 30,
    width: contentWidth,
    font,
    size: 9.5,
    color: INK,
  });

  const blockTop = Math.min(y - 18, 250);
  const day = formatDateCn(todayInShanghai(new Date(time.at)));
  if (document.kind === 'endorsement')
    page.drawText(`出具日期：${day}`, { x: MARGIN, y: blockTop - 16, size: 11, font, color: INK });
  else await drawCustomerSignature(pdf, page, font, document, time, blockTop, day);

  const sealRect = application
    ? drawIntegrityBox(page, font, blockTop)
    : drawCompanySeal(page, font, brand, blockTop, day);

  drawParagraph(
    page,
    application
      ? `本${document.title}由申请人电子签署。${brand.insurerName}以数字证书对本文件签名，仅为防止签署后被改动，不表示同意变更；变更以${brand.insurerName}出具的电子批单为准。真伪与办理状态可在「${brand.serviceName}」的批单验证页上传本文件核验。客服电话 ${brand.servicePhone}。`
      : `本批单为电子批单，由${brand.insurerName}以数字证书电子签名，与纸质批单具有同等效力。批单经签名后的任何改动都会使签名失效；真伪可在「${brand.serviceName}」的批单验证页上传本文件核验。客服电话 ${brand.servicePhone}。`,
    { x: MARGIN, y: 74, width: contentWidth, font, size: 8, color: MUTED },
  );
  return { pdf, sealRect };
}

/** The customer's drawn signature and the day it was signed (the holder, or the consenting insured). */
async function drawCustomerSignature(
  pdf: PDFDocument,
  page: PDFPage,
  font: PDFFont,
  document: DocumentRecord,
  time: RenderTime,
  blockTop: number,
  day: string,
): Promise<void> {
  if (!time.signaturePng)
    throw new Error(`document ${document.documentId} needs the customer's signature image`);
  const signer = document.signerRole === 'insured' ? '被保险人签名：' : '投保人签名：';
  page.drawText(signer, { x: MARGIN, y: blockTop - 16, size: 11, font, color: INK });
  const image = await pdf.embedPng(time.signaturePng);
  const box = { width: 170, height: 70 };
  const scale = Math.min(box.width / image.width, box.height / image.height);
  page.drawImage(image, {
    x: MARGIN + 84,
    y: blockTop - 16 - box.height / 2 - 4,
    width: image.width * scale,
    height: image.height * scale,
  });
  page.drawText(`签署日期：${day}`, { x: MARGIN, y: blockTop - 110, size: 11, font, color: INK });
}

/** The insurer's seal, right of the block: only on a 批单 (and records of before the two kinds). */
function drawCompanySeal(
  page: PDFPage,
  font: PDFFont,
  brand: Brand,
  blockTop: number,
  day: string,
): [number, number, number, number] {
  const seal = { cx: A4.width - MARGIN - 80, cy: blockTop - 60, radius: 58 };
  page.drawText(`${brand.insurerName}（盖章）`, {
    x: seal.cx - font.widthOfTextAtSize(`${brand.insurerName}（盖章）`, 10) / 2,
    y: blockTop - 2,
    size: 10,
    font,
    color: MUTED,
  });
  drawSeal(page, font, { ...seal, name: `${brand.insurerName}保险股份有限公司`, purpose: '电子批单专用章' });
  page.drawText(`签章日期：${day}`, { x: seal.cx - 58, y: blockTop - 140, size: 9, font, color: MUTED });
  return [seal.cx - seal.radius, seal.cy - seal.radius, seal.cx + seal.radius, seal.cy + seal.radius];
}

/** An application's right-hand box: what the insurer's digital signature over it means, and not. */
function drawIntegrityBox(page: PDFPage, font: PDFFont, blockTop: number): [number, number, number, number] {
  const box = { x: A4.width - MARGIN - 170, y: blockTop - 120, width: 170, height: 104 };
  page.drawRectangle({ ...box, borderColor: RULE, borderWidth: 0.8, opacity: 0 });
  const lines = [
    '防篡改数字签名',
    '本文件签署后由系统以数字证书',
    '签名，仅证明签署后未被改动，',
    '不表示保险公司同意变更。',
  ];
  lines.forEach((line, i) => {
    page.drawText(line, {
      x: box.x + 8,
      y: box.y + box.height - 20 - i * 18,
      size: i === 0 ? 10.5 : 9,
      font,
      color: i === 0 ? INK : MUTED,
    });
  });
  return [box.x, box.y, box.x + box.width, box.y + box.height];
}

function drawHeader(page: PDFPage, font: PDFFont, brand: Brand, document: DocumentRecord): number {
  const top = A4.height - MARGIN;
  const subtitle =
    document.kind === 'application'
      ? `${document.title}（电子申请，客户签署）`
      : '保险合同变更批单（电子批单）';
  drawBrandHeader(page, font, brand, subtitle, { margin: MARGIN, top });
  const titleWidth = font.widthOfTextAtSize(document.title, 18);
  page.drawText(document.title, {
    x: (A4.width - titleWidth) / 2,
    y: top - 74,
    size: 18,
    font,
    color: INK,
  });
  return top - 84;
}

function drawFacts(page: PDFPage, font: PDFFont, top: number, facts: [string, string][]): number {
  let y = top;
  for (const [label, value] of facts) {
    page.drawText(`${label}：`, { x: MARGIN, y: y - 11, size: 10.5, font, color: MUTED });
    page.drawText(value, { x: MARGIN + 70, y: y - 11, size: 10.5, font, color: INK });
    y -= 19;
  }
  return y;
}

function drawChangeTable(
  page: PDFPage,
  font: PDFFont,
  top: number,
  rows: DocumentRecord['changes'],
  width: number,
): number {
  const columns = [width * 0.22, width * 0.39, width * 0.39];
  const size = 10;
  const pad = 6;
  const header = ['变更内容', '变更前', '变更后'];
  let y = top;
  const drawRow = (cells: string[], shaded: boolean) => {
    const wrapped = cells.map((cell, i) => wrapText(cell || '—', font, size, (columns[i] ?? 0) - 2 * pad));
    const height = Math.max(...wrapped.map((lines) => lines.length)) * size * 1.45 + 2 * pad;
    if (shaded) page.drawRectangle({ x: MARGIN, y: y - height, width, height, color: rgb(0.94, 0.96, 0.99) });
    let x = MARGIN;
    wrapped.forEach((lines, i) => {
      lines.forEach((line, n) => {
        page.drawText(line, { x: x + pad, y: y - pad - size - n * size * 1.45 + 1, size, font, color: INK });
      });
      x += columns[i] ?? 0;
    });
    page.drawRectangle({
      x: MARGIN,
      y: y - height,
      width,
      height,
      borderColor: RULE,
      borderWidth: 0.8,
      opacity: 0,
    });
    let divider = MARGIN;
    for (const column of columns.slice(0, -1)) {
      divider += column;
      page.drawLine({
        start: { x: divider, y },
        end: { x: divider, y: y - height },
        thickness: 0.8,
        color: RULE,
      });
    }
    y -= height;
  };
  drawRow(header, true);
  for (const row of rows) drawRow([row.label, row.before, row.after], false);
  return y;
}

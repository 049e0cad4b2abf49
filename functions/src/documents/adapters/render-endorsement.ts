import type { Brand } from '@zhixiang/shared/brand';
import type { DocumentRecord } from '@zhixiang/shared/documents/model';
import { formatDateCn, todayInShanghai } from '@zhixiang/shared/format/dates';
import { type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import {
  createBrandedPdf,
  drawBrandHeader,
  drawParagraph,
  drawSeal,
  INK,
  MUTED,
  RULE,
  wrapText,
} from '../../platform/pdf/pdf-text';

/** A4 in points. */
const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = 48;

export interface RenderedEndorsement {
  pdf: PDFDocument;
  /** Where the company seal is drawn: the insurer's signature widget goes over it. */
  sealRect: [number, number, number, number];
}

/**
 * Lays out one endorsement (电子批单) on one A4 page: the insurer's header from the brand, the
 * document and policy numbers, holder and insured with masked IDs, the change table, the
 * effective date, the standard annotation, the customer's signature image and signing date, and
 * the company seal. The result still needs the insurer's digital signature (seal-pdf.ts).
 */
export async function renderEndorsement(
  document: DocumentRecord,
  signature: { png: Uint8Array; signedAt: number },
  brand: Brand,
): Promise<RenderedEndorsement> {
  const { pdf, font } = await createBrandedPdf(
    brand,
    `${document.title} ${document.documentId}`,
    signature.signedAt,
  );
  pdf.setSubject(`${document.changeType} / ${document.policyNo}`);
  const page = pdf.addPage([PAGE.width, PAGE.height]);
  const contentWidth = PAGE.width - 2 * MARGIN;

  let y = drawHeader(page, font, brand, document);

  y = drawFacts(page, font, y - 18, [
    ['批单号', document.documentId],
    ['保单号', document.policyNo],
    ['险种名称', document.productName],
    ['投保人', `${document.holder.name}（证件号 ${document.holder.idNumberMasked}）`],
    ['被保险人', `${document.insured.name}（证件号 ${document.insured.idNumberMasked}）`],
    ['变更项目', document.changeType],
    ['生效日期', formatDateCn(document.effectiveDate)],
  ]);

  y = drawChangeTable(page, font, y - 16, document.changes, contentWidth);

  page.drawText('批注', { x: MARGIN, y: y - 24, size: 11, font, color: INK });
  y = drawParagraph(page, document.annotation, {
    x: MARGIN,
    y: y - 30,
    width: contentWidth,
    font,
    size: 9.5,
    color: INK,
  });

  // The signature block: the customer's drawn signature left, the company seal right.
  const blockTop = Math.min(y - 18, 250);
  page.drawText('投保人签名：', { x: MARGIN, y: blockTop - 16, size: 11, font, color: INK });
  const image = await pdf.embedPng(signature.png);
  const box = { width: 170, height: 70 };
  const scale = Math.min(box.width / image.width, box.height / image.height);
  page.drawImage(image, {
    x: MARGIN + 72,
    y: blockTop - 16 - box.height / 2 - 4,
    width: image.width * scale,
    height: image.height * scale,
  });
  const signedOn = formatDateCn(todayInShanghai(new Date(signature.signedAt)));
  page.drawText(`签署日期：${signedOn}`, { x: MARGIN, y: blockTop - 110, size: 11, font, color: INK });

  const seal = { cx: PAGE.width - MARGIN - 80, cy: blockTop - 60, radius: 58 };
  page.drawText(`${brand.insurerName}（盖章）`, {
    x: seal.cx - font.widthOfTextAtSize(`${brand.insurerName}（盖章）`, 10) / 2,
    y: blockTop - 2,
    size: 10,
    font,
    color: MUTED,
  });
  drawSeal(page, font, { ...seal, name: `${brand.insurerName}保险股份有限公司`, purpose: '电子批单专用章' });
  page.drawText(`签章日期：${signedOn}`, { x: seal.cx - 58, y: blockTop - 140, size: 9, font, color: MUTED });

  drawParagraph(
    page,
    `本批单为电子批单，由${brand.insurerName}以数字证书电子签名，与纸质批单具有同等效力。批单经签名后的任何改动都会使签名失效；真伪可在「${brand.serviceName}」的批单验证页上传本文件核验。客服电话 ${brand.servicePhone}。`,
    { x: MARGIN, y: 74, width: contentWidth, font, size: 8, color: MUTED },
  );

  const sealRect: [number, number, number, number] = [
    seal.cx - seal.radius,
    seal.cy - seal.radius,
    seal.cx + seal.radius,
    seal.cy + seal.radius,
  ];
  return { pdf, sealRect };
}

function drawHeader(page: PDFPage, font: PDFFont, brand: Brand, document: DocumentRecord): number {
  const top = PAGE.height - MARGIN;
  drawBrandHeader(page, font, brand, '保险合同变更批单（电子批单）', { margin: MARGIN, top });
  const titleWidth = font.widthOfTextAtSize(document.title, 18);
  page.drawText(document.title, {
    x: (PAGE.width - titleWidth) / 2,
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

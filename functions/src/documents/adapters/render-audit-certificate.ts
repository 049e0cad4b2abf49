import type { Brand } from '@zhixiang/shared/brand';
import {
  auditEventLabel,
  type DocumentAuditEvent,
  type DocumentRecord,
  documentNoun,
  documentStatusLabel,
} from '@zhixiang/shared/documents/model';
import { formatShanghaiDateTime, shanghaiClock } from '@zhixiang/shared/format/dates';
import { type PDFDocument, rgb } from 'pdf-lib';
import {
  A4,
  createBrandedPdf,
  drawParagraph,
  drawSeal,
  hexColor,
  INK,
  MUTED,
  RULE,
  wrapText,
} from '../../platform/pdf/pdf-text';

const MARGIN = 40;

/** 2026-12-05 14:03:09, Shanghai time (by hand, as every Shanghai time here). */
function shanghaiTime(at: string | number): string {
  return `${formatShanghaiDateTime(at)}:${String(shanghaiClock(at).second).padStart(2, '0')}`;
}

const short = (hash: string | null) => (hash ? `${hash.slice(0, 16)}…${hash.slice(-8)}` : '—');

/**
 * The one-page audit certificate (审计证书) of a document: what it is, its hashes, and every event of
 * its trail with who, when, from where and the document hash before and after. Sealed like the
 * document itself, so the certificate is as checkable as what it certifies.
 */
export async function renderAuditCertificate(
  document: DocumentRecord,
  events: readonly DocumentAuditEvent[],
  brand: Brand,
  issuedAt: number,
): Promise<{ pdf: PDFDocument; sealRect: [number, number, number, number] }> {
  const { pdf, font } = await createBrandedPdf(brand, `审计证书 ${document.documentId}`, issuedAt);
  const page = pdf.addPage([A4.width, A4.height]);
  const width = A4.width - 2 * MARGIN;
  const primary = hexColor(brand.colors.primary);
  let y = A4.height - MARGIN;
  page.drawText(`${brand.insurerName} · 电子签署审计证书`, {
    x: MARGIN,
    y: y - 16,
    size: 16,
    font,
    color: primary,
  });
  page.drawLine({
    start: { x: MARGIN, y: y - 26 },
    end: { x: A4.width - MARGIN, y: y - 26 },
    thickness: 1.2,
    color: primary,
  });
  y -= 40;
  const noun = documentNoun(document);
  const facts: [string, string][] = [
    [`${noun}号`, document.documentId],
    [`${noun}名称`, `${document.title}（${document.changeType}）`],
    ['保单号', document.policyNo],
    ['投保人', `${document.holder.name}（${document.holder.idNumberMasked}）`],
    ['状态', documentStatusLabel(document)],
    ...(document.voided
      ? [['作废原因', `${document.voided.reason}（${shanghaiTime(document.voided.at)}）`] as [string, string]]
      : []),
    ['内容摘要 SHA-256', document.contentHash],
    [`电子${noun} SHA-256`, document.sealed?.sha256 ?? '尚未签署'],
    [
      '签章证书',
      document.sealed
        ? `${document.sealed.certificateSubject}（序列号 ${document.sealed.certificateSerial}）`
        : '—',
    ],
    ['证书出具时间', shanghaiTime(issuedAt)],
  ];
  for (const [label, value] of facts) {
    page.drawText(`${label}：`, { x: MARGIN, y: y - 10, size: 9, font, color: MUTED });
    y = drawParagraph(page, value, { x: MARGIN + 96, y, width: width - 96, font, size: 9 }) - 2;
  }

  y -= 8;
  const columns = [92, 60, 118, 1];
  columns[3] = width - columns[0]! - columns[1]! - columns[2]!;
  const header = ['时间（北京时间）', '事件', '操作人 / 来源', '详情与文件摘要（前 → 后）'];
  const size = 7.5;
  const rowOf = (cells: string[]) => cells.map((cell, i) => wrapText(cell, font, size, columns[i]! - 8));
  const drawRow = (cells: string[][], shaded: boolean) => {
    const height = Math.max(...cells.map((lines) => lines.length)) * size * 1.4 + 8;
    if (shaded) page.drawRectangle({ x: MARGIN, y: y - height, width, height, color: rgb(0.94, 0.96, 0.99) });
    let x = MARGIN;
    cells.forEach((lines, i) => {
      lines.forEach((line, n) => {
        page.drawText(line, { x: x + 4, y: y - 4 - size - n * size * 1.4 + 1, size, font, color: INK });
      });
      x += columns[i]!;
    });
    page.drawLine({
      start: { x: MARGIN, y: y - height },
      end: { x: MARGIN + width, y: y - height },
      thickness: 0.6,
      color: RULE,
    });
    y -= height;
  };
  drawRow(rowOf(header), true);
  for (const event of events) {
    if (y < 150) {
      drawRow(
        rowOf(['…', `其余 ${events.length - events.indexOf(event)} 条`, '', '完整记录可在系统中导出']),
        false,
      );
      break;
    }
    const actor = event.actorRole ? `${event.actorRole} ${event.actorUserId ?? ''}` : '系统';
    const source = [event.sourceIp, event.userAgent?.slice(0, 60)].filter(Boolean).join(' / ');
    drawRow(
      rowOf([
        shanghaiTime(event.at),
        auditEventLabel(document.kind, event.type),
        source ? `${actor}\n${source}` : actor,
        `${event.detail ?? ''}\n${short(event.hashBefore)} → ${short(event.hashAfter)}`.trim(),
      ]),
      false,
    );
  }
  drawParagraph(
    page,
    `本证书由${brand.insurerName}根据系统记录自动生成并加盖电子签章；文件摘要可用于核对电子${documentNoun(document)}自签章以来未被改动。`,
    { x: MARGIN, y: 120, width: width - 150, font, size: 8, color: MUTED },
  );
  const seal = { cx: A4.width - MARGIN - 62, cy: 96, radius: 48 };
  drawSeal(page, font, { ...seal, name: `${brand.insurerName}保险股份有限公司`, purpose: '审计专用章' });
  return {
    pdf,
    sealRect: [seal.cx - seal.radius, seal.cy - seal.radius, seal.cx + seal.radius, seal.cy + seal.radius],
  };
}

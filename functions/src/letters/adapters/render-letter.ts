import type { Brand } from '@zhixiang/shared/brand';
import { formatDateCn, todayInShanghai } from '@zhixiang/shared/format/dates';
import type { LetterContent } from '@zhixiang/shared/letters/model';
import type { PDFFont, PDFPage } from 'pdf-lib';
import {
  A4,
  createBrandedPdf,
  drawBrandHeader,
  drawParagraph,
  INK,
  MUTED,
  RULE,
} from '../../platform/pdf/pdf-text';

const MARGIN = 56;
const BOTTOM = 72;

/**
 * Lays out one e-letter (电子信函) from its composed content: the insurer's header from the brand,
 * title, greeting, paragraphs, a table of facts and the issuing line. Starts a new A4 page when the
 * content runs over, so the page count (the paper an e-letter saves) is the real one.
 */
export async function renderLetter(
  letter: { letterId: string; content: LetterContent; issuedAt: number },
  brand: Brand,
): Promise<{ pdf: Uint8Array; pages: number }> {
  const { pdf, font } = await createBrandedPdf(
    brand,
    `${letter.content.title} ${letter.letterId}`,
    letter.issuedAt,
  );
  const width = A4.width - 2 * MARGIN;

  let page = pdf.addPage([A4.width, A4.height]);
  let y = drawHeader(page, font, brand, letter.letterId);
  const titleWidth = font.widthOfTextAtSize(letter.content.title, 18);
  page.drawText(letter.content.title, {
    x: (A4.width - titleWidth) / 2,
    y: y - 30,
    size: 18,
    font,
    color: INK,
  });
  y -= 56;
  const ensureRoom = (needed: number) => {
    if (y - needed >= BOTTOM) return;
    page = pdf.addPage([A4.width, A4.height]);
    y = drawHeader(page, font, brand, letter.letterId) - 16;
  };

  page.drawText(letter.content.greeting, { x: MARGIN, y: y - 12, size: 11, font, color: INK });
  y -= 24;
  for (const paragraph of letter.content.paragraphs) {
    ensureRoom(40);
    y = drawParagraph(page, `　　${paragraph}`, { x: MARGIN, y, width, font, size: 10.5 }) - 6;
  }
  y -= 6;
  for (const [label, value] of letter.content.facts) {
    ensureRoom(24);
    page.drawText(label, { x: MARGIN + 8, y: y - 15, size: 10, font, color: MUTED });
    page.drawText(value, { x: MARGIN + 110, y: y - 15, size: 10, font, color: INK });
    page.drawLine({
      start: { x: MARGIN, y: y - 22 },
      end: { x: A4.width - MARGIN, y: y - 22 },
      thickness: 0.5,
      color: RULE,
    });
    y -= 24;
  }
  ensureRoom(60);
  const issued = `${brand.insurerName}　${formatDateCn(todayInShanghai(new Date(letter.issuedAt)))}`;
  const issuedWidth = font.widthOfTextAtSize(issued, 11);
  page.drawText(issued, { x: A4.width - MARGIN - issuedWidth, y: y - 40, size: 11, font, color: INK });
  page.drawText('本函为电子信函，与纸质信函具有同等效力。', {
    x: MARGIN,
    y: BOTTOM - 30,
    size: 8.5,
    font,
    color: MUTED,
  });

  return { pdf: await pdf.save(), pages: pdf.getPageCount() };
}

function drawHeader(page: PDFPage, font: PDFFont, brand: Brand, letterId: string): number {
  return drawBrandHeader(page, font, brand, `电子信函　编号 ${letterId}`, {
    margin: MARGIN,
    top: A4.height - 48,
  });
}

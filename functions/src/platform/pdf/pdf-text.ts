import fontkit from '@pdf-lib/fontkit';
import type { Brand } from '@zhixiang/shared/brand';
import { PDFDocument, type PDFFont, type PDFPage, radians, rgb } from 'pdf-lib';
import { documentFontBytes } from './document-font';

/** Shared drawing helpers of the product's PDFs (endorsements, audit certificates, e-letters). */

/**
 * pdf-lib asks fontkit to parse the font for every document; the parsed font is immutable (each
 * document takes its own subset of it), so one parse per process serves them all.
 */
let parsed: { bytes: Uint8Array; font: ReturnType<typeof fontkit.create> } | undefined;
const cachingFontkit: typeof fontkit = {
  ...fontkit,
  create: (bytes: Uint8Array, postscriptName?: string) => {
    if (parsed?.bytes !== bytes) parsed = { bytes, font: fontkit.create(bytes, postscriptName) };
    return parsed.font;
  },
};

export async function embedDocumentFont(pdf: PDFDocument): Promise<PDFFont> {
  pdf.registerFontkit(cachingFontkit);
  // Always subset: unsubsetted, the font's `locl` feature drops digits in Latin-only runs.
  return pdf.embedFont(documentFontBytes(), { subset: true });
}

/**
 * A new PDF of the insurer's: title, the insurer as author, the service as creator and producer,
 * creation and modification at `at` (fixed inputs give the same bytes), and the embedded font.
 */
export async function createBrandedPdf(
  brand: Brand,
  title: string,
  at: number,
): Promise<{ pdf: PDFDocument; font: PDFFont }> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setAuthor(brand.insurerName);
  pdf.setCreator(brand.serviceName);
  pdf.setProducer(brand.serviceName);
  pdf.setCreationDate(new Date(at));
  pdf.setModificationDate(new Date(at));
  return { pdf, font: await embedDocumentFont(pdf) };
}

export function hexColor(hex: string) {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return rgb(((value >> 16) & 255) / 255, ((value >> 8) & 255) / 255, (value & 255) / 255);
}

/** A4 in points: the page of every PDF the insurer issues. */
export const A4 = { width: 595.28, height: 841.89 } as const;

export const INK = rgb(0.12, 0.14, 0.18);
export const MUTED = rgb(0.4, 0.43, 0.48);
export const RULE = rgb(0.78, 0.8, 0.84);
export const SEAL_RED = rgb(0.84, 0.1, 0.12);

const NO_LINE_START: ReadonlySet<string> = new Set('，。、；：？！）」』》”’…—·,.;:?!)]');

/**
 * Breaks text into lines no wider than `maxWidth`, character by character (CJK has no spaces).
 * Widths are summed per character: measuring the growing line each time is quadratic in fontkit.
 */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let width = 0;
    for (const char of paragraph) {
      const charWidth = font.widthOfTextAtSize(char, size);
      // Closing punctuation never starts a line: it stays, slightly over the width, on the line before.
      if (line && width + charWidth > maxWidth && !NO_LINE_START.has(char)) {
        lines.push(line);
        line = char;
        width = charWidth;
      } else {
        line += char;
        width += charWidth;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Draws wrapped text from `y` downwards and returns the y below the last line. */
export function drawParagraph(
  page: PDFPage,
  text: string,
  options: {
    x: number;
    y: number;
    width: number;
    font: PDFFont;
    size: number;
    lineGap?: number;
    color?: ReturnType<typeof rgb>;
  },
): number {
  const lineHeight = options.size * (1.45 + (options.lineGap ?? 0));
  let y = options.y;
  for (const line of wrapText(text, options.font, options.size, options.width)) {
    page.drawText(line, {
      x: options.x,
      y: y - options.size,
      size: options.size,
      font: options.font,
      color: options.color ?? INK,
    });
    y -= lineHeight;
  }
  return y;
}

/**
 * A round company seal: the insurer's name along the upper arc, a star, the seal's purpose below.
 * Drawn into the page content; the insurer's digital signature widget lies over it.
 */
export function drawSeal(
  page: PDFPage,
  font: PDFFont,
  options: { cx: number; cy: number; radius: number; name: string; purpose: string },
): void {
  const { cx, cy, radius } = options;
  page.drawCircle({
    x: cx,
    y: cy,
    size: radius,
    borderColor: SEAL_RED,
    borderWidth: 2.4,
    opacity: 0,
    borderOpacity: 0.9,
  });
  const chars = [...options.name];
  const size = Math.min(13, (radius * 2.6) / Math.max(chars.length, 6));
  const textRadius = radius - size - 3;
  // Spread the name over 240° of the upper arc, left to right.
  const span = (Math.PI * 4) / 3;
  chars.forEach((char, index) => {
    const angle = Math.PI / 2 + span / 2 - (span * (index + 0.5)) / chars.length;
    const width = font.widthOfTextAtSize(char, size);
    const rotation = angle - Math.PI / 2;
    // Position the glyph's baseline centre on the arc, rotated to face the centre.
    const bx = cx + textRadius * Math.cos(angle) - (width / 2) * Math.cos(rotation);
    const by = cy + textRadius * Math.sin(angle) - (width / 2) * Math.sin(rotation);
    page.drawText(char, {
      x: bx,
      y: by,
      size,
      font,
      color: SEAL_RED,
      rotate: radians(rotation),
    });
  });
  drawStar(page, cx, cy + 2, radius * 0.26);
  const purposeSize = Math.min(9, (radius * 1.3) / Math.max([...options.purpose].length, 1));
  const purposeWidth = font.widthOfTextAtSize(options.purpose, purposeSize);
  page.drawText(options.purpose, {
    x: cx - purposeWidth / 2,
    y: cy - radius * 0.55,
    size: purposeSize,
    font,
    color: SEAL_RED,
  });
}

function drawStar(page: PDFPage, cx: number, cy: number, r: number): void {
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? r : r * 0.4;
    const angle = Math.PI / 2 + (i * Math.PI) / 5;
    points.push(`${(radius * Math.cos(angle)).toFixed(2)} ${(-radius * Math.sin(angle)).toFixed(2)}`);
  }
  page.drawSvgPath(`M ${points.join(' L ')} Z`, { x: cx, y: cy, color: SEAL_RED });
}

/**
 * The insurer's letterhead from the brand: the round logo, the insurer's name, a subtitle and a
 * rule in the primary colour across the page. Returns the y just below the rule.
 */
export function drawBrandHeader(
  page: PDFPage,
  font: PDFFont,
  brand: Brand,
  subtitle: string,
  layout: { margin: number; top: number },
): number {
  const primary = hexColor(brand.colors.primary);
  const { margin, top } = layout;
  page.drawCircle({ x: margin + 16, y: top - 16, size: 16, color: primary });
  const logoWidth = font.widthOfTextAtSize(brand.logoText, 16);
  page.drawText(brand.logoText, {
    x: margin + 16 - logoWidth / 2,
    y: top - 22,
    size: 16,
    font,
    color: rgb(1, 1, 1),
  });
  page.drawText(brand.insurerName, { x: margin + 40, y: top - 14, size: 15, font, color: primary });
  page.drawText(subtitle, { x: margin + 40, y: top - 30, size: 9, font, color: MUTED });
  page.drawLine({
    start: { x: margin, y: top - 42 },
    end: { x: page.getWidth() - margin, y: top - 42 },
    thickness: 1.5,
    color: primary,
  });
  return top - 44;
}

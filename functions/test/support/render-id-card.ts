import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

/**
 * Renders fictional resident ID cards (front and back) as PNG for the OCR tests, the OCR benchmark
 * and the browser journey: SVG laid out like the real card (85.6 × 54 mm at 10 px/mm), drawn by
 * resvg with the system CJK font (Debian `fonts-wqy-microhei`).
 */
export interface CardFace {
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  address: string;
  idNumber: string;
}
export interface CardBack {
  authority: string;
  /** `YYYY.MM.DD-YYYY.MM.DD` or `YYYY.MM.DD-长期`. */
  validity: string;
}

const FONT_FILES = ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'];
const WIDTH = 856;
const HEIGHT = 540;

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function render(body: string): Uint8Array {
  // Without the font resvg draws no text at all, and the OCR tests would fail as unreadable cards.
  if (!FONT_FILES.some((file) => existsSync(file)))
    throw new Error(
      `The rendered ID cards need the CJK font ${FONT_FILES.join(' or ')}: apt-get install fonts-wqy-microhei`,
    );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
  <rect width="${WIDTH}" height="${HEIGHT}" rx="28" fill="#f4f1e8"/>
  <rect x="8" y="8" width="${WIDTH - 16}" height="${HEIGHT - 16}" rx="22" fill="none" stroke="#d8cfb8" stroke-width="2"/>
  <g font-family="WenQuanYi Micro Hei" fill="#1f1f1f">${body}</g>
</svg>`;
  const png = new Resvg(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'WenQuanYi Micro Hei' },
    background: '#ffffff',
  }).render();
  return png.asPng();
}

export function renderIdCardFront(card: CardFace): Uint8Array {
  const [y, m, d] = card.birthDate.split('-').map(Number);
  const label = (x: number, yPos: number, text: string) =>
    `<text x="${x}" y="${yPos}" font-size="26" fill="#3b6ea5">${text}</text>`;
  const value = (x: number, yPos: number, text: string, size = 30) =>
    `<text x="${x}" y="${yPos}" font-size="${size}">${escapeXml(text)}</text>`;
  return render(`
    ${label(60, 90, '姓 名')}${value(160, 92, card.name, 34)}
    ${label(60, 160, '性 别')}${value(160, 162, card.gender === 'male' ? '男' : '女')}
    ${label(260, 160, '民 族')}${value(360, 162, '汉')}
    ${label(60, 230, '出 生')}${value(160, 232, `${y} 年 ${m} 月 ${d} 日`)}
    ${label(60, 300, '住 址')}${value(160, 302, card.address.slice(0, 12))}${value(160, 346, card.address.slice(12))}
    ${label(60, 460, '公民身份号码')}
    <text x="260" y="462" font-size="38" font-family="WenQuanYi Micro Hei Mono" letter-spacing="3">${card.idNumber}</text>
    <rect x="600" y="60" width="200" height="250" fill="#e3ddcc"/>`);
}

export function renderIdCardBack(back: CardBack): Uint8Array {
  return render(`
    <circle cx="120" cy="120" r="60" fill="none" stroke="#c0392b" stroke-width="6"/>
    <text x="260" y="110" font-size="44" letter-spacing="6">中华人民共和国</text>
    <text x="280" y="190" font-size="52" letter-spacing="10">居民身份证</text>
    <text x="120" y="390" font-size="26" fill="#3b6ea5">签发机关</text>
    <text x="260" y="392" font-size="30">${escapeXml(back.authority)}</text>
    <text x="120" y="460" font-size="26" fill="#3b6ea5">有效期限</text>
    <text x="260" y="462" font-size="34" font-family="WenQuanYi Micro Hei Mono">${escapeXml(back.validity)}</text>`);
}

/** A fictional passport's photo page (for the video authorisations' journey), in the same frame. */
export function renderPassportPhotoPage(page: {
  name: string;
  number: string;
  expiresOn: string;
}): Uint8Array {
  return render(`
    <text x="60" y="80" font-size="34" letter-spacing="4">中华人民共和国护照 PASSPORT</text>
    <rect x="60" y="120" width="200" height="250" fill="#e3ddcc"/>
    <text x="300" y="160" font-size="26" fill="#3b6ea5">姓名 Name</text>
    <text x="300" y="200" font-size="32">${escapeXml(page.name)}</text>
    <text x="300" y="260" font-size="26" fill="#3b6ea5">护照号 Passport No.</text>
    <text x="300" y="300" font-size="32" font-family="WenQuanYi Micro Hei Mono">${escapeXml(page.number)}</text>
    <text x="300" y="360" font-size="26" fill="#3b6ea5">有效期至 Date of expiry</text>
    <text x="300" y="400" font-size="32" font-family="WenQuanYi Micro Hei Mono">${escapeXml(page.expiresOn)}</text>`);
}

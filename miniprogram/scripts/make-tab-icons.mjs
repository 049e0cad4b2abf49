// Draws the four tab-bar icons (WeChat needs local PNGs, ≤ 40 KB, 81 × 81 recommended) in the
// brand's colours from config/brand.json. Run again after a brand change:
//   node scripts/make-tab-icons.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

const brand = JSON.parse(readFileSync(new URL('../../config/brand.json', import.meta.url), 'utf8'));
const SIZE = 81;
const SAMPLES = 4;
const outDir = new URL('../src/assets/tab/', import.meta.url);

const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const inTriangle = (x, y, [ax, ay], [bx, by], [cx, cy]) => {
  const d1 = (x - bx) * (ay - by) - (ax - bx) * (y - by);
  const d2 = (x - cx) * (by - cy) - (bx - cx) * (y - cy);
  const d3 = (x - ax) * (cy - ay) - (cx - ax) * (y - ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};
const inRoundRect = (x, y, x0, y0, x1, y1, r) =>
  inRect(x, y, x0 + r, y0, x1 - r, y1) ||
  inRect(x, y, x0, y0 + r, x1, y1 - r) ||
  inCircle(x, y, x0 + r, y0 + r, r) ||
  inCircle(x, y, x1 - r, y0 + r, r) ||
  inCircle(x, y, x0 + r, y1 - r, r) ||
  inCircle(x, y, x1 - r, y1 - r, r);

const shapes = {
  home: (x, y) =>
    (inTriangle(x, y, [40.5, 8], [6, 40], [75, 40]) || inRect(x, y, 16, 36, 65, 72)) &&
    !inRect(x, y, 34, 50, 47, 72),
  policy: (x, y) =>
    inRoundRect(x, y, 17, 8, 64, 73, 6) &&
    !inRect(x, y, 26, 24, 55, 29) &&
    !inRect(x, y, 26, 37, 55, 42) &&
    !inRect(x, y, 26, 50, 44, 55),
  assistant: (x, y) =>
    (inRoundRect(x, y, 7, 12, 74, 58, 12) || inTriangle(x, y, [20, 54], [18, 72], [38, 56])) &&
    !inCircle(x, y, 24, 35, 4.5) &&
    !inCircle(x, y, 40.5, 35, 4.5) &&
    !inCircle(x, y, 57, 35, 4.5),
  me: (x, y) =>
    inCircle(x, y, 40.5, 26, 15) || (((x - 40.5) / 28) ** 2 + ((y - 76) / 30) ** 2 <= 1 && y <= 74),
};

function png(inside, [r, g, b]) {
  const rows = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4);
    for (let x = 0; x < SIZE; x++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          if (inside(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES)) hits++;
        }
      }
      row.set([r, g, b, Math.round((255 * hits) / SAMPLES ** 2)], 1 + x * 4);
    }
    rows.push(row);
  }
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const hex = (color) => [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16));
mkdirSync(outDir, { recursive: true });
for (const [name, inside] of Object.entries(shapes)) {
  writeFileSync(new URL(`${name}.png`, outDir), png(inside, hex('#6B7280')));
  writeFileSync(new URL(`${name}-active.png`, outDir), png(inside, hex(brand.colors.primary)));
}
console.log(`tab-bar icons written to ${outDir.pathname}`);

import { Resvg } from '@resvg/resvg-js';
import type { SignatureStrokes } from '@zhixiang/shared/documents/signature-quality';

/** The strokes rendered to a PNG, as the signing screen would upload it. */
export function strokesToPng(signature: SignatureStrokes): Uint8Array {
  const paths = signature.strokes
    .map((stroke) => `<path d="M ${stroke.map((p) => `${p.x} ${p.y}`).join(' L ')}" />`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${signature.width}" height="${signature.height}"><g fill="none" stroke="#111" stroke-width="6" stroke-linecap="round" stroke-linejoin="round">${paths}</g></svg>`;
  return new Resvg(svg).render().asPng();
}

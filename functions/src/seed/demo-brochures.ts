import type { CatalogueProductRecord } from '@zhixiang/shared/product/catalogue';
import type { BrochureStore } from '../products/adapters/brochure-links';

/**
 * A one-page placeholder brochure per demo product, so the product page's link opens a real PDF
 * locally. Built by hand (a few hundred bytes, standard Helvetica): the text is ASCII because the
 * base-14 fonts have no Chinese; real brochures are uploaded by the insurer.
 */
export function demoBrochurePdf(productCode: string): Uint8Array {
  const lines = [
    `Demo brochure - product ${productCode}`,
    'Fictional product of the demo insurer, for demonstration only.',
    'The insurer uploads the real brochure (PDF) to brochures/<code>.pdf.',
  ];
  const text = lines
    .map(
      (line, i) =>
        `BT /F1 ${i === 0 ? 20 : 12} Tf 56 ${760 - i * 28} Td (${line.replace(/[()\\]/g, '\\$&')}) Tj ET`,
    )
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

/** Uploads the placeholder of every product that has a brochure key and no file yet. */
export async function seedDemoBrochures(
  store: BrochureStore,
  products: readonly CatalogueProductRecord[],
): Promise<number> {
  const keys = products.flatMap((p) => (p.brochureKey ? [{ key: p.brochureKey, code: p.productCode }] : []));
  let uploaded = 0;
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const { key, code } = keys[next++] as (typeof keys)[number];
      if (await store.has(key)) continue;
      await store.put(key, demoBrochurePdf(code));
      uploaded++;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return uploaded;
}

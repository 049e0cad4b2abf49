import { readFileSync } from 'node:fs';
import { brand } from '@zhixiang/shared/brand';
import { renderDocument } from '../../functions/src/documents/adapters/render-document';
import { InsurerSigningKey } from '../../functions/src/documents/adapters/signing/insurer-certificate';
import { LocalTestCaCertificates } from '../../functions/src/documents/adapters/signing/local-test-ca';
import { sealPdf } from '../../functions/src/documents/adapters/signing/seal-pdf';
import { sampleDocument } from '../../functions/test/documents/fixtures';

/**
 * What bench/document-render.ts bundles like a Lambda function: render one endorsement with the
 * signature image, then seal it with the insurer's key, exactly as sign-document does.
 */
const ca = new LocalTestCaCertificates('local', process.env.BENCH_SIGNING_DIR ?? '');
const key = new InsurerSigningKey(ca, ca);
const png = readFileSync(process.env.BENCH_SIGNATURE_PNG ?? '');
const document = sampleDocument();

export async function renderOnly() {
  return renderDocument(document, { signaturePng: png, at: Date.now() }, brand);
}

export async function renderAndSeal(): Promise<Buffer> {
  const identity = await key.get();
  const rendered = await renderOnly();
  const { sealed } = await sealPdf(rendered.pdf, identity, {
    widgetRect: rendered.sealRect,
    signingTime: new Date(),
  });
  return sealed;
}

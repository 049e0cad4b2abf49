import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import type { PDFDocument } from 'pdf-lib';
import type { InsurerSigningIdentity } from './insurer-certificate';

/**
 * Room for the CMS signature: the leaf and CA certificates (≈ 2 × 1 KB), the signed attributes and
 * the RSA signature, hex-encoded (×2), with headroom for a longer chain from the insurer's CA.
 */
const SIGNATURE_LENGTH = 12_288;

/**
 * Applies the insurer's one digital signature (CAdES detached, SHA-256) to a finished document,
 * with the signature widget over the drawn seal. pdf-lib cannot write incremental updates, so
 * this is the last change a document ever gets: anything after it breaks the signature.
 * Reason, name and location must be ASCII with the stock placeholder.
 */
export async function sealPdf(
  pdf: PDFDocument,
  identity: InsurerSigningIdentity,
  options: {
    widgetRect: [number, number, number, number];
    signingTime: Date;
    /** What the signature means (ASCII); an application's says it is not the insurer's consent. */
    reason?: string;
  },
): Promise<{ unsealed: Uint8Array; sealed: Buffer }> {
  pdflibAddPlaceholder({
    pdfDoc: pdf,
    reason: options.reason ?? 'Endorsement issued by the insurer',
    contactInfo: '',
    name: 'Insurer document seal',
    location: 'CN',
    signingTime: options.signingTime,
    signatureLength: SIGNATURE_LENGTH,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    widgetRect: options.widgetRect,
  });
  const unsealed = await pdf.save({ useObjectStreams: false });
  const sealed = await new SignPdf().sign(Buffer.from(unsealed), identity.signer, options.signingTime);
  return { unsealed, sealed };
}

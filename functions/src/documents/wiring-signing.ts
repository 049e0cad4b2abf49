import { defineWiring } from '../platform/process';
import { renderAuditCertificate } from './adapters/render-audit-certificate';
import { renderDocument } from './adapters/render-document';
import { insurerSigningKey } from './adapters/signing/insurer-signing-key';
import { sealPdf } from './adapters/signing/seal-pdf';
import { checkPdfSignature } from './adapters/signing/verify-pdf-signature';
import { createDocumentsDeps } from './wiring';

/** The PDF tools of the signing functions (the whole system shares the same object). */
export const documentPdf = { renderDocument, renderAuditCertificate, sealPdf, checkPdfSignature };

/**
 * The functions that sign and seal: the documents' dependencies plus the insurer's signing key and
 * the PDF tools, kept apart so pdf-lib, fontkit, the font and node-forge stay out of every other bundle.
 */
export const signingWiring = defineWiring((platform) => ({
  ...createDocumentsDeps(platform),
  signingKey: insurerSigningKey(platform.config),
  pdf: documentPdf,
}));

import { defineWiring } from '../platform/process';
import { renderAuditCertificate } from './adapters/render-audit-certificate';
import { renderEndorsement } from './adapters/render-endorsement';
import { insurerSigningKey } from './adapters/signing/insurer-signing-key';
import { sealPdf } from './adapters/signing/seal-pdf';
import { checkPdfSignature } from './adapters/signing/verify-pdf-signature';
import { createDocumentsDeps } from './wiring';

/**
 * The functions that sign, seal or verify: the documents' dependencies plus the insurer's signing
 * key, kept apart so node-forge and the Secrets Manager client stay out of every other bundle.
 */
/** The PDF tools of the signing functions (the whole system shares the same object). */
export const documentPdf = { renderEndorsement, renderAuditCertificate, sealPdf, checkPdfSignature };

export const signingWiring = defineWiring((platform) => ({
  ...createDocumentsDeps(platform),
  signingKey: insurerSigningKey(platform.config),
  pdf: documentPdf,
}));

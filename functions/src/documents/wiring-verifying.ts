import { createRateLimiter } from '../platform/auth-store/auth-store';
import { defineWiring } from '../platform/process';
import { insurerTrustedCas } from './adapters/signing/insurer-signing-key';
import { checkPdfSignature } from './adapters/signing/verify-pdf-signature';
import { createDocumentsDeps } from './wiring';

/**
 * The public verify function: it checks a PDF's signature against the insurer's trusted CA
 * certificates (never the signing key, which its role may not read) and renders nothing, so it
 * carries node-forge but neither pdf-lib nor the font.
 */
export const verifyingWiring = defineWiring((platform) => ({
  ...createDocumentsDeps(platform),
  trustedCas: insurerTrustedCas(platform.config),
  pdf: { checkPdfSignature },
  /** Per-address limits: anyone may verify, nobody may flood the PDF parser. */
  rateLimiter: createRateLimiter(platform.table),
}));

import { defineWiring } from '../platform/process';
import { insurerSigningKey } from './adapters/signing/insurer-signing-key';
import { createDocumentsDeps } from './wiring';

/**
 * The functions that sign, seal or verify: the documents' dependencies plus the insurer's signing
 * key, kept apart so node-forge and the Secrets Manager client stay out of every other bundle.
 */
export const signingWiring = defineWiring((platform) => ({
  ...createDocumentsDeps(platform),
  signingKey: insurerSigningKey(platform.config),
}));
